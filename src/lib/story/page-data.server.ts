import { mapForPage } from '$lib/map/story-map.server';
import { serverStory } from './story.server';

/** The whole story and the map's states: what the presenter and its notes hydrate with. */
export function storyPageData() {
	return { story: serverStory(), map: mapForPage() };
}
