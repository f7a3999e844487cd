import { describe, expect, it } from 'vitest';
import { median, medianInterval, seeded, verdict } from '../../scripts/paired-stats.js';

describe('paired comparisons (scripts/paired-stats.js)', () => {
	it('draws the same numbers from the same seed, and others from another', () => {
		const a = seeded(7);
		const b = seeded(7);
		const draws = Array.from({ length: 5 }, () => a());
		expect(Array.from({ length: 5 }, () => b())).toEqual(draws);
		expect(seeded(8)()).not.toBe(draws[0]);
		for (const x of draws) expect(x >= 0 && x < 1).toBe(true);
	});

	it('takes the middle of odd and even lists', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it('puts a clear shift outside zero, and noise around it', () => {
		const random = seeded(3);
		const noise = () => (random() - 0.5) * 20;
		const shifted = Array.from({ length: 12 }, () => -40 + noise());
		const level = Array.from({ length: 12 }, noise);
		const gain = medianInterval(shifted);
		expect(gain.high).toBeLessThan(0);
		expect(gain.low).toBeLessThanOrEqual(gain.median);
		expect(gain.median).toBeLessThanOrEqual(gain.high);
		const none = medianInterval(level);
		expect(none.low).toBeLessThan(0);
		expect(none.high).toBeGreaterThan(0);
	});

	it('passes an interval within the budget, fails one beyond it, and leaves the rest open', () => {
		expect(verdict({ low: -30, high: -5 }, { atMost: 0 })).toBe('pass');
		expect(verdict({ low: 5, high: 30 }, { atMost: 0 })).toBe('fail');
		expect(verdict({ low: -5, high: 5 }, { atMost: 0 })).toBe('inconclusive');
		expect(verdict({ low: 2, high: 9 }, { atMost: 10 })).toBe('pass');
		expect(verdict({ low: 0, high: 0 }, { atMost: 0 })).toBe('pass');
	});

	it('judges a floor the other way round', () => {
		expect(verdict({ low: 58, high: 60 }, { atLeast: 58 })).toBe('pass');
		expect(verdict({ low: 50, high: 57.9 }, { atLeast: 58 })).toBe('fail');
		expect(verdict({ low: 57, high: 59 }, { atLeast: 58 })).toBe('inconclusive');
	});

	it('refuses an empty comparison', () => {
		expect(() => medianInterval([])).toThrow(/no runs/);
	});
});
