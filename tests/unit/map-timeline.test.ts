// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { View } from '$lib/map/types';
import { mapTimeline } from '$lib/motion/map-timeline';
import { advanceTo, installFakeAnimations, now, seen } from './fake-animations';

const SVG = 'http://www.w3.org/2000/svg';
// The module's beats, in seconds: out, the camera's move, the names a beat after it lands.
const OUT = 0.15;
const LANDED = 0.9;
const IN = 0.95;
const DRAWN = IN + 0.9;

const svgChild = <K extends keyof SVGElementTagNameMap>(parent: Element, tag: K) =>
	parent.appendChild(document.createElementNS(SVG, tag));

/** A screen transform as getScreenCTM gives it: only its scale (a, b) matters here. */
const ctm = (a: number, b = 0) => ({ a, b }) as DOMMatrix;

/**
 * A map leaving Oleg's step for Anna's: Oleg's layers showing, Anna's hidden, the intro's names
 * hidden since an earlier step. happy-dom lays nothing out: a route's length and screen scale
 * are given.
 */
function map({ scale = ctm(1.2, 1.6) as DOMMatrix | null } = {}) {
	const svg = svgChild(document.body, 'svg');
	const layer = (step: string, kind: 'tones' | 'marks', display: string) => {
		const g = svgChild(svg, 'g');
		g.dataset.layer = step;
		g.classList.add(kind);
		g.style.display = display;
		return g;
	};
	const oleg = [layer('oleg', 'tones', 'inline'), layer('oleg', 'marks', 'inline')];
	const intro = layer('intro', 'marks', 'none');
	const [tones, marks] = [layer('anna', 'tones', 'none'), layer('anna', 'marks', 'none')];
	const route = svgChild(marks, 'path');
	route.classList.add('route-fled');
	route.getTotalLength = () => 100.2;
	route.getScreenCTM = () => scale;
	const borders = svgChild(svg, 'path');
	borders.classList.add('borders');
	return {
		svg,
		oleg,
		intro,
		tones,
		marks,
		route,
		borders,
		allLayers: [...oleg, intro, tones, marks]
	};
}

const from: View = [0, 0, 1000, 500];
const to: View = [200, 100, 400, 200];

/** The change to Anna's step, on a clock the test moves (callbacks fire as they would). */
function change(m: ReturnType<typeof map>) {
	const start = now();
	const calls = { glide: vi.fn(), setView: vi.fn(), placeLayers: vi.fn(), done: vi.fn() };
	const tl = mapTimeline({
		layers: [m.tones, m.marks],
		allLayers: m.allLayers,
		borders: [m.borders],
		step: 'anna',
		from,
		to,
		...calls
	});
	const at = (seconds: number) => advanceTo(start + seconds * 1000);
	return { at, kill: () => tl.kill(), ...calls };
}

const opacity = (el: SVGElement) => Number(seen(el, 'opacity'));

beforeEach(installFakeAnimations);

afterEach(() => document.body.replaceChildren());

describe('the map moving between steps', () => {
	it('fades the old step and the borders out, then moves the camera, then brings the names in', () => {
		const m = map();
		const { at, glide, setView, placeLayers } = change(m);

		at(OUT / 2);
		expect(m.marks.style.display).toBe('none');
		for (const el of [...m.oleg, m.borders]) {
			expect(opacity(el)).toBeGreaterThan(0);
			expect(opacity(el)).toBeLessThan(1);
		}
		expect(m.oleg[0]!.style.display).toBe('inline');
		expect(glide).not.toHaveBeenCalled();
		expect(placeLayers).toHaveBeenCalledTimes(1);

		at(OUT + 0.05);
		for (const el of m.oleg) expect([el.style.display, el.style.opacity]).toEqual(['none', '0']);
		expect(m.tones.style.display).toBe('inline');
		expect(placeLayers).toHaveBeenCalledTimes(2);

		// The camera's whole move is handed over at once (the compositor carries it), for the time
		// the move takes, from the view the reader sees to the goal, eased in and out: halfway in
		// time, halfway between the views, and slower at the ends than in the middle.
		at(OUT + (LANDED - OUT) / 2);
		expect(glide).toHaveBeenCalledOnce();
		const [path, seconds] = glide.mock.lastCall! as [View[], number];
		expect(seconds).toBeCloseTo(LANDED - OUT);
		expect(path[0]).toEqual(from);
		expect(path.at(-1)).toEqual(to);
		expect(path.length % 2).toBe(1);
		const round = (v: View) => v.map((n) => Math.round(n));
		expect(round(path[(path.length - 1) / 2]!)).toEqual([100, 50, 700, 350]);
		const step = (i: number) => path[i + 1]![0] - path[i]![0];
		expect(step(0)).toBeLessThan(step((path.length - 1) / 2));
		expect(step(path.length - 2)).toBeLessThan(step((path.length - 1) / 2 - 1));
		expect(setView).not.toHaveBeenCalled();

		// Landed, drawn at the new view; the names wait a beat, the borders are still out.
		at((LANDED + IN) / 2);
		expect(setView).toHaveBeenCalledExactlyOnceWith(to);
		expect(m.marks.style.display).toBe('none');
		expect(opacity(m.borders)).toBe(0);
		expect(placeLayers).toHaveBeenCalledTimes(2);

		at(IN + 0.05);
		expect(m.marks.style.display).toBe('inline');
		expect(placeLayers).toHaveBeenCalledTimes(3);

		at(DRAWN);
		for (const el of [m.tones, m.marks, m.borders]) expect(opacity(el)).toBe(1);
		// The intro's names, hidden before the change began, are left as they were.
		expect([m.intro.style.display, m.intro.style.opacity]).toEqual(['none', '']);
	});

	it("keeps the step's tones showing when it comes back before they had gone, and hides its names until they come in", () => {
		const m = map();
		for (const el of [m.tones, m.marks]) {
			el.style.display = 'inline';
			el.style.opacity = '0.5';
		}
		const { at } = change(m);
		at(OUT / 2);
		expect(opacity(m.tones)).toBe(0.5);
		expect([m.marks.style.display, m.marks.style.opacity]).toEqual(['none', '0']);
		at(OUT + 0.05);
		expect(m.tones.style.display).toBe('inline');
		expect(opacity(m.tones)).toBeGreaterThan(0.5);
	});

	it('lands only when everything has, routes drawn too', () => {
		const { at, done } = change(map());
		at(IN + 0.3);
		expect(done).not.toHaveBeenCalled();
		at(DRAWN);
		expect(done).toHaveBeenCalledOnce();
	});

	it('draws each route by its dash, a screen pixel over its length on screen, and leaves it whole', () => {
		// 100.2 map units at a scale of 2 (a rotation's a and b): 200.4 px, so 202.
		const m = map();
		const { at } = change(m);
		at(LANDED);
		expect(m.route.style.strokeDasharray).toBe('');
		at(IN + 0.001);
		expect(m.route.style.strokeDasharray.replaceAll('px', '')).toBe('202 202');
		expect(parseFloat(seen(m.route, 'strokeDashoffset'))).toBeCloseTo(202, 0);
		at(IN + 0.45);
		expect(parseFloat(seen(m.route, 'strokeDashoffset'))).toBeCloseTo(101, 0);
		at(DRAWN);
		expect(m.route.style.strokeDasharray).toBe('');
		expect(m.route.style.strokeDashoffset).toBe('');
	});

	it("measures a route by its map's scale where it has none of its own, and by its length where neither has one", () => {
		const measured = (m: ReturnType<typeof map>) => {
			change(m).at(IN + 0.001);
			return m.route.style.strokeDasharray.replaceAll('px', '');
		};
		const m = map({ scale: null });
		m.svg.getScreenCTM = () => ctm(3);
		expect(measured(m)).toBe('302 302');
		const bare = map({ scale: null });
		bare.svg.getScreenCTM = () => null;
		expect(measured(bare)).toBe('102 102');
	});

	it('with no route to draw, lands when the names are in', () => {
		const m = map();
		m.route.remove();
		const { at, done } = change(m);
		at(IN + 0.3);
		expect(done).toHaveBeenCalledOnce();
	});
});
