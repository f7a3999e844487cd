import { mapForPage } from '$lib/map/story-map.server';
import { browserStory } from '$lib/story/model';
import { serverStory } from '$lib/story/story.server';

/**
 * What the story and the embed hydrate with, serialized into the page: no running text, which
 * the static parts write into the HTML once (vite/static-parts.ts).
 */
export function load() {
	return { story: browserStory(serverStory()), map: mapForPage() };
}
