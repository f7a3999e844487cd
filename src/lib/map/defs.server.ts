import { BORDERS_ID, countryId, LAND_ID } from './ids';
import type { MapData } from './types';
import { escapeAttribute as escapeAttr } from '$lib/escape';

type Geometry = Pick<MapData, 'countries' | 'borders'>;

/**
 * The map's shared geometry as a file of its own (build/map.svg): the outlines are most of a
 * map's bytes and the same on every route, so they are fetched once and cached rather than sent
 * in every page's HTML.
 */
export function mapSprite(map: Geometry): string {
	const countries = map.countries
		.map((c) => `<path id="${countryId(c.name)}" d="${escapeAttr(c.d)}"/>`)
		.join('');
	return (
		`<svg xmlns="http://www.w3.org/2000/svg"><defs><g id="${LAND_ID}">${countries}</g>` +
		`<path id="${BORDERS_ID}" d="${escapeAttr(map.borders)}" fill="none" vector-effect="non-scaling-stroke"/></defs></svg>\n`
	);
}

/**
 * What a page carries instead: one hidden <use> per shape, pointing into the file. The maps keep
 * drawing `#map-land` and the like from their own document, so nothing in the hydrated tree
 * depends on where the file lies relative to the route. Inserted by hooks.server.ts outside the
 * Svelte tree.
 */
export function mapDefs(map: Geometry, sprite: string, used: (id: string) => boolean): string {
	const ids = [LAND_ID, BORDERS_ID, ...map.countries.map((c) => countryId(c.name))];
	// Only the shapes the page draws: each <use> here costs the browser a parse and a clone.
	const uses = ids
		.filter(used)
		.map((id) => `<use id="${id}" href="${escapeAttr(`${sprite}#${id}`)}"/>`);
	return `<svg class="map-defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>${uses.join('')}</defs></svg>`;
}
