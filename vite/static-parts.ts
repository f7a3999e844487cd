/**
 * Static parts: components the server renders and the browser never hydrates. Parts of the page
 * that never change after load (the story's steps, the map's layers, the printed deck) are written
 * once, as server markup, and the browser gets neither their code nor their data.
 *
 *     import StoryBody from './StoryBody.svelte?static';
 *     <StoryBody {states} />
 *
 * `X.svelte?static` is a component of its own (`X.static.svelte`, made here). On the server it
 * renders X to markup and writes it as an {@html} (ServerHtml.svelte, static-markup.ts); in the
 * browser it is that {@html} with a blank, which hydration leaves alone, and it brings X's scoped
 * CSS, and that of every component X uses, which the markup needs (the browser's bundle has no X
 * to bring it). The CSS is compiled as the Svelte plugin compiles it, with the project's
 * svelte.config.js: the same scoping classes as the server's markup carries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '@sveltejs/kit';
import { compile, parse, preprocess } from 'svelte/compiler';
import type { Plugin } from 'vite';

const QUERY = '?static';
const PART = '.static.svelte';
const STYLES = '.static-part.css';

/** Resolves an import as the build would, to a file; undefined for anything else. */
export type Resolver = (specifier: string, importer: string) => Promise<string | undefined>;

export function staticParts(svelteConfig: Pick<Config, 'compilerOptions' | 'preprocess'>): Plugin {
	let root = '';
	let lib = '';
	/** Each part's stylesheet → the components it draws, as last loaded. */
	const drawn = new Map<string, string[]>();
	/** A part or stylesheet id (as Vite asks for it: absolute, or a URL from the root) → X.svelte. */
	const componentOf = (id: string, suffix: string) => {
		const path = id.split('?')[0]!;
		if (!path.endsWith(suffix)) return;
		const file = path.startsWith(root) ? path : resolve(root, `.${path}`);
		const component = file.slice(0, -suffix.length) + '.svelte';
		return existsSync(component) ? { file, component } : undefined;
	};
	return {
		name: 'static-parts',
		enforce: 'pre',
		configResolved(config) {
			root = config.root;
			lib = resolve(root, 'src/lib');
		},
		async resolveId(id, importer, options) {
			if (id.endsWith(QUERY)) {
				const component = await this.resolve(id.slice(0, -QUERY.length), importer, {
					skipSelf: true
				});
				// The dev server's scan for dependencies to pre-bundle reads files from disk: it gets
				// the component itself, whose imports are the part's. (Vite passes `scan`, untyped.)
				if ((options as { scan?: boolean }).scan) return component?.id;
				return component?.id.replace(/\.svelte$/, PART);
			}
			// Kit's dev server asks again for each stylesheet in the page's graph, by its URL and with
			// `?inline`, to put its CSS in the page's head; the browser asks for a part by its URL.
			const [path = '', query] = id.split('?');
			const found = componentOf(path, PART) ?? componentOf(path, STYLES);
			if (found) return query ? `${found.file}?${query}` : found.file;
		},
		// A part's markup is the server's: the browser has no module of it to swap, so a change to
		// a component it draws reloads the page, with the server's new markup and styles.
		handleHotUpdate({ file, server }) {
			const sheets = [...drawn].filter(([, tree]) => tree.includes(file)).map(([sheet]) => sheet);
			if (sheets.length === 0) return;
			for (const { moduleGraph } of Object.values(server.environments)) {
				for (const sheet of sheets) {
					for (const module of moduleGraph.getModulesByFile(sheet) ?? []) {
						moduleGraph.invalidateModule(module);
					}
				}
			}
			server.ws.send({ type: 'full-reload' });
			return [];
		},
		async load(id, options) {
			const styles = componentOf(id, STYLES);
			if (styles) {
				const resolver: Resolver = async (specifier, importer) =>
					(await this.resolve(specifier, importer, { skipSelf: true }))?.id;
				const tree = await componentTree(styles.component, resolver);
				for (const file of tree) this.addWatchFile(file);
				drawn.set(styles.file, tree);
				return (await Promise.all(tree.map((file) => cssOf(file, svelteConfig)))).join('\n');
			}
			const part = componentOf(id, PART);
			if (!part) return;
			const server = this.environment?.config.consumer === 'server' || options?.ssr === true;
			const serverHtml = JSON.stringify(resolve(lib, 'components/ServerHtml.svelte'));
			const stylesheet = JSON.stringify(part.component.replace(/\.svelte$/, STYLES));
			const code = server
				? `<script>
	import ServerHtml from ${serverHtml};
	import { staticMarkup } from ${JSON.stringify(resolve(lib, 'story/static-markup.ts'))};
	import Part from ${JSON.stringify(part.component)};
	import ${stylesheet};
	let props = $props();
</script>
<ServerHtml html={staticMarkup(Part, props)} />`
				: // A space, not '': an empty {@html} hydrates as nothing and leaves the server's nodes
					// unclaimed, which Svelte takes for a mismatch.
					`<script>
	import ServerHtml from ${serverHtml};
	import ${stylesheet};
</script>
<ServerHtml html=" " />`;
			// Generated, with no file behind it: no source for a debugger to map it to (and none for
			// the dev server to look for on disk).
			return { code, map: { mappings: '' } };
		}
	};
}

/**
 * A component and every component it imports, each once, parents first. Imports are read from
 * the component's scripts as Svelte parses them and resolved as the build resolves them.
 */
export async function componentTree(
	file: string,
	resolver: Resolver,
	seen = new Set<string>()
): Promise<string[]> {
	if (seen.has(file)) return [];
	seen.add(file);
	const ast = parse(readFileSync(file, 'utf8'), { modern: true, filename: file });
	const specifiers = [ast.module, ast.instance]
		.flatMap((script) => script?.content.body ?? [])
		.flatMap((node) =>
			node.type === 'ImportDeclaration' && typeof node.source.value === 'string'
				? [node.source.value]
				: []
		);
	const children: string[] = [];
	for (const specifier of specifiers) {
		const child = await resolver(specifier, file);
		// A static part inside another is drawn with it: its styles come with the outer part's.
		if (child?.endsWith(PART)) children.push(child.slice(0, -PART.length) + '.svelte');
		else if (child?.endsWith('.svelte')) children.push(child);
	}
	const trees = [];
	for (const child of children) trees.push(...(await componentTree(child, resolver, seen)));
	return [file, ...trees];
}

/** The scoped CSS of one component, as the Svelte plugin would emit it. */
export async function cssOf(
	file: string,
	{ compilerOptions, preprocess: preprocessors }: Pick<Config, 'compilerOptions' | 'preprocess'>
): Promise<string> {
	let source = readFileSync(file, 'utf8');
	if (preprocessors) source = (await preprocess(source, preprocessors, { filename: file })).code;
	const { css } = compile(source, {
		...compilerOptions,
		filename: file,
		css: 'external',
		generate: 'client'
	});
	return css?.code ?? '';
}
