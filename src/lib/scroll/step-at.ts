import type { ActiveStep } from './active-step.svelte';

/**
 * The step a reader reads with the active line at `line` (viewport pixels): the step under the
 * line; in the gap between two steps, the current one if it borders the gap, else the nearer.
 * scrollama sees steps through IntersectionObserver thresholds, and a jump that lands in a gap
 * crosses none: a wheel of 2,051 px up from Aleksandr landed between Oleg and Konstantin and
 * Roman, and the map stayed on Aleksandr, his text off screen.
 */
export function stepAt(
	steps: readonly HTMLElement[],
	line: number,
	current: string
): string | undefined {
	const boxes = steps.map((s) => ({ step: s.dataset.step, box: s.getBoundingClientRect() }));
	const above = boxes.filter((s) => s.box.top <= line).at(-1);
	const below = boxes.find((s) => s.box.top > line);
	if (above && above.box.bottom > line) return above.step;
	if (current === above?.step || current === below?.step) return current;
	return !below || (above && line - above.box.bottom < below.box.top - line)
		? above?.step
		: below.step;
}

/**
 * Checks the step once more where each scroll ends (one layout read per scroll, not per frame),
 * unless `paused`. Loaded with scrollama, off the first load. Returns the cleanup.
 */
export function onScrollEnd(
	steps: readonly HTMLElement[],
	active: ActiveStep,
	line: () => number,
	paused: () => boolean
): () => void {
	const check = () => paused() || active.set(stepAt(steps, line(), active.current));
	window.addEventListener('scrollend', check, { passive: true });
	return () => window.removeEventListener('scrollend', check);
}
