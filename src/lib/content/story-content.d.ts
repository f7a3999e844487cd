declare module 'virtual:story-content' {
	import type { Content } from '$lib/content/schema';
	/** The checked content (vite/story-content.ts), or undefined while it has problems. */
	export const content: Content | undefined;
	/** Every problem, one `file:line field: message` per line, while there are any. */
	export const problems: string | undefined;
}
