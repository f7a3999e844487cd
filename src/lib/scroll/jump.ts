import { replaceState } from '$app/navigation';
import type { HostViewport } from '$lib/embed/host-viewport.svelte';
import { prefersReducedMotion } from '$lib/motion/motion';

/**
 * Jumps to an account without piling up history entries; focus follows for keyboard and screen
 * reader users. In an embed's frame, which never scrolls, the host page is asked to scroll.
 */
export function jumpTo(target: HTMLElement, host?: HostViewport) {
	if (host?.known) host.jump(target);
	else
		target.scrollIntoView({
			behavior: prefersReducedMotion() ? 'instant' : 'smooth',
			block: 'start'
		});
	target.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
	replaceState(`#${target.id}`, {});
}
