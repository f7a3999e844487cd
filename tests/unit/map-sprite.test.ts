import { describe, expect, it } from 'vitest';
import { mapDefs, mapSprite } from '$lib/map/defs.server';
import { BORDERS_ID, LAND_ID, countryId } from '$lib/map/ids';
import { storyMap } from '$lib/map/story-map.server';

const { map, sprite } = storyMap();
const idsIn = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);

describe('the map’s shared ids', () => {
	it('give every country of the map its own id, safe in a URL fragment', () => {
		const ids = map.countries.map((c) => countryId(c.name));
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^map-c-[a-z0-9-]+$/);
		expect(countryId('Bosnia and Herz.')).toBe('map-c-bosnia-and-herz-');
	});
});

describe('the sprite (map.svg) and what a page carries instead', () => {
	it('define land, borders and each country once', () => {
		const ids = idsIn(sprite);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(
			expect.arrayContaining([LAND_ID, BORDERS_ID, ...map.countries.map((c) => countryId(c.name))])
		);
		expect(ids).toHaveLength(map.countries.length + 2);
		expect(
			mapSprite({ countries: [{ name: 'A"&<', d: 'M0 0"' }], borders: 'M1 1' } as never)
		).toContain('d="M0 0&quot;"');
	});

	it('point a <use> into the file for each shape the page draws, and only those', () => {
		const drawn = new Set([LAND_ID, countryId('Russia')]);
		const defs = mapDefs(map, '../map.svg', (id) => drawn.has(id));
		expect(idsIn(defs)).toEqual([LAND_ID, countryId('Russia')]);
		expect(defs).toContain(`href="../map.svg#${LAND_ID}"`);
		expect(defs).toMatch(/^<svg class="map-defs"[^>]*aria-hidden="true"/);
		for (const id of idsIn(defs)) expect(idsIn(sprite)).toContain(id);
	});
});
