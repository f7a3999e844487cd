import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { REPORT_DIR } from './report';

/** A screenshot, decoded. */
export interface Picture {
	png: Buffer;
	width: number;
	height: number;
	data: Buffer;
}

export function decode(png: Buffer): Picture {
	const { width, height, data } = PNG.sync.read(png);
	return { png, width, height, data };
}

/**
 * Differing pixels at most this many together are specks, not a difference a reader sees: map
 * labels drawn after a zoomed move come out with 1–4 px specks at glyph edges (measured: the same
 * DOM, styles and transforms; no Chromium raster flag removes them), while the smallest real
 * difference measured, the old half-drawn route on Anna's slide at 1024x768, is a patch of 31 px
 * (Oleg's at 1920x1080: 165).
 */
export const SPECK = 8;

type Clip = { x: number; y: number; width: number; height: number };

/** `clip` of a picture's pixels (whole pixels, within it), without its PNG. */
function cropPixels(p: Picture, { x, y, width, height }: Clip): Picture {
	const data = Buffer.alloc(width * height * 4);
	for (let row = 0; row < height; row++)
		p.data.copy(
			data,
			row * width * 4,
			((y + row) * p.width + x) * 4,
			((y + row) * p.width + x + width) * 4
		);
	return { png: Buffer.alloc(0), width, height, data };
}

/** `clip` of a picture (whole pixels, within it). */
export function crop(p: Picture, clip: Clip): Picture {
	const pixels = cropPixels(p, clip);
	const png = new PNG({ width: clip.width, height: clip.height });
	pixels.data.copy(png.data);
	return { ...pixels, png: PNG.sync.write(png) };
}

/**
 * How two pictures differ: pixels that pixelmatch counts (anti-aliased edges not counted) and the
 * largest 8-connected patch of them; every pixel when their sizes differ.
 *
 * `shift` (px) forgives what is drawn up to that many pixels off: a differing pixel whose colour
 * lies, in each picture, within the span of the other picture's colours around it (the pixels
 * within `shift`, per channel) does not count. For engines that scroll to fractions of a pixel
 * (Firefox keeps offsets in 1/60 px): a walk's page and its deep link's can rest 0.1–0.4 px apart
 * with no position both reach, and each text line, label and outline is then drawn a fraction of
 * a pixel off, its edges blended anew, thousands of pixels in all; a colour blended between
 * neighbours stays within their span. What a reader would call another picture (another state, a
 * route half drawn, a label missing) puts colours where the other picture has none nearby, and
 * still counts.
 */
export function difference(
	a: Picture,
	b: Picture,
	shift = 0
): { pixels: number; patch: number; diff?: Buffer } {
	if (a.width !== b.width || a.height !== b.height) {
		const all = Math.max(a.width * a.height, b.width * b.height);
		return { pixels: all, patch: all };
	}
	const out = new PNG({ width: a.width, height: a.height });
	let pixels = pixelmatch(a.data, b.data, out.data, a.width, a.height, {
		threshold: 0.1,
		diffColor: [255, 0, 0]
	});
	if (shift > 0 && pixels > 0) pixels -= forgiveShifts(a, b, out.data, shift);
	if (pixels === 0) return { pixels, patch: 0 };
	return { pixels, patch: largestPatch(out.data, a.width, a.height), diff: PNG.sync.write(out) };
}

/** Channels this far (of 255) outside the span still count as within: rounding in blending. */
const SLACK = 12;

/** Unmarks the marked pixels that a shift of at most `shift` px explains (see difference); answers how many. */
function forgiveShifts(a: Picture, b: Picture, marks: Buffer, shift: number): number {
	const { width, height } = a;
	/** Whether `p`'s colour at (x, y) lies within the span of `q`'s colours within `shift` px of it. */
	const within = (p: Picture, q: Picture, x: number, y: number) => {
		const i = (y * width + x) * 4;
		for (let c = 0; c < 3; c++) {
			let [low, high] = [255, 0];
			for (let dy = -shift; dy <= shift; dy++)
				for (let dx = -shift; dx <= shift; dx++) {
					const [nx, ny] = [x + dx, y + dy];
					if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
					const v = q.data[(ny * width + nx) * 4 + c]!;
					if (v < low) low = v;
					if (v > high) high = v;
				}
			const v = p.data[i + c]!;
			if (v < low - SLACK || v > high + SLACK) return false;
		}
		return true;
	};
	// At the picture's edge, what blends in lies outside it: the outer `shift` pixels are forgiven.
	const edge = (x: number, y: number) =>
		x < shift || y < shift || x >= width - shift || y >= height - shift;
	let forgiven = 0;
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * 4;
			if (marks[i] !== 255 || marks[i + 1] !== 0 || marks[i + 2] !== 0) continue;
			if (edge(x, y) || (within(a, b, x, y) && within(b, a, x, y))) {
				marks[i + 1] = marks[i + 2] = 255;
				forgiven++;
			}
		}
	return forgiven;
}

/** The largest 8-connected patch of pure red pixels (pixelmatch's mark for a difference). */
function largestPatch(data: Buffer, width: number, height: number): number {
	const marked = (i: number) =>
		data[i * 4] === 255 && data[i * 4 + 1] === 0 && data[i * 4 + 2] === 0;
	const seen = new Uint8Array(width * height);
	let largest = 0;
	for (let i = 0; i < width * height; i++) {
		if (seen[i] || !marked(i)) continue;
		let size = 0;
		const stack = [i];
		seen[i] = 1;
		while (stack.length > 0) {
			const j = stack.pop()!;
			size++;
			const [x, y] = [j % width, Math.floor(j / width)];
			for (let dy = -1; dy <= 1; dy++)
				for (let dx = -1; dx <= 1; dx++) {
					const [nx, ny] = [x + dx, y + dy];
					const k = ny * width + nx;
					if (nx >= 0 && ny >= 0 && nx < width && ny < height && !seen[k] && marked(k)) {
						seen[k] = 1;
						stack.push(k);
					}
				}
		}
		largest = Math.max(largest, size);
	}
	return largest;
}

/** Whether every pixel is black: a blanked presenter. */
export function allBlack(p: Picture): boolean {
	for (let i = 0; i < p.data.length; i += 4)
		if (p.data[i]! > 2 || p.data[i + 1]! > 2 || p.data[i + 2]! > 2) return false;
	return true;
}

/**
 * In the page: whether it says its motion is still running, an element marked
 * `data-motion="running"` (the map's timeline, a counter counting) or a font load unfinished.
 */
export function motionBusy(): boolean {
	return (
		document.fonts.status !== 'loaded' || document.querySelector('[data-motion="running"]') !== null
	);
}

/** Whether the page and its frames say their motion is done (motionBusy). */
export async function motionIdle(frames: (Page | Frame)[]): Promise<boolean> {
	for (const f of frames) if (await f.evaluate(motionBusy)) return false;
	return true;
}

const SETTLE_GAP = 250;
// Generous: on a loaded 2-core machine a move and a scroll-end can take seconds.
export const SETTLE_LIMIT = 20_000;

/** Once the page's (or a frame's own) scroll has come to rest. */
export const scrollRest = (page: Page | Frame) => page.evaluate(scrollStill, SETTLE_LIMIT);

/** In the page: resolves once its scroll position has not moved for 150 ms (or after `limit`). */
export function scrollStill(limit: number): Promise<void> {
	return new Promise((resolve) => {
		const end = performance.now() + limit;
		let at = `${scrollX} ${scrollY}`;
		let since = performance.now();
		const look = (now: number) => {
			const here = `${scrollX} ${scrollY}`;
			if (here !== at) [at, since] = [here, now];
			if (now - since >= 150 || now > end) resolve();
			else requestAnimationFrame(look);
		};
		requestAnimationFrame(look);
	});
}

/**
 * How far the page must scroll to bring a box (viewport pixels) wholly into view the least a
 * reader would: whole pixels past the edge, so a sticky graphic then rests at exactly 0. Zero when
 * it is in view (half a pixel forgiven).
 */
export function overhang(box: { y: number; height: number }, viewport: number): number {
	if (box.y < -0.5) return Math.floor(box.y);
	if (box.y + box.height > viewport + 0.5) return Math.ceil(box.y + box.height - viewport);
	return 0;
}

/**
 * In the page: puts its scroll on a whole pixel. Firefox rests a fraction off, and a walk's page
 * and its deep link's must rest alike.
 */
export function wholePixelScroll(): void {
	const whole = Math.round(scrollY);
	if (Math.abs(scrollY - whole) > 0.01) window.scrollTo({ top: whole, behavior: 'instant' });
}

/** How a settled picture is taken, whatever drives the browser. */
export interface Look {
	/** The picture, as a PNG. */
	shoot(): Promise<Buffer>;
	/** Whether no motion runs (motionBusy false in the page and its frames). */
	idle(): Promise<boolean>;
	/** Once the page's scroll has come to rest. */
	rest(): Promise<unknown>;
	/** Brings what is pictured into view, answering false when it had to scroll. */
	inView?(): Promise<boolean>;
}

/**
 * Takes pictures until the page is settled: its motion idle and two pictures SETTLE_GAP ms apart
 * identical. Never a fixed sleep alone: a half-drawn route that has stopped moving still passes
 * here, and is caught by the comparison that follows. Throws when nothing settles within
 * SETTLE_LIMIT ms (an animation that never ends is a bug too).
 */
export async function settle(look: Look): Promise<Picture> {
	const start = Date.now();
	let last: Buffer | undefined;
	// What kept it from settling, for the message: a motion still running, the graphic out of view, or pictures still changing.
	const waits = { moving: 0, scrolled: 0, changing: 0 };
	const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
	// A page still scrolling (a smooth jump, a wheel's glide) first comes to rest where the reader
	// left it: scrolling the graphic into view now would cut that scroll short.
	await look.rest();
	while (Date.now() - start < SETTLE_LIMIT) {
		// First into view: a frame out of view is not rendered, and its motion waits for it.
		if (look.inView && !(await look.inView())) {
			waits.scrolled++;
			last = undefined;
			await wait(50);
			continue;
		}
		if (!(await look.idle())) {
			waits.moving++;
			last = undefined;
			await wait(50);
			continue;
		}
		const shot = await look.shoot();
		if (last?.equals(shot)) return decode(shot);
		waits.changing++;
		last = shot;
		await wait(SETTLE_GAP);
	}
	throw new Error(
		`the picture never settled within ${SETTLE_LIMIT} ms (${Object.entries(waits)
			.map(([k, n]) => `${k} ${n}x`)
			.join(', ')})`
	);
}

/** settle() for a Playwright page and its frames. */
export const settled = (
	shoot: () => Promise<Buffer>,
	frames: (Page | Frame)[],
	page: Page,
	inView?: () => Promise<boolean>
) => settle({ shoot, idle: () => motionIdle(frames), rest: () => scrollRest(page), inView });

/** Keeps a wrong run's pictures for a person to look at: paths-results/failures/<name>-{seen,expected,diff}.png. */
export function keep(name: string, seen: Picture, expected: Picture, diff?: Buffer): string {
	const dir = join(REPORT_DIR, 'failures');
	mkdirSync(dir, { recursive: true });
	const base = join(dir, name.replace(/[^a-z0-9#]+/gi, '-'));
	writeFileSync(`${base}-seen.png`, seen.png);
	writeFileSync(`${base}-expected.png`, expected.png);
	if (diff) writeFileSync(`${base}-diff.png`, diff);
	return `${base}-*.png`;
}
