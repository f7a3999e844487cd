import { loadContent } from '$lib/content/load.server';
import { mapForPage } from '$lib/map/story-map.server';
import { buildStory } from './model';

/** The whole story and the map's states: what the presenter and its notes hydrate with. */
export function storyPageData() {
	return { story: buildStory(loadContent()), map: mapForPage() };
}
