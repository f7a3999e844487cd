import type { Component } from 'svelte';
import { render } from 'svelte/server';

/**
 * A component's markup, rendered on the server for an {@html} that the browser never hydrates
 * (ServerHtml.svelte): for parts of the page that never change after load, the browser gets
 * neither their code nor their data. Svelte's hydration comments are left out: an {@html} block
 * ends at the first empty comment, and nothing inside will be hydrated.
 *
 * Call it only under `import.meta.env.SSR`: the browser's bundle then drops the component's code
 * (and this module), and keeps its scoped CSS, which the server's markup uses.
 */
export function staticMarkup<Props extends Record<string, unknown>>(
	component: Component<Props>,
	props: Props
): string {
	return render(component, { props }).body.replace(/<!--[\s\S]*?-->/g, '');
}
