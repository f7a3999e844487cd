import type { Attachment } from 'svelte/attachments';

/**
 * An attachment for the element's first descendant matching `selector`: for markup the server
 * wrote (static-markup.ts), which has no component of its own to attach to.
 */
export function onChild<T extends Element>(
	selector: string,
	attach: Attachment<T>
): Attachment<Element> {
	return (node) => {
		const child = node.querySelector<T>(selector);
		return child ? attach(child) : undefined;
	};
}
