// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { easeInOutCubic, sequence, valueAt } from '$lib/motion/sequence';
import { advanceTo, installFakeAnimations, runningAnimations, seen } from './fake-animations';

beforeEach(() => {
	installFakeAnimations();
	document.body.replaceChildren();
});

const element = (opacity = '') => {
	const el = document.body.appendChild(document.createElement('div'));
	el.style.opacity = opacity;
	return el;
};

describe('a sequence of Web Animations', () => {
	it('runs each step at its time, in order, and a step at 0 at once', () => {
		const order: string[] = [];
		const tl = sequence(() => order.push('done'));
		tl.at(0.5, () => order.push('b'));
		tl.at(0.2, () => order.push('a'));
		tl.at(0, () => order.push('now'));
		expect(order).toEqual(['now']);
		advanceTo(300);
		expect(order).toEqual(['now', 'a']);
		advanceTo(500);
		expect(order).toEqual(['now', 'a', 'b', 'done']);
	});

	it('asks the browser once per target for the whole tween, from where it is, and leaves the end inline', () => {
		const [a, b] = [element('0.2'), element('0.6')];
		const tl = sequence(() => {});
		tl.tween({ targets: [a, b], property: 'opacity', to: '1', seconds: 0.4, easing: 'linear' });
		expect(runningAnimations().map((x) => x.effect.keyframes)).toEqual([
			[{ opacity: '0.2' }, { opacity: '1' }],
			[{ opacity: '0.6' }, { opacity: '1' }]
		]);
		advanceTo(200);
		expect(Number(seen(a, 'opacity'))).toBeCloseTo(0.6);
		expect(a.style.opacity).toBe('0.2');
		advanceTo(400);
		expect([a.style.opacity, b.style.opacity]).toEqual(['1', '1']);
		expect(runningAnimations()).toEqual([]);
	});

	it('ends a tween with its own last word where it has one', () => {
		const el = element();
		const then = vi.fn();
		const tl = sequence(() => {});
		tl.tween({
			targets: [el],
			property: 'strokeDashoffset',
			from: '10px',
			to: '0px',
			seconds: 0.1,
			easing: 'linear',
			then
		});
		advanceTo(100);
		expect(then).toHaveBeenCalledExactlyOnceWith(el);
		expect(el.style.strokeDashoffset).toBe('');
	});

	it("is done when the last tween has ended, a step's own tweens too", () => {
		const done = vi.fn();
		const el = element('0');
		const tl = sequence(done);
		tl.at(0.1, () =>
			tl.tween({ targets: [el], property: 'opacity', to: '1', seconds: 0.5, easing: 'linear' })
		);
		advanceTo(300);
		expect(done).not.toHaveBeenCalled();
		advanceTo(600);
		expect(done).toHaveBeenCalledOnce();
	});

	it('killed, stops where the reader sees it: the value kept inline, no step or end runs after', () => {
		const done = vi.fn();
		const later = vi.fn();
		const el = element('0');
		const tl = sequence(done);
		tl.tween({ targets: [el], property: 'opacity', to: '1', seconds: 1, easing: 'linear' });
		tl.at(0.8, later);
		advanceTo(250);
		tl.kill();
		expect(Number(el.style.opacity)).toBeCloseTo(0.25);
		expect(runningAnimations()).toEqual([]);
		advanceTo(2000);
		tl.at(0, later);
		expect(later).not.toHaveBeenCalled();
		expect(done).not.toHaveBeenCalled();
		expect(Number(el.style.opacity)).toBeCloseTo(0.25);
	});
});

describe('a value kept where a killed tween has it', () => {
	it('is the eased progress between the ends, in their unit', () => {
		expect(valueAt('0', '1', 0.25)).toBe('0.25');
		expect(valueAt('202px', '0px', 0.5)).toBe('101px');
		expect(valueAt('0.5', '0', null)).toBe('0.5');
		expect(valueAt('1', '0', 1)).toBe('0');
	});
});

describe("the camera's ease", () => {
	it('is gsap power2.inOut: a cubic in and out, symmetric, still at both ends', () => {
		expect(easeInOutCubic(0)).toBe(0);
		expect(easeInOutCubic(1)).toBe(1);
		expect(easeInOutCubic(0.5)).toBeCloseTo(0.5);
		expect(easeInOutCubic(0.25)).toBeCloseTo(0.0625);
		for (const t of [0.1, 0.3, 0.45])
			expect(easeInOutCubic(1 - t)).toBeCloseTo(1 - easeInOutCubic(t));
	});
});
