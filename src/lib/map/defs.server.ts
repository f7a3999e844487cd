import type { MapData } from './types';

export const countryId = (name: string) =>
	`map-c-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

const escapeAttr = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The map's shared geometry as one hidden SVG of <defs>: every map on the page draws it with
 * <use>, so the outlines are in the HTML once. Inserted by hooks.server.ts outside the Svelte
 * tree, so the hydrated page data never carries the path strings.
 */
export function mapDefsSvg(map: Pick<MapData, 'countries' | 'borders'>): string {
	const countries = map.countries
		.map((c) => `<path id="${countryId(c.name)}" d="${escapeAttr(c.d)}"/>`)
		.join('');
	return (
		`<svg class="map-defs" width="0" height="0" aria-hidden="true" focusable="false">` +
		`<defs><g id="map-land">${countries}</g>` +
		`<path id="map-borders" d="${escapeAttr(map.borders)}" fill="none" vector-effect="non-scaling-stroke"/></defs></svg>`
	);
}
