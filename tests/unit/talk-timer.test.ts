import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	elapsed,
	formatElapsed,
	formatSigned,
	pacing,
	slideWeight,
	startTimer,
	togglePause
} from '$lib/present/talk-timer';

describe('the talk timer', () => {
	it('counts from its start, and not while paused', () => {
		let timer = startTimer(1_000);
		expect(elapsed(timer, 61_000)).toBe(60_000);
		timer = togglePause(timer, 61_000);
		expect(elapsed(timer, 300_000)).toBe(60_000);
		timer = togglePause(timer, 300_000);
		expect(elapsed(timer, 310_000)).toBe(70_000);
		// A second pause adds to the first.
		timer = togglePause(togglePause(timer, 310_000), 320_000);
		expect(elapsed(timer, 330_000)).toBe(80_000);
	});

	it('writes minutes and seconds, minutes counting on past the hour', () => {
		expect(formatElapsed(0)).toBe('00:00');
		expect(formatElapsed(61_999)).toBe('01:01');
		expect(formatElapsed(75 * 60_000)).toBe('75:00');
	});

	it('writes time over the target with a minus sign', () => {
		expect(formatSigned(90_000)).toBe('01:30');
		expect(formatSigned(-500)).toBe('00:00');
		expect(formatSigned(-61_000)).toBe('−01:01');
	});
});

describe('the pacing target', () => {
	const minute = 60_000;

	it('gives each slide its share of the talk by the length of its notes', () => {
		// A 10-minute talk over weights 1, 2, 1, 1: slide 2 is planned from 2:00 to 6:00.
		const weights = [1, 2, 1, 1];
		expect(pacing(10 * minute, weights, 2, 1 * minute)).toEqual({
			left: 9 * minute,
			delta: -minute
		});
		expect(pacing(10 * minute, weights, 2, 4 * minute)).toEqual({ left: 6 * minute, delta: 0 });
		expect(pacing(10 * minute, weights, 2, 7 * minute)).toEqual({
			left: 3 * minute,
			delta: minute
		});
		expect(pacing(10 * minute, weights, 4, 11 * minute).left).toBe(-minute);
	});

	it('weighs slides by their words, with a floor for the short ones', () => {
		expect(slideWeight(['one two three'])).toBe(40);
		expect(slideWeight(['word '.repeat(60), 'word '.repeat(30)])).toBe(90);
	});

	it('is on plan somewhere in every slide, and never both ahead and behind', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 20 }),
				fc.integer({ min: 1, max: 120 }),
				fc.nat(),
				fc.integer({ min: 0, max: 200 * minute }),
				(weights, minutes, pick, at) => {
					const n = (pick % weights.length) + 1;
					const target = minutes * minute;
					const { left, delta } = pacing(target, weights, n, at);
					expect(left).toBe(target - at);
					// Ahead means the talk reached this slide before its planned start, behind after its end.
					const before = weights.slice(0, n - 1).reduce((a, b) => a + b, 0);
					const total = weights.reduce((a, b) => a + b, 0);
					const start = (target * before) / total;
					expect(pacing(target, weights, n, start).delta).toBeCloseTo(0);
					if (delta < 0) expect(at).toBeLessThan(start);
					if (delta > 0) expect(at).toBeGreaterThan(start);
				}
			),
			{ seed: 14 }
		);
	});
});
