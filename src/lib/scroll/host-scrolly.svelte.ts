import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { HostViewport } from '$lib/embed/host-viewport.svelte';
import type { ActiveStep } from './active-step.svelte';

/**
 * The scroll engine inside an embed: the same steps as scrolly.ts, driven by the host's viewport
 * instead of the frame's own scrolling. Step positions are measured when the layout changes, never
 * per message; a message costs a comparison.
 */
export function hostScrolly(
	active: ActiveStep,
	host: HostViewport,
	{ offset }: { offset: () => number }
): Attachment<HTMLElement> {
	return (container) => {
		const steps = [...container.querySelectorAll<HTMLElement>('[data-step]')];
		// State, not a plain variable: a geometry message that changes the layout (the host's
		// height sets the graphic's) is answered again once the steps have moved, not left stale
		// until the next message.
		let tops = $state<number[]>([]);
		const measure = () => (tops = steps.map((s) => s.getBoundingClientRect().top + window.scrollY));
		// Anything above the steps (fonts, the header) moves them: watch the whole document too.
		const sizes = new ResizeObserver(measure);
		sizes.observe(container);
		sizes.observe(document.documentElement);
		measure();

		$effect(() => {
			if (!host.known) return;
			const line = host.top + host.height * offset();
			let index = 0;
			for (let i = 0; i < tops.length; i++) if (tops[i]! <= line) index = i;
			const step = steps[index]?.dataset.step;
			untrack(() => active.set(step));
		});
		// The first geometry is where the reader arrived; a change after it is the reader moving.
		let arrivedAt: number | undefined;
		$effect(() => {
			if (!host.known) return;
			arrivedAt ??= host.top;
			if (host.top !== arrivedAt) untrack(() => (active.readerMoved = true));
		});

		return () => sizes.disconnect();
	};
}

/**
 * Keeps the graphic in the reader's view inside a frame that does not scroll: the same place
 * position: sticky would give it, set as a transform from the host's viewport.
 */
export function hostSticky(host: HostViewport): Attachment<HTMLElement> {
	return (graphic) => {
		const frame = graphic.parentElement!;
		// State, as the steps' positions above: a layout change moves the graphic again.
		let frameTop = $state(0);
		let frameHeight = $state(0);
		let graphicHeight = $state(0);
		const measure = () => {
			const box = frame.getBoundingClientRect();
			frameTop = box.top + window.scrollY;
			frameHeight = box.height;
			graphicHeight = graphic.offsetHeight;
		};
		const sizes = new ResizeObserver(measure);
		sizes.observe(frame);
		sizes.observe(graphic);
		sizes.observe(document.documentElement);
		measure();

		$effect(() => {
			if (!host.known) return;
			const y = Math.min(
				Math.max(host.top - frameTop, 0),
				Math.max(frameHeight - graphicHeight, 0)
			);
			graphic.style.transform = `translate3d(0, ${Math.round(y)}px, 0)`;
		});

		return () => {
			sizes.disconnect();
			graphic.style.transform = '';
		};
	};
}
