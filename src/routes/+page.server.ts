import { env } from '$env/dynamic/public';
import { loadContent } from '$lib/content/load.server';
import { mapForPage } from '$lib/map/story-map.server';
import { buildStory } from '$lib/story/model';

export function load() {
	return {
		story: buildStory(loadContent()),
		map: mapForPage(),
		// Absolute URL for canonical and share tags; set PUBLIC_SITE_URL where the story is published.
		siteUrl: env.PUBLIC_SITE_URL || 'http://localhost:4173/'
	};
}
