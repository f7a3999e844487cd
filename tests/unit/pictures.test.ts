import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { difference, overhang, SPECK, type Picture } from '../paths/pictures';

/**
 * A picture of flat rectangles (a map's areas, labels, lines) on paper, as the graphic is; at
 * least 2 px across: what is thinner, engines draw blended in both pictures already.
 */
const scene = fc.record({
	width: fc.integer({ min: 40, max: 90 }),
	height: fc.integer({ min: 40, max: 90 }),
	shapes: fc.array(
		fc.record({
			x: fc.integer({ min: 0, max: 80 }),
			y: fc.integer({ min: 0, max: 80 }),
			w: fc.integer({ min: 2, max: 30 }),
			h: fc.integer({ min: 2, max: 30 }),
			colour: fc.constantFrom([40, 40, 40], [180, 50, 20], [210, 200, 180], [235, 222, 190])
		}),
		{ minLength: 1, maxLength: 12 }
	)
});

type Scene = {
	width: number;
	height: number;
	shapes: { x: number; y: number; w: number; h: number; colour: readonly number[] }[];
};

const PAPER = [247, 244, 238];

/**
 * Draws the scene `dy` pixels down (a fraction: each edge blended with the row above, as an engine
 * draws what lies a fraction of a pixel off).
 */
function draw(s: Scene, dy = 0): Picture {
	const cover = (x: number, y: number) => {
		let colour: readonly number[] = PAPER;
		for (const r of s.shapes)
			if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h) colour = r.colour;
		return colour;
	};
	const data = Buffer.alloc(s.width * s.height * 4);
	const whole = Math.floor(dy);
	const part = dy - whole;
	for (let y = 0; y < s.height; y++)
		for (let x = 0; x < s.width; x++) {
			const here = cover(x, y - whole);
			const above = cover(x, y - whole - 1);
			for (let c = 0; c < 3; c++)
				data[(y * s.width + x) * 4 + c] = Math.round(here[c]! * (1 - part) + above[c]! * part);
			data[(y * s.width + x) * 4 + 3] = 255;
		}
	return { png: Buffer.alloc(0), width: s.width, height: s.height, data };
}

describe('difference', () => {
	it('tells two equal pictures apart from nothing', () => {
		fc.assert(
			fc.property(scene, (s) => {
				expect(difference(draw(s), draw(s)).pixels).toBe(0);
			}),
			{ seed: 2022, numRuns: 50 }
		);
	});

	it('forgives, with a shift of 2, a picture drawn up to a pixel and a half off', () => {
		fc.assert(
			fc.property(scene, fc.double({ min: 0.1, max: 1.5, noNaN: true }), (s, dy) => {
				expect(difference(draw(s, dy), draw(s), 2).patch).toBeLessThanOrEqual(SPECK);
			}),
			{ seed: 2022, numRuns: 100 }
		);
	});

	it('still counts a mark that is not there (a route cut short, a label missing)', () => {
		fc.assert(
			fc.property(
				scene,
				fc.integer({ min: 0, max: 30 }),
				fc.integer({ min: 0, max: 30 }),
				(s, x, y) => {
					// A 12x5 mark of a colour the scene has nowhere.
					const marked = {
						...s,
						shapes: [...s.shapes, { x, y, w: 12, h: 5, colour: [20, 90, 200] }]
					};
					expect(difference(draw(marked), draw(s), 2).patch).toBeGreaterThan(SPECK);
				}
			),
			{ seed: 2022, numRuns: 100 }
		);
	});

	it('counts every pixel when the sizes differ', () => {
		const s = { width: 50, height: 40, shapes: [] };
		expect(difference(draw(s), draw({ ...s, height: 41 }), 2).patch).toBe(50 * 41);
	});
});

describe('overhang', () => {
	const seed = { seed: 2022 };
	const box = fc.record({
		y: fc.double({ min: -3000, max: 3000, noNaN: true }),
		height: fc.double({ min: 1, max: 700, noNaN: true })
	});

	it('scrolls a box that fits the viewport wholly into it, by whole pixels, to the edge it was over', () => {
		fc.assert(
			fc.property(box, fc.integer({ min: 700, max: 1200 }), (b, viewport) => {
				const off = overhang(b, viewport);
				expect(Number.isInteger(off)).toBe(true);
				const y = b.y - off;
				expect(y).toBeGreaterThanOrEqual(-0.5);
				expect(y + b.height).toBeLessThanOrEqual(viewport + 0.5);
				// No further than the edge it was over, and a pixel at most past it.
				if (off < 0) expect(y).toBeLessThan(1);
				if (off > 0) expect(y + b.height).toBeGreaterThan(viewport - 1);
				expect(overhang({ ...b, y }, viewport)).toBe(0);
			}),
			seed
		);
	});
});
