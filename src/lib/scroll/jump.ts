import type { HostViewport } from '$lib/embed/host-viewport.svelte';
import { prefersReducedMotion } from '$lib/motion/motion';

/**
 * Jumps to an account; focus follows for keyboard and screen reader users. In an embed's frame,
 * which never scrolls, the host page is asked to scroll. The address is the story's to write once
 * the account shows (ScrollyStory): a jump that the reader cuts short with a key must not leave
 * it naming an account the page never reached.
 */
export function jumpTo(target: HTMLElement, host?: HostViewport) {
	if (host?.known) host.jump(target);
	else
		target.scrollIntoView({
			behavior: prefersReducedMotion() ? 'instant' : 'smooth',
			block: 'start'
		});
	target.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
}
