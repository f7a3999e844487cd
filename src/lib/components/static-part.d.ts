/**
 * A static part (vite/static-parts.ts): the server renders the component to markup, the browser
 * gets that markup and its styles, and none of its code.
 */
declare module '*.svelte?static' {
	import type { Component } from 'svelte';
	const part: Component<Record<string, unknown>>;
	export default part;
}
