import { describe, expect, it } from 'vitest';
import { elapsed, formatElapsed, startTimer, togglePause } from '$lib/present/talk-timer';

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
});
