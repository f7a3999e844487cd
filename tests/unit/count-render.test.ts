// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { COUNT_FPS, holdSize, renderCount, throttle } from '$lib/motion/count-up.svelte';

const callout = () => {
	document.body.innerHTML =
		'<div data-figure="fled"><span data-count-box><span data-counter="fled">200,000</span></span></div>';
	return document.querySelector<HTMLElement>('[data-figure]')!;
};

describe('a count on the page', () => {
	it('writes the count as the source does, in a new text node each time (an old one moving is a layout shift)', () => {
		const root = callout();
		const digits = root.querySelector('[data-counter]')!.firstChild;
		renderCount(root, 0);
		expect(root.querySelector('[data-counter]')!.firstChild).not.toBe(digits);
		expect(root.textContent).toBe('0');
		renderCount(root, 200000);
		expect(root.textContent).toBe('200,000');
	});

	it("holds the number's block at its height, contained, while it counts, then lets it go", () => {
		const box = callout().querySelector<HTMLElement>('[data-count-box]')!;
		box.getBoundingClientRect = () => ({ width: 320, height: 56.5 }) as DOMRect;
		const release = holdSize(box);
		expect([box.style.width, box.style.height, box.style.contain]).toEqual([
			'',
			'56.5px',
			'strict'
		]);
		release();
		expect([box.style.height, box.style.contain]).toEqual(['', '']);
	});
});

describe('the pace of new digits', () => {
	it('opens at most COUNT_FPS times a second, on every second frame at 60 a second, jitter or not', () => {
		const due = throttle(COUNT_FPS);
		const frames = Array.from({ length: 60 }, (_, i) => i * (1000 / 60) + (i % 3) - 1);
		const shown = frames.filter((t) => due(t));
		expect(shown.length).toBe(30);
		expect(shown[0]).toBe(frames[0]);
	});

	it('never opens twice in one frame', () => {
		const due = throttle(30);
		expect([due(100), due(100), due(110)]).toEqual([true, false, false]);
	});
});
