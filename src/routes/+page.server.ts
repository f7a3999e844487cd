import { loadContent } from '$lib/content/load.server';
import { mapForPage } from '$lib/map/story-map.server';
import { buildStory } from '$lib/story/model';

export function load() {
	return {
		story: buildStory(loadContent()),
		map: mapForPage()
	};
}
