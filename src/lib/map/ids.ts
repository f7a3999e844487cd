/**
 * The ids the map's shared geometry goes by: the sprite defines them (defs.server.ts) and every
 * map draws them with <use> (LocatorMap, MapLayers).
 */
export const LAND_ID = 'map-land';
export const BORDERS_ID = 'map-borders';

/** A country's outline in the sprite. */
export const countryId = (name: string) =>
	`map-c-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
