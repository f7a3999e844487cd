import { loadContent } from '$lib/content/load.server';
import { buildStory, type Story } from './model';

/**
 * The whole story, words and all: for the server's pages and the static parts
 * (vite/static-parts.ts). A `.server` module, so Kit refuses to build a page whose browser code
 * imports it: a component that reads it cannot be hydrated by mistake.
 */
export function serverStory(): Story {
	return buildStory(loadContent());
}
