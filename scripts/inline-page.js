// Pages that run whole in themselves: every script, style, font and map outline inside the HTML,
// and a policy that lets no request out. For the offline file (export.js), opened from file://,
// and for ./embed/frame/ (frame-page.js), run in sandboxed frames whose origin is `null`: neither
// can load a module, a font or an SVG sprite from the story's origin.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Builds the site again into `dir` with every script inline (STORY_OFFLINE, svelte.config.js).
 * `quiet`: its output only if it fails (the main build has said everything once already).
 */
export function inlineBuild(dir, { quiet = false } = {}) {
	const { status, stdout, stderr } = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		env: { ...process.env, STORY_OFFLINE: '1', STORY_OUT: dir },
		stdio: quiet ? 'pipe' : 'inherit',
		encoding: 'utf8'
	});
	if (status !== 0) {
		if (quiet) process.stderr.write(`${stdout}${stderr}`);
		throw new Error('the inline build failed');
	}
}

/** The map's outlines, inside the page instead of in map.svg beside it. */
function mapDefs(site) {
	const sprite = readFileSync(join(site, 'map.svg'), 'utf8');
	const defs = /<defs>[\s\S]*<\/defs>/.exec(sprite)?.[0];
	if (!defs) throw new Error('map.svg has no <defs>');
	return `<svg class="map-defs" width="0" height="0" aria-hidden="true" focusable="false">${defs}</svg>`;
}

const fontData = (site, file) =>
	`url(data:font/woff2;base64,${readFileSync(join(site, '_app/immutable/assets', file)).toString('base64')})`;

/**
 * One page of an inline build made whole: its map outlines, fonts and icon inside it, Kit's
 * policy taken out (the caller writes one for what the page now holds). `store` may stand in for
 * each large part it puts in (the offline file keeps shared parts once). Returns the page and the
 * style attributes Kit's policy allowed.
 */
export function wholePage(site, name, html, store = (text) => text) {
	const kitCsp = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html);
	if (!kitCsp) throw new Error(`${name}: no CSP meta`);
	html = html.replace(kitCsp[0], '');
	const defs = /<svg class="map-defs"[\s\S]*?<\/svg>/.exec(html);
	if (!defs) throw new Error(`${name}: no map defs`);
	html = html.replace(defs[0], () => store(mapDefs(site)));
	html = html.replace(/url\(\.\/([\w.-]+\.woff2)\)/g, (_, file) => store(fontData(site, file)));
	html = html.replace(/<link rel="icon" href="[^"]*favicon\.png"[^>]*>/, () => {
		const png = readFileSync(join(site, 'favicon.png')).toString('base64');
		return `<link rel="icon" href="data:image/png;base64,${png}">`;
	});
	return { html, attr: /style-src-attr ([^;]*)/.exec(kitCsp[1])?.[1] ?? "'none'" };
}

/** The hashes of every inline `<script>` or `<style>` in the pages, for a policy. */
export function inlineHashes(pages, tag) {
	const re = new RegExp(`<${tag}(?: type="module")?>([\\s\\S]*?)</${tag}>`, 'g');
	return [...new Set(pages.flatMap((html) => [...html.matchAll(re)].map((m) => sha256(m[1]))))];
}

/** Nothing leaves such a page: no source is allowed but its own inline code, by hash. */
export function wholePolicy({ scripts, styles, attr }) {
	return [
		"default-src 'none'",
		`script-src ${scripts.join(' ')}`,
		`style-src ${styles.join(' ')}`,
		`style-src-attr ${attr}`,
		'img-src data:',
		'font-src data:',
		"base-uri 'none'",
		"form-action 'none'"
	].join('; ');
}
