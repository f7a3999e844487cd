#!/usr/bin/env node
// Measures the built story against the floor (bench/floor: a blank page built by the same
// toolchain with the same libraries), and with --check judges it against bench/budgets.json.
//
// On these shared 2-core machines one run tells nothing, so the timings are paired: each pair
// measures the story and the floor one after the other, the order drawn at random, each in a
// fresh browser context; a warm-up pair is left out. A figure is judged on the median of the
// pairs (the story's difference from the floor, its ratio to it, or the story's own value) with
// a 95% bootstrap interval: pass when the whole interval is within the budget, fail when it is
// all beyond, otherwise more pairs, up to --max-pairs, and then "inconclusive", which is no pass.
//
// A pair: the load at 1x CPU, traced (the page's renderer main thread, from the navigation to the
// load event + 2 s), then 6,000 px of wheel scrolling at 1x, traced; a scroll at 4x CPU, its
// frames counted; Lighthouse's mobile preset. Bytes are counted from the built files once (they
// do not vary). Every run is printed, and bench-results/bench.json keeps them.
// Usage: npm run bench [-- --check] [-- --no-build] [-- --pairs 10] [-- --max-pairs 30]
//   [-- --reports 1]   (--no-build: use build/ as it is; the floor is built when it is missing;
//   --reports: runs of the partner page's scroll and the presenter, printed, not judged)
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { lighthouseRun } from './lighthouse-run.js';
import { waitFor } from './wait-for.js';
import { args, executablePath } from './chromium.js';
import { navigationOf, taskFigures, tasksOf, TRACE_CATEGORIES } from './main-thread.js';
import { median, medianInterval, seeded, verdict } from './paired-stats.js';

/** The story's map is drawn and its engine attached: the page is ready to be scrolled. */
const STORY_READY = '[data-graphic] svg[data-enhanced]';
const PHONE = {
	viewport: { width: 360, height: 640 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 2
};
/** The scroll measured: 40 turns of the wheel, 150 px each, as a reader flicks through. */
const SCROLL = { turns: 40, px: 150, everyMs: 50 };

const { values } = parseArgs({
	options: {
		check: { type: 'boolean', default: false },
		'no-build': { type: 'boolean', default: false },
		pairs: { type: 'string', default: '10' },
		'max-pairs': { type: 'string', default: '30' },
		reports: { type: 'string', default: '1' },
		port: { type: 'string', default: '4180' },
		seed: { type: 'string', default: '1' }
	}
});
const seed = Number(values.seed);
const ROUTES = ['./', './embed/', './present/'];
const base = `http://localhost:${values.port}/`;
// The embed's host page: another origin, as a partner's article would be.
const embedBase = `http://127.0.0.1:${Number(values.port) + 1}/`;
const hostUrl = `http://localhost:${Number(values.port) + 2}/`;
const floorUrl = `http://localhost:${Number(values.port) + 3}/`;
const FLOOR = 'bench/floor';
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));

if (!values['no-build']) {
	const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!values['no-build'] || !existsSync(`${FLOOR}/build/index.html`)) {
	// The floor is built from its own folder with the story's svelte.config.js and node_modules.
	const floor = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		cwd: FLOOR,
		stdio: 'inherit'
	});
	if (floor.status !== 0) process.exit(floor.status ?? 1);
}
const servers = [
	spawn('node', ['scripts/serve.js', '--port', values.port], { stdio: 'ignore' }),
	spawn(
		'node',
		['scripts/serve.js', '--port', String(Number(values.port) + 1), '--host', '127.0.0.1'],
		{ stdio: 'ignore' }
	),
	spawn(
		'node',
		['scripts/embed-host.js', '--port', String(Number(values.port) + 2), '--embed', embedBase],
		{ stdio: 'ignore' }
	),
	spawn(
		'node',
		['scripts/serve.js', '--port', String(Number(values.port) + 3), '--dir', `${FLOOR}/build`],
		{ stdio: 'ignore' }
	)
];
process.on('exit', () => servers.forEach((s) => s.kill()));
await Promise.all([waitFor(base), waitFor(embedBase), waitFor(hostUrl), waitFor(floorUrl)]);

const browser = await chromium.launch({ executablePath, args });

const loader = readFileSync('build/embed.js');
const bytes = {
	routes: /** @type {Record<string, any>} */ ({}),
	floor: await routeBytes(floorUrl, `${FLOOR}/build`, './'),
	loader: {
		raw: loader.length,
		gzip: gzipSync(loader, { level: 9 }).length,
		brotli: brotliCompressSync(loader).length
	}
};
for (const route of ROUTES) bytes.routes[route] = await routeBytes(base, 'build', route);
printBytes(bytes);

/** The figures judged, each from a pair's two runs; budgets.paired says the bound and why. */
const FIGURES = {
	longestTaskMs: {
		label: 'longest task during load, ms, story − floor',
		of: (/** @type {any} */ p) => p.story.load.longestMs - p.floor.load.longestMs
	},
	loadWorkRatio: {
		label: 'main-thread work during load, story ÷ floor',
		of: (/** @type {any} */ p) => p.story.load.workMs / p.floor.load.workMs
	},
	scrollBusy: {
		label: 'main thread busy while scrolling at 1x, story',
		of: (/** @type {any} */ p) => p.story.scrollBusy
	},
	scrollFps: {
		label: 'frames a second while scrolling at 4x, story',
		of: (/** @type {any} */ p) => p.story.frames.fps
	},
	scrollLongFrames: {
		label: 'frames over 50 ms while scrolling at 4x, story',
		of: (/** @type {any} */ p) => p.story.frames.over50
	},
	lcpMs: {
		label: 'Lighthouse LCP, ms, story',
		of: (/** @type {any} */ p) => p.story.lighthouse.lcpMs
	},
	lcpRatio: {
		label: 'Lighthouse LCP, story ÷ floor',
		of: (/** @type {any} */ p) => p.story.lighthouse.lcpMs / p.floor.lighthouse.lcpMs
	},
	cls: {
		label: 'Lighthouse CLS, story',
		of: (/** @type {any} */ p) => p.story.lighthouse.cls
	}
};
/** @type {any[]} */
const pairs = [];
const random = seeded(seed);
const judged = () =>
	Object.fromEntries(
		Object.entries(FIGURES).map(([key, { of }]) => {
			const interval = medianInterval(pairs.map(of), { seed });
			return [key, { ...interval, verdict: verdict(interval, budgets.paired[key]) }];
		})
	);
const settled = () =>
	pairs.length >= Number(values['max-pairs']) ||
	(pairs.length >= Number(values.pairs) &&
		Object.values(judged()).every((j) => j.verdict !== 'inconclusive'));

console.log('\nPairs (story | floor; warm-up left out)');
for (let i = 0; !settled(); i++) {
	const order = random() < 0.5 ? ['story', 'floor'] : ['floor', 'story'];
	/** @type {any} */
	const pair = { order };
	for (const page of order) {
		const url = page === 'story' ? base : floorUrl;
		const ready = page === 'story' ? STORY_READY : 'main';
		pair[page] = {
			...(await tracedRun(url, ready)),
			frames: await framesRun(url, ready),
			lighthouse: await lighthouseRun(url)
		};
	}
	printPair(i === 0 ? 'warm-up' : `pair ${i}`, pair);
	if (i > 0) pairs.push(pair);
}

const reports = { embedScroll: /** @type {any[]} */ ([]), presentSteps: /** @type {any[]} */ ([]) };
for (let i = 0; i < Number(values.reports); i++) {
	reports.embedScroll.push(await framesRun(hostUrl, STORY_READY, { embedded: true }));
	reports.presentSteps.push(await presentRun(`${base}present/`));
}
await browser.close();

const verdicts = judged();
printVerdicts(verdicts);
printReports(reports);
const over = [...overByteBudget(bytes), ...overLighthouseScores(pairs)];
for (const [key, j] of Object.entries(verdicts)) {
	if (j.verdict !== 'pass') over.push(`${FIGURES[key].label}: ${j.verdict}`);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
	join('bench-results', 'bench.json'),
	JSON.stringify({ date: new Date().toISOString(), bytes, pairs, verdicts, reports }, null, '\t')
);
console.log('\nWritten: bench-results/bench.json');
for (const line of over) console.log(`NOT WITHIN BUDGET: ${line}`);
process.exit(values.check && over.length > 0 ? 1 : 0);

/**
 * A fresh phone context at 1x, traced: the main thread's tasks from the navigation to the load
 * event + 2 s, then its share of the time spent busy while the wheel scrolls 6,000 px.
 * @param {string} url
 * @param {string} ready
 */
async function tracedRun(url, ready) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await browser.startTracing(page, { categories: TRACE_CATEGORIES });
	await page.goto(url, { waitUntil: 'load' });
	await page.locator(ready).first().waitFor({ state: 'attached' });
	const loadEnd = await page.evaluate(async () => {
		const [nav] = /** @type {PerformanceNavigationTiming[]} */ (
			performance.getEntriesByType('navigation')
		);
		const end = nav?.loadEventEnd ?? 0;
		await new Promise((r) => setTimeout(r, Math.max(0, end + 2000 - performance.now())));
		return end;
	});
	const scroll = await wheelScroll(page);
	const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
	await context.close();
	const events = trace.traceEvents ?? trace;
	const thread = navigationOf(events, url);
	const load = taskFigures(tasksOf(events, thread, 0, loadEnd + 2000));
	const scrolling = taskFigures(tasksOf(events, thread, scroll.start, scroll.end));
	return { load, scrollBusy: scrolling.workMs / (scroll.end - scroll.start) };
}

/**
 * A fresh phone context with the CPU slowed four times (a cheap phone), the same scroll: the
 * frames the page drew a second (counted by requestAnimationFrame, in every frame of the page)
 * and its long animation frames over 50 ms.
 * @param {string} url
 * @param {string} ready
 * @param {{ embedded?: boolean }} [options]
 */
async function framesRun(url, ready, { embedded = false } = {}) {
	const { context, page } = await slowPage(PHONE);
	await page.goto(url, { waitUntil: 'load' });
	const story = embedded ? page.frameLocator('iframe') : page;
	if (embedded) await page.locator('iframe').scrollIntoViewIfNeeded();
	await story.locator(ready).first().waitFor({ state: 'attached' });
	if (embedded) await page.evaluate(() => scrollTo(0, 0));
	await page.waitForTimeout(2000);
	for (const frame of page.frames())
		await frame.evaluate(() => ((window.bench ?? {}).counting = true));
	const scroll = await wheelScroll(page);
	let counted = 0;
	let over50 = 0;
	for (const frame of page.frames()) {
		const bench = await frame.evaluate(() => window.bench);
		// The top document's frames are the page's; a frame's long frames count wherever they are.
		if (frame === page.mainFrame()) counted = bench?.frames ?? 0;
		over50 += bench?.over50 ?? 0;
	}
	await context.close();
	return { fps: (counted * 1000) / (scroll.end - scroll.start), over50 };
}

/**
 * A fresh context with the CPU slowed four times, its every document counting, once
 * `bench.counting` is set, the frames drawn (requestAnimationFrame) and the long animation
 * frames over 50 ms.
 * @param {import('@playwright/test').BrowserContextOptions} options
 */
async function slowPage(options) {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await page.addInitScript(() => {
		const w = /** @type {any} */ (window);
		w.bench = { frames: 0, over50: 0, counting: false };
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) if (w.bench.counting && e.duration > 50) w.bench.over50++;
		}).observe({ type: 'long-animation-frame' });
		const tick = () => {
			if (w.bench.counting) w.bench.frames++;
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
	return { context, page };
}

/**
 * 6,000 px of wheel over the middle of the phone's screen; the time it took on the page's clock
 * (ms from its navigation), with half a second after the last turn for the page to settle.
 * @param {import('@playwright/test').Page} page
 */
async function wheelScroll(page) {
	await page.mouse.move(180, 400);
	const start = await page.evaluate(() => performance.now());
	for (let i = 0; i < SCROLL.turns; i++) {
		await page.mouse.wheel(0, SCROLL.px);
		await page.waitForTimeout(SCROLL.everyMs);
	}
	await page.waitForTimeout(500);
	const end = await page.evaluate(() => performance.now());
	return { start, end };
}

/** A speaker's pass through the deck at 1024x768 on a slow laptop: → on every slide. */
async function presentRun(/** @type {string} */ url) {
	const { context, page } = await slowPage({ viewport: { width: 1024, height: 768 } });
	await page.goto(url, { waitUntil: 'load' });
	const deck = page.locator('[data-slides]');
	await deck.waitFor({ state: 'attached' });
	await page.waitForTimeout(2000);
	await page.evaluate(() => (window.bench.counting = true));
	const slides = Number(await deck.getAttribute('data-slides'));
	for (let i = 1; i < slides; i++) {
		await page.keyboard.press('ArrowRight');
		// Long enough for a slide's map to move and its routes to draw.
		await page.waitForTimeout(1600);
	}
	const over50 = await page.evaluate(() => window.bench.over50);
	await context.close();
	return { over50 };
}

/**
 * What the first load of a route requests (until the network is idle), by kind, raw / gzip /
 * brotli, read from the built files.
 * @param {string} origin
 * @param {string} dir
 * @param {string} route
 */
async function routeBytes(origin, dir, route) {
	const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
	/** @type {string[]} */
	const requested = [];
	page.on('requestfinished', (r) => requested.push(new URL(r.url()).pathname));
	await page.goto(origin + route.replace('./', ''), { waitUntil: 'networkidle' });
	await page.close();
	const html = readFileSync(join(dir, route.replace('./', ''), 'index.html'), 'utf8');
	/** @type {Record<string, { files: number, raw: number, gzip: number, brotli: number }>} */
	const kinds = {};
	for (const path of requested) {
		const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
		if (!existsSync(file)) continue;
		const body = readFileSync(file);
		const name = path.split('/').pop() ?? '';
		// JS the HTML names is what the page needs to hydrate; the rest comes after: scrollama as the
		// engine starts, gsap when the browser is idle.
		const js = html.includes(name) ? 'js' : 'js-later';
		const kind =
			path.endsWith('/') || path.endsWith('.html')
				? 'html'
				: path.endsWith('.css')
					? 'css'
					: path.endsWith('.js')
						? js
						: path.endsWith('.woff2')
							? 'font'
							: 'other';
		const k = (kinds[kind] ??= { files: 0, raw: 0, gzip: 0, brotli: 0 });
		k.files += 1;
		k.raw += body.length;
		k.gzip += gzipSync(body, { level: 9 }).length;
		k.brotli += brotliCompressSync(body).length;
	}
	return { requests: requested.length, kinds };
}

/** Bytes are exact: each against its budget. @param {typeof bytes} b */
function overByteBudget({ routes, loader }) {
	const over = [];
	const b = budgets.bytes;
	for (const [route, max] of Object.entries(b.firstLoadJs.routes)) {
		const js = routes[route]?.kinds.js?.gzip ?? 0;
		if (js > max) over.push(`first-load JS of ${route} ${js} B > ${max} B`);
	}
	const html = routes['./'].kinds.html?.gzip ?? 0;
	if (html > b.html.max) over.push(`HTML ${html} B > ${b.html.max} B`);
	const fonts = routes['./'].kinds.font?.raw ?? 0;
	if (fonts > b.fonts.max) over.push(`fonts ${fonts} B > ${b.fonts.max} B`);
	if (loader.gzip > b.embedJs.max) over.push(`embed.js ${loader.gzip} B > ${b.embedJs.max} B`);
	return over;
}

/** Lighthouse's audits of the page that do not depend on timing: the median of the runs. */
function overLighthouseScores(/** @type {any[]} */ all) {
	const over = [];
	for (const [key, budgetKey] of [
		['accessibility', 'accessibility'],
		['bestPractices', 'best-practices'],
		['seo', 'seo']
	]) {
		const value = median(all.map((p) => p.story.lighthouse[key]));
		const min = budgets.lighthouse[budgetKey];
		if (value < min) over.push(`Lighthouse ${budgetKey} ${value} < ${min}`);
	}
	return over;
}

/** @param {typeof bytes} b */
function printBytes({ routes, floor, loader }) {
	const kb = (/** @type {number} */ n) => (n / 1024).toFixed(1);
	console.log('\nBytes per route (first load until the network is idle, from the built files), KB');
	console.log('route       kind      files      raw     gzip   brotli   gzip x floor');
	for (const [route, { kinds }] of [...Object.entries(routes), ['floor', floor]]) {
		for (const [kind, k] of Object.entries(kinds)) {
			const floorGzip = floor.kinds[kind]?.gzip ?? 0;
			const ratio = route === 'floor' || !floorGzip ? '' : `${(k.gzip / floorGzip).toFixed(2)}x`;
			console.log(
				`${route.padEnd(11)} ${kind.padEnd(8)} ${String(k.files).padStart(5)} ${kb(k.raw).padStart(8)} ${kb(k.gzip).padStart(8)} ${kb(k.brotli).padStart(8)}   ${ratio}`
			);
		}
	}
	console.log(
		`embed.js    js           1 ${kb(loader.raw).padStart(8)} ${kb(loader.gzip).padStart(8)} ${kb(loader.brotli).padStart(8)}`
	);
	console.log(
		'(js: named by the HTML, needed to hydrate; js-later: scrollama as the engine starts, the map timeline and gsap when idle; fonts are woff2, compressed already)'
	);
}

/** One line per page of a pair, every figure measured. */
function printPair(/** @type {string} */ label, /** @type {any} */ pair) {
	for (const page of ['story', 'floor']) {
		const { load, scrollBusy, frames, lighthouse: lh } = pair[page];
		console.log(
			[
				`${(page === 'story' ? label : '').padEnd(8)} ${page.padEnd(5)}${pair.order[0] === page ? '*' : ' '}`,
				`load work ${load.workMs.toFixed(0).padStart(4)} ms`,
				`longest ${load.longestMs.toFixed(1).padStart(5)}`,
				`over 12.5 ${load.overMs.toFixed(0).padStart(4)}`,
				`| scroll 1x busy ${(scrollBusy * 100).toFixed(1).padStart(4)} %`,
				`| 4x ${frames.fps.toFixed(1).padStart(4)} fps, ${frames.over50} over 50 ms`,
				`| LH perf ${lh.performance} LCP ${lh.lcpMs} TBT ${lh.tbtMs} CLS ${lh.cls.toFixed(3)}`
			].join('  ')
		);
	}
}

function printVerdicts(/** @type {Record<string, any>} */ verdicts) {
	console.log(
		`\nJudged on ${pairs.length} pairs: median, 95% bootstrap interval, budget (bench/budgets.json)`
	);
	for (const [key, { median: m, low, high, verdict: v }] of Object.entries(verdicts)) {
		const budget = budgets.paired[key];
		const bound = 'atMost' in budget ? `≤ ${budget.atMost}` : `≥ ${budget.atLeast}`;
		const f = (/** @type {number} */ x) => (Math.abs(x) < 10 ? x.toFixed(3) : x.toFixed(1));
		console.log(
			`${FIGURES[key].label.padEnd(50)} ${f(m).padStart(7)} [${f(low)}, ${f(high)}]  ${bound.padEnd(7)} ${v}`
		);
	}
	const floorMedian = (/** @type {(p: any) => number} */ of) => median(pairs.map(of)).toFixed(1);
	console.log(
		`(the floor's medians: load work ${floorMedian((p) => p.floor.load.workMs)} ms, longest task ${floorMedian((p) => p.floor.load.longestMs)} ms, busy while scrolling ${floorMedian((p) => p.floor.scrollBusy * 100)} %, ${floorMedian((p) => p.floor.frames.fps)} fps at 4x)`
	);
}

function printReports(/** @type {typeof reports} */ { embedScroll, presentSteps }) {
	if (embedScroll.length === 0) return;
	console.log('\nReported, not judged (4x CPU): every run');
	console.log(
		`partner page scrolling the embedded story: ${embedScroll.map((r) => `${r.fps.toFixed(1)} fps, ${r.over50} over 50 ms`).join('; ')}`
	);
	console.log(
		`presenter at 1024x768, → on every slide: ${presentSteps.map((r) => `${r.over50} frames over 50 ms`).join('; ')}`
	);
}
