import type { Handle } from '@sveltejs/kit';
import { version } from '$app/environment';
import { env as buildEnv } from '$env/dynamic/private';
import { render } from 'svelte/server';
import StoryMeta from '$lib/components/StoryMeta.svelte';
import { loadContent } from '$lib/content/load.server';
import { mapDefs } from '$lib/map/defs.server';
import { storyMap } from '$lib/map/story-map.server';
import { siteUrl } from '$lib/share/site-url.server';
import { buildStory } from '$lib/story/model';
import { AFTER_PAINT, paintFirst, withHash, type PaintedFirst } from '$lib/paint-first.server';
import { engineGuardScript } from '$lib/scroll/engine-guard.server';
import { createHash } from 'node:crypto';

/** Placeholder in app.html for the references to the map's shared outlines. */
const MAP_DEFS = '<!--map-defs-->';
/** Placeholder in app.html for the title, share tags and JSON-LD every route shares. */
const STORY_META = '<!--story-meta-->';
/** Placeholder in app.html, first in the head, for the scroll engine's guard (engine-guard.ts). */
const ENGINE_GUARD = '<!--engine-guard-->';
const GUARD_HASH = `'sha256-${createHash('sha256').update(engineGuardScript).digest('base64')}'`;
const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;
/** A policy that also runs the guard. */
const withGuard = (csp: string) =>
	csp.replace(/script-src ([^;"]*)/, (_, sources: string) => `script-src ${sources} ${GUARD_HASH}`);

/**
 * Pages with the sticky graphic get the guard, which keeps the sticky layout only while the
 * engine can come; a prerendered page's policy (a meta tag) its hash. Others lose the placeholder.
 */
function guardEngine(html: string): string {
	if (!html.includes('class="scrolly')) return html.replace(ENGINE_GUARD, '');
	return html
		.replace(ENGINE_GUARD, () => `<script>${engineGuardScript}</script>`)
		.replace(CSP_META, (meta) => withGuard(meta));
}

let meta: string | undefined;
/**
 * The head tags are the same on every route and never change in the browser: rendered here, they
 * stay out of the hydrated JavaScript. Canonical, share tags and oEmbed need the absolute address
 * where the story is published (PUBLIC_SITE_URL, site-url.server.ts).
 */
function storyMeta(): string {
	return (meta ??= render(StoryMeta, {
		props: { story: buildStory(loadContent()), siteUrl: siteUrl() }
	}).head);
}

/**
 * The offline file's build (scripts/export.js): its one inline script starts at once. So does a
 * build with paint-first off, which its bench compares with (scripts/bench-paint-first.js).
 */
const startAtOnce = buildEnv.STORY_OFFLINE === '1' || buildEnv.STORY_PAINT_FIRST === 'off';

export const handle: Handle = async ({ event, resolve }) => {
	let painted: PaintedFirst | undefined;
	let guarded = false;
	const response = await resolve(event, {
		transformPageChunk: ({ html: page }) => {
			guarded = page.includes('class="scrolly');
			const html = guardEngine(page);
			// A page with a head of its own (App.Locals) is plain HTML.
			const { ownHead } = event.locals;
			if (ownHead !== undefined) return html.replace(STORY_META, () => ownHead);
			if (startAtOnce)
				return html
					.replace(STORY_META, storyMeta)
					.replace(MAP_DEFS, () =>
						mapDefs(storyMap().map, `${toRoot(event.url.pathname)}map.svg`, (id) =>
							html.includes(`href="#${id}"`)
						)
					);
			painted = paintFirst(
				html
					.replace(STORY_META, storyMeta)
					// Pages that draw a map point into map.svg, relative to the route (any subpath works);
					// the build's version in the address makes a new build's outlines a new file to caches.
					// They are added after the first paint, or as the page is parsed without JavaScript.
					.replace(MAP_DEFS, () =>
						html.includes('href="#map-land"')
							? `<noscript ${AFTER_PAINT}>${mapDefs(
									storyMap().map,
									`${toRoot(event.url.pathname)}map.svg?v=${version}`,
									(id) => html.includes(`href="#${id}"`)
								)}</noscript>`
							: ''
					)
			);
			return painted.html;
		}
	});
	// Served pages (dev, preview) carry their CSP in a header, not in the page.
	const csp = response.headers.get('content-security-policy');
	if (csp && painted) {
		const policy = withHash(csp, painted);
		response.headers.set('content-security-policy', guarded ? withGuard(policy) : policy);
	}
	return response;
};

/** The way from a route's folder back to the site's root: `./` for `/`, `../` for `/embed/`. */
const toRoot = (pathname: string) =>
	'../'.repeat(pathname.split('/').filter(Boolean).length) || './';
