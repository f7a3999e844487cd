import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ID } from '../story';

// A part the browser never hydrates (`X.svelte?static`) brings its styles with it
// (vite/static-parts.ts). Should a component it draws be missed, or compiled otherwise than the
// server compiles it, `npm run dev` still looks right (dev collects CSS from the server's graph)
// while the build ships the part unstyled: here, every scoping class in each built page must have a
// rule in the CSS that page inlines or links.

const ROUTES = [
	'./',
	'./embed/',
	'./embed/frame/',
	'./present/',
	'./present/notes/',
	'./share/',
	`./${ID.middle}/`
];
const page = (route: string) => readFileSync(join('build', route, 'index.html'), 'utf8');

/** The page's CSS: its inline <style> elements and the stylesheets it links. */
function cssOf(html: string): string {
	const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
	const linked = [...html.matchAll(/<link href="(?:\.\.?\/)+(_app\/[^"]+\.css)"/g)]
		.map((m) => join('build', m[1]!))
		.filter(existsSync)
		.map((file) => readFileSync(file, 'utf8'));
	return [...inline, ...linked].join('\n');
}

/** The scoping classes the page's markup carries (Svelte adds one only where a rule selects it). */
const scopes = (html: string) =>
	new Set(
		[...html.replace(/<style[\s\S]*?<\/style>/g, '').matchAll(/class="([^"]*)"/g)].flatMap((m) =>
			m[1]!.split(/\s+/).filter((c) => /^svelte-[a-z0-9]+$/.test(c))
		)
	);

for (const route of ROUTES) {
	test(`every scoped part of ${route} ships with its styles`, () => {
		const html = page(route);
		const css = cssOf(html);
		const found = [...scopes(html)];
		expect(found.length).toBeGreaterThan(0);
		expect(found.filter((scope) => !css.includes(`.${scope}`))).toEqual([]);
	});
}
