/**
 * The two web fonts, cut down at build time to what the story shows: the characters of its copy,
 * the weights its CSS sets and the OpenType features that shaping and its CSS use. A variable Latin
 * file of about 50 KB becomes about 20–24 KB. Written into .svelte-kit/fonts and imported by app.css
 * as `$fonts/<file>`, so Vite hashes and serves them like any other asset.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import subsetFont from 'subset-font';
import type { Plugin } from 'vite';
import { CONTENT_FILE } from './story-content.ts';
import { SANS, SERIF, fontFallbacksCss } from './font-fallbacks.ts';

export interface WebFont {
	family: string;
	/** The full variable file, from its npm package. */
	source: string;
	/** Name of the cut file, as app.css imports it. */
	file: string;
	/** The weights kept (app.css declares the same range): at least what the CSS sets. */
	weight: { min: number; max: number };
}

export const WEB_FONTS: WebFont[] = [
	{
		family: SERIF,
		source: '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2',
		file: 'source-serif-4.woff2',
		weight: { min: 400, max: 700 }
	},
	{
		family: SANS,
		source: '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
		file: 'inter.woff2',
		// The CSS sets 400–800, but narrowed to that, Inter drew the map's labels a few pixels
		// differently after a move than after a cut (the generated paths' pixel check, presenter at
		// 1024x768); its full axis costs 2.4 KB and draws them alike.
		weight: { min: 100, max: 900 }
	}
];

/**
 * Kept features: what browsers apply by default to Latin text (composition, local forms, marks,
 * kerning, contextual alternates, ligatures, variation alternates) and what the CSS asks for
 * (`tabular-nums` → tnum, `lining-nums` → lnum). Fractions and proportional figures go.
 */
export const KEPT_FEATURES = [
	'ccmp',
	'locl',
	'mark',
	'mkmk',
	'kern',
	'calt',
	'liga',
	'clig',
	'rlig',
	'rvrn',
	'tnum',
	'lnum'
];

/**
 * Every printable ASCII character (a copy editor's "?" or "%" never needs a new cut), every other
 * character of the content file (curly quotes, dashes), and what components draw: the quotation
 * marks of PullQuote, the notes' separator.
 */
export function subsetText(content: string): string {
	let text = '‘’“”·';
	for (let code = 0x20; code < 0x7f; code++) text += String.fromCharCode(code);
	for (const char of content) if (char > '\x7e') text += char;
	return [...new Set(text)].sort().join('');
}

const require = createRequire(import.meta.url);

/** Writes the cut fonts into `dir`, each only when its inputs changed (a key file beside it). */
export async function writeSubsets(root: string, dir: string): Promise<void> {
	mkdirSync(dir, { recursive: true });
	const text = subsetText(readFileSync(resolve(root, CONTENT_FILE), 'utf8'));
	await Promise.all(
		WEB_FONTS.map(async (font) => {
			const source = readFileSync(require.resolve(font.source, { paths: [root] }));
			const key = createHash('sha256')
				.update(source)
				.update(JSON.stringify([text, font.weight, KEPT_FEATURES]))
				.digest('hex');
			const out = resolve(dir, font.file);
			const keyFile = `${out}.key`;
			if (existsSync(out) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) return;
			const cut = await subsetFont(source, text, {
				targetFormat: 'woff2',
				variationAxes: { wght: font.weight },
				keepFeatures: KEPT_FEATURES
			});
			writeFileSync(out, cut);
			writeFileSync(keyFile, key);
		})
	);
}

/**
 * The fonts as Vite sees them: `$fonts/…` resolves to the cut files, written before anything is
 * compiled and again when the copy changes in dev; and `virtual:font-fallbacks.css`, the computed
 * fallback faces served as a stylesheet.
 */
export function webFonts(): Plugin {
	const fallbacks = 'virtual:font-fallbacks.css';
	let root = process.cwd();
	const dir = () => resolve(root, '.svelte-kit/fonts');
	return {
		name: 'web-fonts',
		config: (config) => {
			root = config.root ? resolve(config.root) : root;
			return { resolve: { alias: { $fonts: dir() } } };
		},
		buildStart: () => writeSubsets(root, dir()),
		async handleHotUpdate({ file }) {
			if (file === resolve(root, CONTENT_FILE)) await writeSubsets(root, dir());
		},
		resolveId: (source) => (source === fallbacks ? `\0${fallbacks}` : undefined),
		load: (resolved) => (resolved === `\0${fallbacks}` ? fontFallbacksCss() : undefined)
	};
}
