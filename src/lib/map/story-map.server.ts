import { loadContent } from '$lib/content/load.server';
import { mapSprite } from './defs.server';
import { buildMap } from './project.server';
import type { MapData } from './types';

let cached: { map: MapData; sprite: string } | undefined;

/** The projected map, computed once per build (every prerendered route shares it). */
export function storyMap() {
	if (!cached) {
		const map = buildMap(loadContent());
		cached = { map, sprite: mapSprite(map) };
	}
	return cached;
}

/** What the page hydrates with: the states, not the country outlines (those are in map.svg). */
export function mapForPage() {
	const { width, height, states } = storyMap().map;
	return { width, height, states };
}
