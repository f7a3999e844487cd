#!/usr/bin/env node
// npm run export: the story for a stage with no network and no server.
//   export/flee-hide-or-fight.html             one file: the story, the presenter (?present) and
//                                              the speaker view (?notes); opens from file://
//   export/flee-hide-or-fight-slides.pdf       one 16:9 page per slide, printed from the presenter
//   export/flee-hide-or-fight-slides-notes.pdf each slide with its notes, printed from the speaker view
// The site is built a second time with every script inline (STORY_OFFLINE=1, svelte.config.js);
// the three pages go into the file gzipped, with what they share (Kit's app, the fonts, the map's
// outlines) once, and the file's loader writes the page its address names. A `file://` page can
// fetch nothing, not even a module of its own folder: hence inline, and one policy for the file
// that lets no request out.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import archieml from 'archieml';
import { chromium } from '@playwright/test';
import { args, executablePath } from './chromium.js';
import { inlineBuild, inlineHashes, sha256, wholePage, wholePolicy } from './inline-page.js';

const OUT = 'export';
const SITE = join(OUT, '.site');
export const FILE = join(OUT, 'flee-hide-or-fight.html');
const SLIDES_PDF = join(OUT, 'flee-hide-or-fight-slides.pdf');
const NOTES_PDF = join(OUT, 'flee-hide-or-fight-slides-notes.pdf');
/** The pages the file holds: the query that names each, and where the build wrote it. */
const PAGES = {
	story: 'index.html',
	present: 'present/index.html',
	notes: 'present/notes/index.html'
};
/** What each page's relative links become in the one file; every one must be found. */
const ADDRESSES = { './notes/': '?notes' };
const rewritten = new Set();

const fail = (message) => {
	console.error(`export: ${message}`);
	process.exit(1);
};

function build() {
	rmSync(OUT, { recursive: true, force: true });
	try {
		inlineBuild(SITE);
	} catch {
		fail('the offline build failed');
	}
}

/** Shared strings, each stored once in the file and named in the pages by \0index\0. */
const parts = [];
const part = (text) => {
	let i = parts.indexOf(text);
	if (i < 0) i = parts.push(text) - 1;
	return `\0${i}\0`;
};

/** One page of the build, made to run from the one file. Returns the page and its CSP sources. */
function offlinePage(name, html) {
	let attr;
	try {
		({ html, attr } = wholePage(SITE, name, html, part));
	} catch (error) {
		fail(error.message);
	}
	for (const [from, to] of Object.entries(ADDRESSES)) {
		if (html.includes(`href="${from}"`)) rewritten.add(from);
		html = html.replaceAll(`href="${from}"`, `href="${to}"`);
	}
	// Kit finds its base from the page's depth (`new URL("..", location)`); the file has none.
	const base = /new URL\("(?:\.\.\/)*(?:\.\.|\.)", location\)/g;
	if (!base.test(html)) fail(`${name}: Kit's base not found`);
	html = html.replace(base, 'new URL(".", location)');
	const left = /(?:href|src)="(?!#|\?|data:|https?:)([^"]+)"/.exec(
		html.replace(/<script[\s\S]*?<\/script>/g, '')
	);
	if (left) fail(`${name}: a relative address is left: ${left[1]}`);
	return { html, attr };
}

/** Kit's app, the same in every page once the base is the same: stored once. */
function shareApp(pages) {
	const scripts = Object.values(pages).map((html) => {
		const all = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].filter((m) =>
			/\.app\.start\(|kit\.start\(/.test(m[1])
		);
		if (all.length !== 1) fail(`${all.length} Kit start scripts in a page`);
		return all[0][1];
	});
	let n = 0;
	while (scripts.every((s) => s[n] === scripts[0][n]) && n < scripts[0].length) n++;
	if (n < 50_000) fail(`the pages share only ${n} characters of Kit's app`);
	const app = scripts[0].slice(0, n);
	for (const key of Object.keys(pages)) pages[key] = pages[key].replace(app, () => part(app));
}

const LOADER = `(async () => {
	const query = new URLSearchParams(location.search);
	const page = query.has('notes') ? 'notes' : query.has('present') ? 'present' : 'story';
	const bytes = Uint8Array.from(atob(document.getElementById('pages').textContent), (c) => c.charCodeAt(0));
	const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
	const { parts, pages } = JSON.parse(await new Response(stream).text());
	const html = pages[page].replace(/\\0(\\d+)\\0/g, (_, i) => parts[i]);
	document.open();
	document.write(html);
	document.close();
})();`;

function writeFile() {
	const pages = {};
	let attr = "'none'";
	for (const [name, path] of Object.entries(PAGES)) {
		const page = offlinePage(name, readFileSync(join(SITE, path), 'utf8'));
		pages[name] = page.html;
		attr = page.attr;
	}
	for (const from of Object.keys(ADDRESSES))
		if (!rewritten.has(from)) fail(`no page links to ${from}: the file would have no way there`);
	shareApp(pages);
	const whole = Object.values(pages).map((p) => p.replace(/\0(\d+)\0/g, (_, i) => parts[i]));
	// Nothing leaves the file: no source is allowed but the file's own inline code, by hash.
	const csp = wholePolicy({
		scripts: [sha256(LOADER), ...inlineHashes(whole, 'script')],
		styles: inlineHashes(whole, 'style'),
		attr
	});
	const content = archieml.load(readFileSync('src/content/story.aml', 'utf8'));
	const title = /<title>([^<]*)<\/title>/.exec(pages.story)?.[1] ?? '';
	const payload = gzipSync(JSON.stringify({ parts, pages }), { level: 9 }).toString('base64');
	const file =
		`<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
		`<meta http-equiv="content-security-policy" content="${csp}">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1">` +
		`<title>${title}</title></head><body>` +
		`<noscript><p>${content.labels.offlineNeedsScript}</p></noscript>` +
		`<script type="application/octet-stream" id="pages">${payload}</script>` +
		`<script>${LOADER}</script></body></html>\n`;
	writeFileSync(FILE, file);
}

async function printPdfs() {
	const browser = await chromium.launch({ executablePath, args });
	const page = await browser.newPage();
	const url = pathToFileURL(resolve(FILE)).href;
	for (const [query, pdf, format] of [
		['?present', SLIDES_PDF, undefined],
		['?notes', NOTES_PDF, 'A4']
	]) {
		await page.goto(url + query);
		await page.locator('.static-page').first().waitFor({ state: 'attached' });
		await page.evaluate(() => document.fonts.ready);
		await page.pdf({ path: pdf, printBackground: true, preferCSSPageSize: !format, format });
	}
	await browser.close();
}

const kb = (file) => `${(statSync(file).size / 1024).toFixed(1)} KB`;

build();
writeFile();
await printPdfs();
rmSync(SITE, { recursive: true, force: true });
for (const file of [FILE, SLIDES_PDF, NOTES_PDF]) console.log(`${file}  ${kb(file)}`);
