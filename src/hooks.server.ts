import type { Handle } from '@sveltejs/kit';
import { env } from '$env/dynamic/public';
import { render } from 'svelte/server';
import StoryMeta from '$lib/components/StoryMeta.svelte';
import { loadContent } from '$lib/content/load.server';
import { storyMap } from '$lib/map/story-map.server';
import { buildStory } from '$lib/story/model';

/** Placeholder in app.html for the map's shared outlines. */
const MAP_DEFS = '<!--map-defs-->';
/** Placeholder in app.html for the title, share tags and JSON-LD every route shares. */
const STORY_META = '<!--story-meta-->';

let meta: string | undefined;
/**
 * The head tags are the same on every route and never change in the browser: rendered here, they
 * stay out of the hydrated JavaScript. Set PUBLIC_SITE_URL where the story is published: canonical
 * and share tags need an absolute URL.
 */
function storyMeta(): string {
	return (meta ??= render(StoryMeta, {
		props: {
			story: buildStory(loadContent()),
			siteUrl: env.PUBLIC_SITE_URL || 'http://localhost:4173/'
		}
	}).head);
}

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		// Both fonts set the first screen: fetch them with the HTML instead of after the CSS is parsed.
		// Kit writes these preload links with relative paths, so they work under any subpath.
		preload: ({ type }) => type === 'js' || type === 'css' || type === 'font',
		transformPageChunk: ({ html }) =>
			html
				.replace(STORY_META, storyMeta)
				// The country outlines go into the HTML once, outside the hydrated tree, and only on
				// pages that draw a map.
				.replace(MAP_DEFS, () => (html.includes('href="#map-land"') ? storyMap().defs : ''))
	});
