/**
 * `import loader from './loader.ts?script'`: the module and what it imports, bundled into one
 * classic script (an IIFE, minified) and given as a string. For a script another site loads with
 * a <script> tag (embed.js), which shares the page's own code (protocol.ts) instead of copying it.
 */
import { rolldown } from 'rolldown';
import type { Plugin } from 'vite';

const QUERY = '?script';
const PREFIX = '\0script:';

export function scriptBundle(): Plugin {
	return {
		name: 'script-bundle',
		enforce: 'pre',
		async resolveId(id, importer) {
			if (!id.endsWith(QUERY)) return;
			const file = await this.resolve(id.slice(0, -QUERY.length), importer, { skipSelf: true });
			return file && PREFIX + file.id;
		},
		async load(id) {
			if (!id.startsWith(PREFIX)) return;
			const bundle = await rolldown({ input: id.slice(PREFIX.length), platform: 'browser' });
			try {
				const { output } = await bundle.generate({ format: 'iife', minify: true });
				const [chunk] = output;
				for (const module of chunk.moduleIds) this.addWatchFile(module);
				return `export default ${JSON.stringify(chunk.code)};`;
			} finally {
				await bundle.close();
			}
		}
	};
}
