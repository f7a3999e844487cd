import { readFileSync } from 'node:fs';
import { geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { parseContent } from '$lib/content/parse';
import { arcPath, compactPath, fitView, placeAreaLabel, placeLabels } from '$lib/map/geometry';
import { SIMFEROPOL, buildMap, loadCountries } from '$lib/map/project.server';
import { SOURCE } from '../source-text';

const content = parseContent(readFileSync('src/content/story.aml', 'utf8'), SOURCE);

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
		expect(map.states.map((s) => s.step)).toEqual([
			'intro',
			'konstantin',
			'anna',
			'oleg',
			'konstantin-roman',
			'aleksandr'
		]);
	});

	it('ships path strings only, with the named countries among them', () => {
		const names = map.countries.map((c) => c.name);
		for (const name of [
			'Russia',
			'Ukraine',
			'Kazakhstan',
			'Georgia',
			'Mongolia',
			'Uzbekistan',
			'Belarus',
			'Germany',
			'Austria'
		]) {
			expect(names).toContain(name);
		}
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

	it('projects places where they are: Moscow west of Omsk, Samarkand south of Astana', () => {
		const oleg = state('oleg');
		const roman = state('konstantin-roman');
		const at = (s: typeof oleg, name: string) => s.places.find((p) => p.name === name)!;
		expect(at(roman, 'Moscow').x).toBeLessThan(at(oleg, 'Omsk').x);
		expect(at(roman, 'Samarkand').y).toBeGreaterThan(at(oleg, 'Astana').y);
	});

	it('draws the routes the text tells, dashed wishes apart from flights', () => {
		expect(state('konstantin').routes).toEqual([]);
		expect(state('anna').routes.map((r) => r.kind)).toEqual(['fled']);
		expect(state('oleg').routes).toHaveLength(1);
		expect(state('oleg').routes[0]!.d.match(/Q/g)).toHaveLength(2);
		expect(state('konstantin-roman').routes.map((r) => r.kind)).toEqual(['fled', 'wish', 'wish']);
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
