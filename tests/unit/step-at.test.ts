import { describe, expect, it, vi } from 'vitest';
import { ActiveStep } from '$lib/scroll/active-step.svelte';
import { STILL_MS, scrollEnds, stepAt, watchReader } from '$lib/scroll/step-at';

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

describe('where a scroll ends', () => {
	/** A window with or without `onscrollend`, as Chromium and Firefox, or Safari and WebKitGTK. */
	const page = (withScrollend: boolean) => {
		const target = new EventTarget() as EventTarget & { onscrollend?: null };
		if (withScrollend) target.onscrollend = null;
		return target;
	};

	it('is scrollend where the browser fires it, and nothing else', () => {
		const target = page(true);
		const ended = vi.fn();
		const stop = scrollEnds(ended, target);
		target.dispatchEvent(new Event('scroll'));
		target.dispatchEvent(new Event('scrollend'));
		expect(ended).toHaveBeenCalledOnce();
		stop();
		target.dispatchEvent(new Event('scrollend'));
		expect(ended).toHaveBeenCalledOnce();
	});

	it('without scrollend, is the page lying still after its last scroll, once per scroll', () => {
		vi.useFakeTimers();
		try {
			const target = page(false);
			const ended = vi.fn();
			const stop = scrollEnds(ended, target);
			for (let i = 0; i < 10; i++) {
				target.dispatchEvent(new Event('scroll'));
				vi.advanceTimersByTime(STILL_MS / 2);
			}
			expect(ended).not.toHaveBeenCalled();
			vi.advanceTimersByTime(STILL_MS);
			expect(ended).toHaveBeenCalledOnce();
			target.dispatchEvent(new Event('scroll'));
			stop();
			vi.advanceTimersByTime(STILL_MS * 2);
			expect(ended).toHaveBeenCalledOnce();
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('watching the reader', () => {
	/** A window with scrollend and an address; a jump to a step lays the page out around it. */
	function page() {
		const win = Object.assign(new EventTarget(), { onscrollend: null, scrollTo: vi.fn() });
		const location = { hash: '' };
		vi.stubGlobal('window', win);
		vi.stubGlobal('location', location);
		let top = 0;
		const ids = ['intro', 'anna', 'oleg'];
		const steps = ids.map(
			(step, i) =>
				({
					id: step,
					dataset: { step },
					getBoundingClientRect: () => ({ top: i * 1000 - top, bottom: i * 1000 + 936 - top }),
					scrollIntoView: () => (top = i * 1000)
				}) as unknown as HTMLElement
		);
		const scrollBy = (y: number) => (top += y);
		return { win, location, steps, scrollBy };
	}

	it('sets the step a new address names at once, paused or not; a paused scroll end waits', () => {
		try {
			const { win, location, steps, scrollBy } = page();
			const active = new ActiveStep(['intro', 'anna', 'oleg'] as const);
			let paused = true;
			const watch = watchReader(
				steps,
				active,
				() => 10,
				() => paused
			);
			location.hash = '#oleg';
			win.dispatchEvent(new Event('hashchange'));
			expect(active.current).toBe('oleg');
			scrollBy(-1000);
			win.dispatchEvent(new Event('scrollend'));
			expect(active.current).toBe('oleg');
			expect(watch.read()).toBe('anna');
			paused = false;
			watch.check();
			expect(active.current).toBe('anna');
			watch.stop();
			location.hash = '#oleg';
			win.dispatchEvent(new Event('hashchange'));
			expect(active.current).toBe('anna');
		} finally {
			vi.unstubAllGlobals();
		}
	});
});
