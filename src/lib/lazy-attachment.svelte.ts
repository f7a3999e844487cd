import type { Attachment } from 'svelte/attachments';

/**
 * An attachment whose code is fetched once the element is in the page, not with the page: the
 * first-load JavaScript carries only this wrapper, and hydration does not wait for the motion (map
 * camera, counters). Until the module arrives the element shows what the server wrote, and carries
 * `data-motion="running"`, as a moving map or a counting figure does: whoever waits for a still
 * picture waits for it too. The attachment then runs in an effect root of its own, so its
 * `$effect`s work although it starts after the component's setup. If the module cannot load (a
 * network gone, a blocked file) or fails as it starts, `fallBack` gets the element: the page must
 * still read.
 */
export function lazyAttachment<T extends HTMLElement | SVGElement>(
	load: () => Promise<Attachment<T>>,
	fallBack?: (node: T) => void
): Attachment<T> {
	return (node) => {
		let destroy: (() => void) | undefined;
		let detached = false;
		node.dataset.motion = 'running';
		// Cleared in the same task as the attachment starts, which sets it again if it moves.
		const ready = () => delete node.dataset.motion;
		// Asked for in a task of its own: Vite's preload of the module's chunks (a <link> per chunk)
		// otherwise lengthened hydration's task, the load's longest, by about 20 ms at 1x (#25).
		const asking = setTimeout(() =>
			load()
				.then((attach) => {
					ready();
					if (!detached) destroy = $effect.root(() => attach(node) ?? undefined);
				})
				.catch((error: unknown) => {
					ready();
					if (!detached) fallBack?.(node);
					console.warn('A motion could not start; the page stays as the server wrote it.', error);
				})
		);
		return () => {
			detached = true;
			clearTimeout(asking);
			ready();
			destroy?.();
		};
	};
}
