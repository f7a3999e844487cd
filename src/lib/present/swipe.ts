import type { Attachment } from 'svelte/attachments';

/** How far a finger must travel sideways to turn a slide, in CSS pixels. */
export const SWIPE_PX = 60;

/**
 * A swipe on a tablet: left for the next slide, right for the previous. A mouse never swipes
 * (its drag selects text).
 */
export function swipe(turn: (to: 'next' | 'previous') => void): Attachment<HTMLElement> {
	return (element) => {
		let from: number | undefined;
		const down = (e: PointerEvent) => (from = e.pointerType === 'mouse' ? undefined : e.clientX);
		const up = (e: PointerEvent) => {
			if (from === undefined) return;
			const dx = e.clientX - from;
			from = undefined;
			if (Math.abs(dx) > SWIPE_PX) turn(dx < 0 ? 'next' : 'previous');
		};
		element.addEventListener('pointerdown', down);
		element.addEventListener('pointerup', up);
		return () => {
			element.removeEventListener('pointerdown', down);
			element.removeEventListener('pointerup', up);
		};
	};
}
