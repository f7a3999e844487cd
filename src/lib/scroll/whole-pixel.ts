import type { Attachment } from 'svelte/attachments';

/**
 * Starts the element on a whole CSS pixel of its document. Above the story, the headline's height
 * is fractional (a size in vw times a line height), and the sticky graphic then rests at a
 * fractional offset: Chromium drew its labels a third of a pixel apart depending on the way the
 * reader reached a step (in WordPress's frame at 1280x800, back to the intro while the graphic was
 * held). A margin under a pixel, kept as the layout above changes, and too small to count as a
 * layout shift.
 */
export const wholePixelTop: Attachment<HTMLElement> = (node) => {
	const snap = () => {
		node.style.marginTop = '';
		const top = node.getBoundingClientRect().top + window.scrollY;
		const nudge = Math.ceil(top) - top;
		if (nudge > 0.001) node.style.marginTop = `${nudge}px`;
	};
	// In the next frame, not in the observer's callback: the margin moves what other observers
	// watch (the embed's height), and a change inside a callback is a loop error for them.
	let frame = 0;
	const above = new ResizeObserver(() => {
		cancelAnimationFrame(frame);
		frame = requestAnimationFrame(snap);
	});
	for (let el = node.previousElementSibling; el; el = el.previousElementSibling) above.observe(el);
	snap();
	return () => {
		cancelAnimationFrame(frame);
		above.disconnect();
	};
};
