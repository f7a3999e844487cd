import type { DecimalType, ScrollamaInstance } from 'scrollama';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { ActiveStep } from './active-step.svelte';
import type { watchReader } from './step-at';

export interface ScrollyOptions {
	/** Where on the viewport (0 top … 1 bottom) a step's top becomes active. */
	offset: () => DecimalType;
}

/**
 * The scroll engine: scrollama (IntersectionObserver) watches the `[data-step]` children of the
 * element it is attached to and writes the step crossing the offset line to `active`, checked
 * once more where a scroll ends. Nothing else listens to scrolling. A change of width (rotation,
 * resize, a layout switch) or of the text's height (a larger text setting) moves the page back to
 * the active step, so a reader never lands in another account.
 */
export function scrolly(active: ActiveStep, { offset }: ScrollyOptions): Attachment<HTMLElement> {
	// untrack: the attachment writes the active step; reading it must not re-run the whole setup.
	return (container) =>
		untrack(() => {
			let stop: (() => void) | undefined;
			// An enhancement that cannot start must not take the story with it: fall back to the
			// layout without JavaScript (each account with its own map) and say why in the console.
			const fallBack = (error: unknown) => {
				stop?.();
				container.closest('.scrolly')?.setAttribute('data-static-maps', '');
				console.warn('The scroll engine could not start; showing the static layout.', error);
			};
			try {
				stop = setup(container, active, offset, fallBack);
			} catch (error) {
				fallBack(error);
			}
			return () => stop?.();
		});
}

function setup(
	container: HTMLElement,
	active: ActiveStep,
	offset: () => DecimalType,
	fallBack: (error: unknown) => void
) {
	const steps = [...container.querySelectorAll<HTMLElement>('[data-step]')];
	let scroller: ScrollamaInstance | undefined;
	let stopped = false;
	// scrollama 3.2 has offset(value) to change the line; its bundled types still name the old API.
	const setOffset = (value: number) =>
		(scroller as unknown as { offset(value: number): void } | undefined)?.offset(value);
	let holding: string | undefined;

	// A deep link (./#anna) opens on that step. The browser may scroll there only after this
	// runs: until scrollama sees that step (or the reader moves), its reports are of the way there.
	// Ids are plain slugs: nothing to decode (and a stray "#%" must not throw).
	let arriving = active.set(location.hash.slice(1)) ? active.current : undefined;
	// A new address is the reader moving too: the walks typed one while the page was still
	// arriving, and the graphic stayed on the first. Where the page then is decides, as for any move.
	const inputs = ['wheel', 'touchstart', 'keydown', 'pointerdown', 'hashchange'] as const;
	const moved = () => {
		arriving = undefined;
		active.readerMoved = true;
		for (const type of inputs) removeEventListener(type, moved);
	};
	for (const type of inputs) addEventListener(type, moved, { passive: true });

	// scrollama is fetched as the page hydrates, not before it: the story paints and hydrates without
	// it, and until it arrives the graphic holds the step the page opened on.
	// Where a scroll ends, the step under the line is checked once more, and a new address goes to
	// its account (step-at.ts).
	let watching: ReturnType<typeof watchReader> | undefined;
	// In a task after hydration's, as lazy-attachment.svelte.ts asks for the motions: Vite's
	// preload of the modules' chunks would lengthen the load's longest task (#25).
	const asking = setTimeout(() =>
		Promise.all([import('scrollama'), import('./step-at')])
			.then(([{ default: scrollama }, { watchReader, returnedThroughHistory }]) => {
				if (stopped) return;
				if (returnedThroughHistory()) arriving = undefined;
				const watch = (watching = watchReader(
					steps,
					active,
					() => innerHeight * offset(),
					// A reflow the size watcher has not seen yet (it runs after the scroll's end in the
					// same frame) would be read as the reader's move: a wheel that ended just after a
					// larger text setting named Konstantin's account, and the hold then kept it.
					() =>
						!!holding ||
						arriving !== undefined ||
						container.clientWidth !== width ||
						container.clientHeight !== height
				));
				scroller = scrollama();
				scroller.setup({ step: steps, offset: offset() }).onStepEnter(({ element }) => {
					if (arriving !== undefined) {
						if (element.dataset.step !== arriving) return;
						arriving = undefined;
					}
					// A report says a step crossed the line, not that it is there now: it comes a frame
					// late, and a jump in between (an account link clicked just as a scroll brought the
					// intro's links into view) had Oleg's account overtaken by the intro's stale entry,
					// the reader sent back to the top. The step under the line decides: one layout read
					// per step crossed, not per frame.
					if (!holding) active.set(watch.read());
				});
			})
			.catch(fallBack)
	);

	// The text's height changes alone too: a reader's larger text setting reflows every account,
	// and the page, left where it was, would be in another one with no scroll to tell the engine.
	let width = container.clientWidth;
	let height = container.clientHeight;
	const resizes = new ResizeObserver(() => {
		const { clientWidth, clientHeight } = container;
		// Until the reader moves, the page is where the browser placed it (a deep link, a restored
		// position), and its web fonts arriving reflow it too.
		const moves = clientWidth !== width || (clientHeight !== height && active.readerMoved);
		width = clientWidth;
		height = clientHeight;
		if (!moves) return;
		const step = steps.find((s) => s.dataset.step === active.current);
		if (!step) return;
		holding = active.current;
		setOffset(offset());
		// Read layout once per resize, not per scroll: is the active step still under the line?
		const line = innerHeight * offset();
		const box = step.getBoundingClientRect();
		// Still above the first step (the headline, the opening of a frame WordPress reveals and
		// narrows): the reader is where the story begins, not lost in it.
		const beforeSteps = step === steps[0] && box.top > line;
		if (!beforeSteps && (box.top > line || box.bottom < line)) {
			scrollTo({ top: scrollY + box.top - line + 1, behavior: 'instant' });
		}
		// A scroll that ended while the step was held (a glide the resize or reflow overtook) went
		// unchecked: the step under the line is checked once the hold ends.
		requestAnimationFrame(() =>
			requestAnimationFrame(() => {
				holding = undefined;
				watching?.check();
			})
		);
	});
	resizes.observe(container);

	return () => {
		stopped = true;
		clearTimeout(asking);
		watching?.stop();
		moved();
		resizes.disconnect();
		scroller?.destroy();
	};
}
