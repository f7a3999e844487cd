/**
 * Styles for components only the server renders. Parts of the page that never change after load
 * are written as static markup (static-markup.ts) and never hydrated, so the browser's bundle drops
 * their components, and with them their scoped CSS, which that markup still needs.
 * `import './StoryBody.svelte?server-css'` brings the CSS of that component and of every component
 * it imports, compiled as vite-plugin-svelte compiles them: the same file name gives the same
 * scoping classes as the server's markup carries.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { compile } from 'svelte/compiler';
import type { Plugin } from 'vite';

const QUERY = '?server-css';

export function serverCss(): Plugin {
	let root = '';
	let lib = '';
	/** Stylesheet ids (a name Vite takes for CSS, and the Svelte plugin leaves alone) → components. */
	const components = new Map<string, string>();
	return {
		name: 'server-css',
		enforce: 'pre',
		configResolved(config) {
			root = config.root;
			lib = resolve(root, 'src/lib');
		},
		async resolveId(id, importer) {
			// Kit's dev server asks again for each stylesheet in the page's graph, by its URL and
			// with `?inline`, to put its CSS in the page's head.
			const [path = '', query] = id.split('?');
			if (path.endsWith('.static-markup.css')) {
				const file = path.startsWith(root) ? path : resolve(root, `.${path}`);
				if (components.has(file)) return query ? `${file}?${query}` : file;
			}
			if (!id.endsWith(QUERY)) return;
			const component = await this.resolve(id.slice(0, -QUERY.length), importer, {
				skipSelf: true
			});
			if (!component) return;
			const stylesheet = component.id.replace(/\.svelte$/, '.static-markup.css');
			components.set(stylesheet, component.id);
			return stylesheet;
		},
		load(id) {
			const component = components.get(id.split('?')[0]!);
			if (!component) return;
			for (const file of componentTree(component, lib)) this.addWatchFile(file);
			return stylesOf(component, lib);
		}
	};
}

/** The scoped CSS of a component and of every component it imports. */
export function stylesOf(file: string, lib: string): string {
	return componentTree(file, lib).map(cssOf).join('\n');
}

/** A component and every component it imports, each once, parents first. */
export function componentTree(file: string, lib: string, seen = new Set<string>()): string[] {
	if (seen.has(file)) return [];
	seen.add(file);
	const source = readFileSync(file, 'utf8');
	const imports = [...source.matchAll(/from\s+'((?:\.{1,2}|\$lib)\/[^']+\.svelte)'/g)].map(
		([, path]) =>
			path!.startsWith('$lib/') ? resolve(lib, path!.slice(5)) : resolve(dirname(file), path!)
	);
	return [file, ...imports.flatMap((child) => componentTree(child, lib, seen))];
}

/** The scoped CSS of one component, as the Svelte plugin would emit it. */
function cssOf(file: string): string {
	const { css } = compile(readFileSync(file, 'utf8'), {
		filename: file,
		css: 'external',
		generate: 'client'
	});
	return css?.code ?? '';
}
