import { describe, expect, it } from 'vitest';
import { loadContent } from '$lib/content/load.server';
import { mapForPage } from '$lib/map/story-map.server';
import { storyPageData } from '$lib/story/page-data.server';
import { buildStory } from '$lib/story/model';

describe('storyPageData', () => {
	it('is the whole story and the map’s states, what the presenter hydrates with', () => {
		const data = storyPageData();
		expect(Object.keys(data).sort()).toEqual(['map', 'story']);
		expect(data.story).toEqual(buildStory(loadContent()));
		expect(data.map).toEqual(mapForPage());
	});

	it('hydrates with the states only: the country outlines stay in map.svg', () => {
		const { map } = storyPageData();
		expect(Object.keys(map).sort()).toEqual(['height', 'states', 'width']);
		expect(map.states.map((s) => s.step)).toEqual([
			'intro',
			...storyPageData().story.sections.map((s) => s.id)
		]);
	});
});
