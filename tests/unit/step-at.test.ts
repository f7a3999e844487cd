import { describe, expect, it } from 'vitest';
import { stepAt } from '$lib/scroll/step-at';

/** Steps as the page lays them out: id, top and bottom on screen, a 64 px gap between each. */
const laidOut = (...boxes: [string, number, number][]) =>
	boxes.map(
		([step, top, bottom]) =>
			({
				dataset: { step },
				getBoundingClientRect: () => ({ top, bottom })
			}) as unknown as HTMLElement
	);

// Where a wheel of 2,051 px up from Aleksandr landed at 1280x800 (line at 400).
const steps = laidOut(
	['anna', -2055, -944],
	['oleg', -880, 344],
	['konstantin-roman', 408, 2011],
	['aleksandr', 2075, 3186]
);

describe('the step a reader reads where a scroll ends', () => {
	it('is the step under the line', () => {
		expect(stepAt(steps, 0, 'aleksandr')).toBe('oleg');
		expect(stepAt(steps, 500, 'anna')).toBe('konstantin-roman');
	});

	it('in a gap, stays on a step that borders it', () => {
		expect(stepAt(steps, 400, 'oleg')).toBe('oleg');
		expect(stepAt(steps, 400, 'konstantin-roman')).toBe('konstantin-roman');
	});

	it('in a gap, leaves a step far away for the nearer neighbour', () => {
		expect(stepAt(steps, 400, 'aleksandr')).toBe('konstantin-roman');
		expect(stepAt(steps, 350, 'anna')).toBe('oleg');
	});

	it('above the first step is the first; past the last, the last', () => {
		expect(stepAt(steps, -3000, 'oleg')).toBe('anna');
		expect(stepAt(steps, 4000, 'oleg')).toBe('aleksandr');
	});
});
