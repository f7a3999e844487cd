import type { PlacedLabel, View } from './types';

export type Point = [number, number];

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A gentle arc from `a` to `b`: a quadratic curve bowed to the left of travel by a fifth of its
 * length, so routes read as journeys rather than as borders.
 */
export function arcPath(points: Point[]): string {
	const [first, ...rest] = points;
	if (!first || rest.length === 0) throw new Error('an arc needs two points');
	let d = `M${round(first[0])},${round(first[1])}`;
	let from = first;
	for (const to of rest) {
		const [mx, my] = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2];
		const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
		const [cx, cy] = [mx + dy * 0.2, my - dx * 0.2];
		d += `Q${round(cx)},${round(cy)},${round(to[0])},${round(to[1])}`;
		from = to;
	}
	return d;
}

/** The points an arc passes near (ends and control points), for fitting views around it. */
export function arcExtent(points: Point[]): Point[] {
	const out: Point[] = [...points];
	for (let i = 1; i < points.length; i++) {
		const [from, to] = [points[i - 1]!, points[i]!];
		out.push([
			(from[0] + to[0]) / 2 + (to[1] - from[1]) * 0.1,
			(from[1] + to[1]) / 2 - (to[0] - from[0]) * 0.1
		]);
	}
	return out;
}

/**
 * The view that shows every point with a margin, at least `minWidth` wide, with the graphic's
 * aspect ratio (width / height), centred on the points.
 */
export function fitView(
	points: Point[],
	{ aspect, minWidth, padding }: { aspect: number; minWidth: number; padding: number }
): View {
	if (points.length === 0) throw new Error('a view needs at least one point');
	const xs = points.map((p) => p[0]);
	const ys = points.map((p) => p[1]);
	const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	let w = Math.max((x1 - x0) * (1 + 2 * padding), minWidth);
	let h = (y1 - y0) * (1 + 2 * padding);
	if (w / aspect < h) w = h * aspect;
	else h = w / aspect;
	const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
	return [round(cx - w / 2), round(cy - h / 2), round(w), round(h)];
}

export interface LabelRequest {
	text: string;
	/** Point in map units. */
	x: number;
	y: number;
	/** Radius of the point's marker in pixels. */
	radius: number;
}

export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

const CANDIDATES: PlacedLabel[] = [
	{ dx: 1, dy: 0.35, anchor: 'start' },
	{ dx: -1, dy: 0.35, anchor: 'end' },
	{ dx: 0, dy: -1, anchor: 'middle' },
	{ dx: 0, dy: 1.7, anchor: 'middle' }
];

/**
 * Places each label beside its point (right, left, above, below: the first that fits) so that no
 * two labels overlap each other or another point and all stay inside the view. Sizes are in
 * pixels at `unitsPerPixel`; `fontSize` and `charWidth` (in em) estimate a label's box.
 * Throws when a label cannot be placed: a map that hides a name is a bug, not a layout.
 */
export function placeLabels(
	labels: LabelRequest[],
	{
		view,
		unitsPerPixel,
		fontSize,
		charWidth,
		fixed = []
	}: { view: View; unitsPerPixel: number; fontSize: number; charWidth: number; fixed?: Box[] }
): { labels: PlacedLabel[]; taken: Box[] } {
	const u = unitsPerPixel;
	const taken: Box[] = [
		...fixed,
		...labels.map((l) => ({
			x0: l.x - l.radius * u,
			y0: l.y - l.radius * u,
			x1: l.x + l.radius * u,
			y1: l.y + l.radius * u
		}))
	];
	const [vx, vy, vw, vh] = view;
	const inside = (b: Box) => b.x0 >= vx && b.y0 >= vy && b.x1 <= vx + vw && b.y1 <= vy + vh;
	const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

	const placed = labels.map((label, i) => {
		const width = label.text.length * charWidth * fontSize * u;
		const height = fontSize * u;
		const gap = label.radius + 4;
		for (const c of CANDIDATES) {
			const dx = c.dx * gap;
			const dy = c.anchor === 'middle' ? c.dy * (gap + fontSize * 0.5) : c.dy * fontSize;
			const left =
				c.anchor === 'start'
					? label.x + dx * u
					: c.anchor === 'end'
						? label.x + dx * u - width
						: label.x - width / 2;
			const baseline = label.y + dy * u;
			const box = {
				x0: left,
				y0: baseline - height * 0.8,
				x1: left + width,
				y1: baseline + height * 0.25
			};
			const others = taken.filter((_, j) => j !== fixed.length + i);
			if (inside(box) && !others.some((b) => overlaps(box, b))) {
				taken.push(box);
				return { dx: Math.round(dx * 10) / 10, dy: Math.round(dy * 10) / 10, anchor: c.anchor };
			}
		}
		throw new Error(`no room for the label “${label.text}” in view ${view.join(' ')}`);
	});
	return { labels: placed, taken };
}

/**
 * Writes a country's name at the first free spot of `candidates` (its centre, then just below
 * or above; slid inward at the view's edge), or nowhere: a country name is context, and the
 * places' labels win.
 */
export function placeAreaLabel(
	text: string,
	candidates: Point[],
	{
		view,
		unitsPerPixel,
		fontSize,
		charWidth,
		taken
	}: { view: View; unitsPerPixel: number; fontSize: number; charWidth: number; taken: Box[] }
): Point | undefined {
	const width = text.length * charWidth * fontSize * unitsPerPixel;
	const height = fontSize * unitsPerPixel;
	const [vx, vy, vw, vh] = view;
	for (const [cx, y] of candidates) {
		// Near the view's edge, slide the name inward, as long as it still covers its point.
		const x = Math.min(Math.max(cx, vx + width / 2), vx + vw - width / 2);
		if (Math.abs(x - cx) > width / 2) continue;
		const box = {
			x0: x - width / 2,
			y0: y - height * 0.8,
			x1: x + width / 2,
			y1: y + height * 0.3
		};
		const inside = box.x0 >= vx && box.y0 >= vy && box.x1 <= vx + vw && box.y1 <= vy + vh;
		if (
			inside &&
			!taken.some((b) => box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1)
		) {
			taken.push(box);
			return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
		}
	}
	return undefined;
}

/**
 * Rewrites a polygon path of absolute M/L/Z commands (d3-geo's output) with relative moves and
 * lines on a 0.1-unit grid: the same shape in about half the characters. Rounding happens on
 * absolute positions, so errors never accumulate along a long coastline.
 */
export function compactPath(d: string): string {
	let out = '';
	let last = '';
	let [px, py] = [0, 0];
	let [sx, sy] = [0, 0];
	const number = (n: number) => {
		const text = fmt(n);
		// A minus sign separates numbers by itself; anything else needs a space after a number.
		out += /[\d.]$/.test(out) && !text.startsWith('-') ? ` ${text}` : text;
	};
	for (const [, command, args = ''] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
		if (command === 'Z') {
			out += 'z';
			last = 'z';
			[px, py] = [sx, sy];
			continue;
		}
		const nums = args.split(',').map(Number);
		for (let i = 0; i + 1 < nums.length; i += 2) {
			const [x, y] = [Math.round(nums[i]! * 10), Math.round(nums[i + 1]! * 10)];
			const move = command === 'M' && i === 0;
			if (!move && x === px && y === py) continue;
			const letter = move ? 'm' : 'l';
			if (letter !== last || move) out += letter;
			last = letter;
			number(x - px);
			number(y - py);
			[px, py] = [x, y];
			if (move) [sx, sy] = [x, y];
		}
	}
	return out;
}

/** Tenths of a unit as SVG number text: 12 → "1.2", -5 → "-.5". */
function fmt(tenths: number): string {
	return (tenths / 10).toString().replace(/^(-?)0\./, '$1.');
}
