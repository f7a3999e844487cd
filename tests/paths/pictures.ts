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

/**
 * How two pictures differ: pixels that pixelmatch counts (anti-aliased edges not counted) and the
 * largest 8-connected patch of them; every pixel when their sizes differ.
 */
export function difference(
	a: Picture,
	b: Picture
): { pixels: number; patch: number; diff?: Buffer } {
	if (a.width !== b.width || a.height !== b.height) {
		const all = Math.max(a.width * a.height, b.width * b.height);
		return { pixels: all, patch: all };
	}
	const out = new PNG({ width: a.width, height: a.height });
	const pixels = pixelmatch(a.data, b.data, out.data, a.width, a.height, {
		threshold: 0.1,
		diffColor: [255, 0, 0]
	});
	if (pixels === 0) return { pixels, patch: 0 };
	return { pixels, patch: largestPatch(out.data, a.width, a.height), diff: PNG.sync.write(out) };
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
 * Whether the page says its motion is done: no element marked `data-motion="running"` (the map's
 * timeline, a counter counting) in the given frames, and a font load finished.
 */
export async function motionIdle(frames: (Page | Frame)[]): Promise<boolean> {
	for (const f of frames) {
		const busy = await f.evaluate(
			() =>
				document.fonts.status !== 'loaded' ||
				document.querySelector('[data-motion="running"]') !== null
		);
		if (busy) return false;
	}
	return true;
}

const SETTLE_GAP = 250;
// Generous: on a loaded 2-core machine a move and a scroll-end can take seconds.
const SETTLE_LIMIT = 20_000;

/**
 * Takes pictures until the page is settled: its motion idle and two pictures SETTLE_GAP ms apart
 * identical. Never a fixed sleep alone: a half-drawn route that has stopped moving still passes
 * here, and is caught by the comparison that follows. `inView` brings what is pictured into
 * view, answering false when it had to scroll. Throws when nothing settles within SETTLE_LIMIT ms (an animation that
 * never ends is a bug too).
 */
/** Once the page's (or a frame's own) scroll has come to rest. */
export const scrollRest = (page: Page | Frame) => page.evaluate(scrollStill, SETTLE_LIMIT);

/** Resolves once the page's scroll position has not moved for 150 ms (or after `limit`). */
function scrollStill(limit: number): Promise<void> {
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

export async function settled(
	shoot: () => Promise<Buffer>,
	frames: (Page | Frame)[],
	page: Page,
	inView: () => Promise<boolean> = async () => true
): Promise<Picture> {
	const start = Date.now();
	let last: Buffer | undefined;
	// What kept it from settling, for the message: a motion still running, the graphic out of view, or pictures still changing.
	const waits = { moving: 0, scrolled: 0, changing: 0 };
	// A page still scrolling (a smooth jump, a wheel's glide) first comes to rest where the reader
	// left it: scrolling the graphic into view now would cut that scroll short.
	await scrollRest(page);
	while (Date.now() - start < SETTLE_LIMIT) {
		// First into view: a frame out of view is not rendered, and its motion waits for it.
		if (!(await inView())) {
			waits.scrolled++;
			last = undefined;
			await page.waitForTimeout(50);
			continue;
		}
		if (!(await motionIdle(frames))) {
			waits.moving++;
			last = undefined;
			await page.waitForTimeout(50);
			continue;
		}
		const shot = await shoot();
		if (last?.equals(shot)) return decode(shot);
		waits.changing++;
		last = shot;
		await page.waitForTimeout(SETTLE_GAP);
	}
	throw new Error(
		`the picture never settled within ${SETTLE_LIMIT} ms (${Object.entries(waits)
			.map(([k, n]) => `${k} ${n}x`)
			.join(', ')})`
	);
}

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
