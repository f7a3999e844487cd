import type { Attachment } from 'svelte/attachments';

/**
 * Shows the one child page (`[data-n]`) numbered `n` in a deck the server drew and hides the
 * others; none for no number. Re-attached whenever `n` changes.
 */
export const showOnly =
	(n: number | undefined): Attachment<HTMLElement> =>
	(box) => {
		for (const page of box.querySelectorAll<HTMLElement>('[data-n]'))
			page.hidden = page.dataset.n !== String(n);
	};
