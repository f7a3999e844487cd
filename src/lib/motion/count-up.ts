import type { Attachment } from 'svelte/attachments';
import { formatCount } from '$lib/format';
import { loadGsap, prefersReducedMotion } from './motion';

/** The count shown at `progress` (0…1, already eased): whole numbers, exactly `value` at the end. */
export function countAt(progress: number, value: number): number {
	return Math.round(Math.min(1, Math.max(0, progress)) * value);
}

/** Slows into the final value, so the last digits land rather than stop. */
export const COUNT_EASE = 'power3.out';

/**
 * What a counter shows: the number in its `[data-counter]` element and, in a unit chart, the
 * first `count` of its `[data-unit]` figures filled.
 */
export function renderCount(root: HTMLElement, count: number): void {
	const counter = root.querySelector<HTMLElement>('[data-counter]');
	const text = formatCount(count);
	if (counter && counter.textContent !== text) counter.textContent = text;
	root.querySelectorAll('[data-unit]').forEach((unit, i) => {
		const filled = i < count;
		if (unit.hasAttribute('data-filled') !== filled) unit.toggleAttribute('data-filled', filled);
	});
}

export interface CountUpOptions {
	/** The final value: what the HTML already shows. */
	value: number;
	/** Seconds the count takes. */
	duration: number;
}

/**
 * Counts a figure up from 0 the first time it scrolls into view, once. The HTML holds the final
 * value, and keeps it unless the count can run where the reader sees it: the counter is reset to 0
 * only while it waits below the screen, and goes back to its final value if the reader turns away
 * (or jumps past) before it shows. Already on screen at load, above it, or with reduced motion:
 * the final value stays and nothing moves.
 */
export function countUp({ value, duration }: CountUpOptions): Attachment<HTMLElement> {
	return (root) => {
		if (prefersReducedMotion()) return;
		let state: 'waiting' | 'armed' | 'counting' | 'done' = 'waiting';
		let tween: { kill(): void } | undefined;
		const finish = () => {
			state = 'done';
			renderCount(root, value);
			watch.disconnect();
			view.disconnect();
		};

		// Half a screen below the viewport: where a counter waits at 0, unseen.
		const watch = new IntersectionObserver(
			([entry]) => {
				if (!entry || state === 'counting' || state === 'done') return;
				const below = entry.boundingClientRect.top >= window.innerHeight;
				if (entry.isIntersecting && state === 'waiting') {
					if (!below) return finish();
					state = 'armed';
					renderCount(root, 0);
				} else if (!entry.isIntersecting && state === 'armed') {
					state = 'waiting';
					renderCount(root, value);
				}
			},
			{ rootMargin: '0px 0px 50% 0px' }
		);
		const view = new IntersectionObserver(
			([entry]) => {
				if (!entry?.isIntersecting || state !== 'armed') return;
				state = 'counting';
				void loadGsap().then((gsap) => {
					if (state !== 'counting') return;
					const progress = { p: 0 };
					tween = gsap.to(progress, {
						p: 1,
						duration,
						ease: COUNT_EASE,
						onUpdate: () => renderCount(root, countAt(progress.p, value)),
						onComplete: finish
					});
				});
			},
			{ threshold: 0.6 }
		);
		watch.observe(root);
		view.observe(root);

		return () => {
			tween?.kill();
			if (state !== 'done') finish();
		};
	};
}
