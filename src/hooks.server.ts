import type { Handle } from '@sveltejs/kit';
import { storyMap } from '$lib/map/story-map.server';

/** Placeholder in app.html for the map's shared outlines. */
const MAP_DEFS = '<!--map-defs-->';

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		// Both fonts set the first screen: fetch them with the HTML instead of after the CSS is parsed.
		// Kit writes these preload links with relative paths, so they work under any subpath.
		preload: ({ type }) => type === 'js' || type === 'css' || type === 'font',
		// The country outlines go into the HTML once, outside the hydrated tree, and only on pages
		// that draw a map.
		transformPageChunk: ({ html }) =>
			html.includes(MAP_DEFS) ? html.replace(MAP_DEFS, html.includes('href="#map-land"') ? storyMap().defs : '') : html
	});
