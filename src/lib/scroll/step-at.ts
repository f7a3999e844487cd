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
 * Watches what the reader does that the scroll engine does not see: checks the step once more
 * where each scroll ends (one layout read per scroll, not per frame), unless `paused`, and sends a
 * new address to its account (followAddress). Loaded with scrollama, off the first load. Returns
 * `read`, the step under the line now, for the engine's reports; `check`, for a pause that ends;
 * and the cleanup.
 */
export function watchReader(
	steps: readonly HTMLElement[],
	active: ActiveStep,
	line: () => number,
	paused: () => boolean
): { read: () => string | undefined; check: () => void; stop: () => void } {
	const read = () => stepAt(steps, line(), active.current);
	const check = () => void (paused() || active.set(read()));
	// The jump is instant and the page's layout is read after it: the step under the line is
	// known at once, before a reflow (a larger text setting) could hold the page on the step the
	// reader has just left.
	const follow = () => {
		followAddress(steps);
		active.set(read());
	};
	const ended = scrollEnds(check);
	window.addEventListener('hashchange', follow);
	return {
		read,
		check,
		stop: () => {
			ended();
			window.removeEventListener('hashchange', follow);
		}
	};
}

/** How long a page without `scrollend` must lie still before its scroll counts as ended. */
export const STILL_MS = 150;

/**
 * Calls `ended` where each scroll ends. Safari and WebKitGTK have no `scrollend` (the walks: Home
 * took the page to the top and the graphic stayed on the last account): there, a scroll that lies
 * still for STILL_MS ends. Returns the cleanup.
 */
export function scrollEnds(ended: () => void, target: EventTarget = window): () => void {
	if ('onscrollend' in target) {
		target.addEventListener('scrollend', ended, { passive: true });
		return () => target.removeEventListener('scrollend', ended);
	}
	let timer: ReturnType<typeof setTimeout> | undefined;
	const scrolled = () => {
		clearTimeout(timer);
		timer = setTimeout(ended, STILL_MS);
	};
	target.addEventListener('scroll', scrolled, { passive: true });
	return () => {
		clearTimeout(timer);
		target.removeEventListener('scroll', scrolled);
	};
}

/**
 * On a reload or a return through history the browser puts the page back where the reader left
 * it, which may be short of the address's account (a jump cut off by the reload): there the
 * position decides, as for any move, and the address follows it.
 */
export function returnedThroughHistory(): boolean {
	const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
	return navigation?.type === 'reload' || navigation?.type === 'back_forward';
}

/**
 * Sends the page to the account the address names (an empty one: the top). The browser's own jump
 * to a fragment is lost while a smooth scroll runs (Chromium: an address typed during a PageUp's
 * glide left the reader where the glide ended, the address naming another account); an instant
 * scroll of our own ends the glide.
 */
export function followAddress(steps: readonly HTMLElement[]): void {
	const id = location.hash.slice(1);
	if (id === '') window.scrollTo({ top: 0, behavior: 'instant' });
	else steps.find((s) => s.id === id)?.scrollIntoView({ block: 'start', behavior: 'instant' });
}
