import fc from 'fast-check';
import { gsap } from 'gsap';
import { describe, expect, it } from 'vitest';
import { formatCount } from '$lib/format';
import { COUNT_EASE, countAt } from '$lib/motion/count-up.svelte';

describe('counting up', () => {
	it('writes counts as the source does', () => {
		expect(formatCount(200000)).toBe('200,000');
		expect(formatCount(51)).toBe('51');
		expect(formatCount(0)).toBe('0');
		expect(formatCount(1999)).toBe('1,999');
	});

	it('writes every count as Intl.NumberFormat would, without its cost', () => {
		const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
		const counts = fc.oneof(
			fc.integer({ min: -1e12, max: 1e12 }),
			fc.double({ min: 0, max: 1e9, noNaN: true })
		);
		fc.assert(
			fc.property(counts, (n) => formatCount(n) === intl.format(n)),
			{ seed: 25, numRuns: 5000 }
		);
	});

	it('starts at 0 and ends exactly on the value, in whole numbers', () => {
		expect(countAt(0, 200000)).toBe(0);
		expect(countAt(1, 200000)).toBe(200000);
		expect(countAt(1, 51)).toBe(51);
		expect(Number.isInteger(countAt(0.333, 51))).toBe(true);
		expect(countAt(1.2, 51)).toBe(51);
		expect(countAt(-0.1, 51)).toBe(0);
	});

	it('eases out: fast at first, slowing into the final value, which it reaches', () => {
		const ease = gsap.parseEase(COUNT_EASE);
		expect(ease(1)).toBe(1);
		expect(ease(0)).toBe(0);
		expect(ease(0.5)).toBeGreaterThan(0.8);
		const steps = Array.from({ length: 11 }, (_, i) => countAt(ease(i / 10), 51));
		expect(steps).toEqual([...steps].sort((a, b) => a - b));
		expect(steps.at(-1)! - steps.at(-2)!).toBeLessThan(steps[1]! - steps[0]!);
	});
});
