import { describe, expect, it } from 'vitest';
import type { View } from '$lib/map/types';
import { camera, fit } from '$lib/motion/map-motion.svelte';

/** Where map point p lands on screen in a box of `size` showing `view`. */
const screen = (
	view: View,
	size: { width: number; height: number },
	[px, py]: [number, number]
) => {
	const { scale, x, y } = fit(view, size);
	return [x + px * scale, y + py * scale];
};

describe('fit (preserveAspectRatio xMidYMid meet)', () => {
	it('centres a view that is wider than the box', () => {
		const size = { width: 400, height: 400 };
		// 200 x 100 map units fill the width (scale 2) and sit in the middle of the height.
		expect(screen([0, 0, 200, 100], size, [0, 0])).toEqual([0, 100]);
		expect(screen([0, 0, 200, 100], size, [200, 100])).toEqual([400, 300]);
	});
});

describe('camera', () => {
	const size = { width: 360, height: 215 };
	const drawn: View = [100, 50, 1000, 750];
	const cases: [string, View][] = [
		['zooming in', [500, 300, 200, 150]],
		['zooming out', [-400, -200, 3000, 2250]],
		['panning', [300, 50, 1000, 750]],
		['to another aspect ratio', [0, 0, 800, 200]]
	];
	for (const [name, seen] of cases) {
		it(`puts every map point where the seen view would, ${name}`, () => {
			const { k, dx, dy } = camera(drawn, seen, size);
			for (const point of [
				[100, 50],
				[600, 400],
				[1100, 800],
				[-50, 900]
			] as [number, number][]) {
				const [sx, sy] = screen(drawn, size, point);
				const [ex, ey] = screen(seen, size, point);
				expect(k * sx! + dx).toBeCloseTo(ex!, 6);
				expect(k * sy! + dy).toBeCloseTo(ey!, 6);
			}
		});
	}

	it('is the identity when nothing moves', () => {
		expect(camera(drawn, drawn, size)).toEqual({ k: 1, dx: 0, dy: 0 });
	});
});
