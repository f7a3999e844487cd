import type { MapState } from '$lib/map/types';
import type { Story } from '$lib/story/model';
import { buildSlides } from './slides';

/** The slides of the page data: the story, with each account's map caption from its map state. */
export const slidesOf = (story: Story, states: MapState[]) =>
	buildSlides(story, Object.fromEntries(states.map((s) => [s.step, s.caption])));
