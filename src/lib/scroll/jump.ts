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
	else {
		layOutWhole();
		target.scrollIntoView({
			behavior: prefersReducedMotion() ? 'instant' : 'smooth',
			block: 'start'
		});
	}
	target.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
}

/**
 * The accounts a reader has not yet seen are laid out at an estimate (Account.svelte). For two
 * frames every account is laid out, and each then keeps its true size while it is not rendered
 * (contain-intrinsic-size: auto remembers a size when the frame after the layout reports it):
 * the engine asks for this once as it starts, after the first layout, so that positions are
 * true before a reader jumps; a jump asks again, as the sizes kept may be a rotation old.
 */
export function layOutWhole(root = document.documentElement) {
	root.setAttribute('data-whole', '');
	requestAnimationFrame(() => requestAnimationFrame(() => root.removeAttribute('data-whole')));
}
