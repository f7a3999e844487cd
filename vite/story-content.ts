import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadWorld } from '../src/lib/content/gazetteer.server.ts';
import { ContentError, parseContent } from '../src/lib/content/parse.ts';
import type { Content } from '../src/lib/content/schema.ts';
import { escapeText } from '../src/lib/escape.ts';

export const CONTENT_FILE = 'src/content/story.aml';
export const SOURCE_FILE = 'src/content/article.txt';
const ID = 'virtual:story-content';

export type Checked =
	{ content: Content; error?: undefined } | { content?: undefined; error: ContentError };

let last: { text: string; checked: Checked } | undefined;

/** Parses the content file and checks it against the source: what the build, dev and `npm run check:content` share. */
export function checkStory(root = process.cwd()): Checked {
	const [aml, source] = [CONTENT_FILE, SOURCE_FILE].map((file) =>
		readFileSync(resolve(root, file), 'utf8')
	) as [string, string];
	const text = `${aml}\0${source}`;
	if (last?.text === text) return last.checked;
	let checked: Checked;
	try {
		checked = { content: parseContent(aml, source, CONTENT_FILE, loadWorld()) };
	} catch (e) {
		if (!(e instanceof ContentError)) throw e;
		checked = { error: e };
	}
	last = { text, checked };
	return checked;
}

/** One line per problem, as an editor's terminal links them: `src/content/story.aml:5 headline: …`. */
export const problemList = (error: ContentError) =>
	error.problems.map((p) => `${error.file}:${p.line} ${p.field}: ${p.message}`).join('\n');
export const summary = (checked: Checked) =>
	checked.error
		? `story.aml: ${checked.error.problems.length} problem${checked.error.problems.length === 1 ? '' : 's'}`
		: 'story.aml: ok';

/**
 * The story's copy, checked once: once per build (a build with bad copy stops before compiling,
 * with the list of problems and no stack trace) and once per change in `npm run dev`, where the
 * problems show in Vite's error overlay and go when the file is fixed. Pages get the content from
 * `virtual:story-content`, never by parsing it per route.
 */
export function storyContent(): Plugin {
	let root = process.cwd();
	return {
		name: 'story-content',
		configResolved(config) {
			root = config.root;
			if (config.command !== 'build') return;
			const checked = checkStory(root);
			if (!checked.error) return;
			console.error(`\n${problemList(checked.error)}\n${summary(checked)}\n`);
			process.exit(1);
		},
		resolveId: (source) => (source === ID ? `\0${ID}` : undefined),
		load(id, options) {
			if (id !== `\0${ID}`) return;
			// The browser never gets the copy from here: its text is in the HTML (server-text.ts).
			if (!options?.ssr)
				return 'export const content = undefined;\nexport const problems = undefined;';
			const checked = checkStory(root);
			return checked.error
				? `export const content = undefined;\nexport const problems = ${JSON.stringify(problemList(checked.error))};`
				: `export const content = ${JSON.stringify(checked.content)};\nexport const problems = undefined;`;
		},
		configureServer(server) {
			const files = [CONTENT_FILE, SOURCE_FILE].map((file) => resolve(root, file));
			let reported: Checked | undefined;
			const report = () => {
				const checked = checkStory(root);
				// An editor's save can fire more than one change: say it once.
				if (checked === reported) return;
				reported = checked;
				if (checked.error)
					server.config.logger.error(`${problemList(checked.error)}\n${summary(checked)}`, {
						timestamp: true
					});
				else server.config.logger.info(summary(checked), { timestamp: true });
			};
			report();
			server.watcher.add(files);
			// A save can arrive in pieces (truncate, then write): read the file once it has rested.
			let saving: ReturnType<typeof setTimeout> | undefined;
			server.watcher.on('change', (file) => {
				if (!files.includes(file)) return;
				clearTimeout(saving);
				saving = setTimeout(() => {
					report();
					for (const environment of Object.values(server.environments)) {
						const module = environment.moduleGraph.getModuleById(`\0${ID}`);
						if (module) environment.moduleGraph.invalidateModule(module);
					}
					server.ws.send({ type: 'full-reload' });
				}, 100);
			});
			// While the copy has problems, every page is the list in Vite's overlay, for the editor
			// working in the browser; the client's connection reloads it once the file changes.
			// Run after Vite's own middlewares, so what reaches here is what Kit would render (pages,
			// the sprite, cards): none of it can, and Kit would print the list again with a stack for
			// each (a page still open asked for /map.svg after a bad save).
			return () =>
				server.middlewares.use((req, res, next) => {
					const { error } = checkStory(root);
					if (!error) return next();
					res.statusCode = 500;
					if (!req.headers.accept?.includes('text/html')) {
						res.setHeader('content-type', 'text/plain; charset=utf-8');
						return res.end(`${summary({ error })}: see the terminal\n`);
					}
					res.setHeader('content-type', 'text/html; charset=utf-8');
					res.end(
						overlayPage(error, resolve(root, CONTENT_FILE), `${server.config.base}@vite/client`)
					);
				});
		}
	};
}

/** The problems as a page, and in Vite's overlay over it. It asks for nothing else (not even a favicon) that the story would render. */
function overlayPage(error: ContentError, path: string, client: string): string {
	const list = problemList(error);
	const overlay = {
		plugin: 'story-content',
		message: list,
		id: path,
		loc: { file: path, line: error.problems[0]?.line ?? 1, column: 1 },
		stack: ''
	};
	const title = summary({ error });
	return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${escapeText(title)}</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; } pre { white-space: pre-wrap; }</style>
<h1>${escapeText(title)}</h1>
<pre data-content-problems>${escapeText(list)}</pre>
<script type="module">
import { ErrorOverlay } from ${JSON.stringify(client)};
document.body.append(new ErrorOverlay(${JSON.stringify(overlay).replace(/</g, '\\u003c')}));
</script>
</html>
`;
}
