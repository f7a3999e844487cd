import scrollama, { type DecimalType } from 'scrollama';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { ActiveStep } from './active-step.svelte';

export interface ScrollyOptions {
	/** Where on the viewport (0 top … 1 bottom) a step's top becomes active. */
	offset: () => DecimalType;
}

/**
 * The scroll engine: scrollama (IntersectionObserver) watches the `[data-step]` children of the
 * element it is attached to and writes the step crossing the offset line to `active`.
 * Nothing else listens to scrolling. A change of width (rotation, resize, a layout switch) moves
 * the page back to the active step, so a reader never lands in another account.
 */
export function scrolly(active: ActiveStep, { offset }: ScrollyOptions): Attachment<HTMLElement> {
	// untrack: the attachment writes the active step; reading it must not re-run the whole setup.
	return (container) =>
		untrack(() => {
			try {
				return setup(container, active, offset);
			} catch (error) {
				// An enhancement that cannot start must not take the story with it: fall back to the
				// layout without JavaScript (each account with its own map) and say why in the console.
				container.closest('.scrolly')?.setAttribute('data-static-maps', '');
				console.warn('The scroll engine could not start; showing the static layout.', error);
				return undefined;
			}
		});
}

function setup(container: HTMLElement, active: ActiveStep, offset: () => DecimalType) {
	const steps = [...container.querySelectorAll<HTMLElement>('[data-step]')];
	const scroller = scrollama();
	// scrollama 3.2 has offset(value) to change the line; its bundled types still name the old API.
	const setOffset = (value: number) => (scroller as unknown as { offset(value: number): void }).offset(value);
	let holding: string | undefined;

	// A deep link (./#anna) opens on that step. The browser may scroll there only after this
	// runs: until scrollama sees that step (or the reader moves), its reports are of the way there.
	let arriving = active.set(decodeURIComponent(location.hash.slice(1))) ? active.current : undefined;
	const inputs = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
	const moved = () => {
		arriving = undefined;
		active.readerMoved = true;
		for (const type of inputs) window.removeEventListener(type, moved);
	};
	for (const type of inputs) window.addEventListener(type, moved, { passive: true });

	scroller
		.setup({ step: steps, offset: offset() })
		.onStepEnter(({ element }) => {
			const step = element.dataset.step;
			if (arriving !== undefined) {
				if (step !== arriving) return;
				arriving = undefined;
			}
			if (!holding) active.set(step);
		});

	let width = container.clientWidth;
	const resizes = new ResizeObserver(() => {
		if (container.clientWidth === width) return;
		width = container.clientWidth;
		const step = steps.find((s) => s.dataset.step === active.current);
		if (!step) return;
		holding = active.current;
		setOffset(offset());
		// Read layout once per resize, not per scroll: is the active step still under the line?
		const line = window.innerHeight * offset();
		const box = step.getBoundingClientRect();
		if (box.top > line || box.bottom < line) {
			window.scrollTo({ top: window.scrollY + box.top - line + 1, behavior: 'instant' });
		}
		requestAnimationFrame(() => requestAnimationFrame(() => (holding = undefined)));
	});
	resizes.observe(container);

	return () => {
		moved();
		resizes.disconnect();
		scroller.destroy();
	};
}
