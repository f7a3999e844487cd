#!/usr/bin/env node
// ./embed/frame/ whole in itself, the second step of `npm run build`. The iframe-only snippet and
// oEmbed point there, and the frames CMSes make of them may be sandboxed (WordPress:
// `sandbox="allow-scripts"`, so the frame's origin is `null`): such a frame can load no module,
// font or SVG sprite from the story's origin (CORS). The same route is built again with every
// script inline, made whole (inline-page.js), and put in place of the split build's page.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { inlineBuild, inlineHashes, wholePage, wholePolicy } from './inline-page.js';

const OUT = process.env.STORY_OUT ?? 'build';
const PAGE = 'embed/frame/index.html';

const site = mkdtempSync(join(tmpdir(), 'story-frame-'));
try {
	inlineBuild(site, { quiet: true });
	let { html, attr } = wholePage(site, PAGE, readFileSync(join(site, PAGE), 'utf8'));
	// Only links may point elsewhere (the story's own page, its canonical address, oEmbed); nothing
	// the page loads.
	const loads =
		/<(?:script|link(?! rel="(?:alternate|canonical)")|img|use|image|source|iframe)\b[^>]*\s(?:src|href)="(?!data:|#)([^"]+)"/.exec(
			html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '')
		);
	if (loads) throw new Error(`${PAGE}: the page still loads ${loads[1]}`);
	const csp = wholePolicy({
		scripts: inlineHashes([html], 'script'),
		styles: inlineHashes([html], 'style'),
		attr
	});
	html = html.replace(
		'<meta charset="utf-8" />',
		() => `<meta charset="utf-8" /><meta http-equiv="content-security-policy" content="${csp}">`
	);
	if (!html.includes(csp)) throw new Error(`${PAGE}: no place for the policy`);
	const file = join(OUT, PAGE);
	writeFileSync(file, html);
	// The build is precompressed, and servers prefer those files: they must be this page too.
	writeFileSync(`${file}.gz`, gzipSync(html, { level: 9 }));
	writeFileSync(`${file}.br`, brotliCompressSync(html));
	console.log(
		`${file}  ${(html.length / 1024).toFixed(1)} KB, gzip ${(gzipSync(html).length / 1024).toFixed(1)} KB`
	);
} catch (error) {
	console.error(`frame-page: ${error instanceof Error ? error.message : error}`);
	process.exitCode = 1;
} finally {
	rmSync(site, { recursive: true, force: true });
}
