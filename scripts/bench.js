#!/usr/bin/env node
// Measures the built story: bytes each route loads, Lighthouse, how a full scroll behaves on a
// throttled phone (the story and a partner page embedding it) and a pass through the presenter,
// each beside the same figure for the floor (bench/floor: a blank page built by the same toolchain
// with the same libraries) measured in the same runs. Prints every run and the median, and writes
// bench-results/bench.json. A script, not a test: timings on a shared machine are noisy, so only
// --check turns budgets into an exit code.
// Usage: npm run bench [-- --no-build] [-- --runs 3] [-- --check]   (--no-build: use build/ as it is;
// the floor is built when it is missing)
// BENCH_REDUCED=1 scrolls with reduced motion (cuts only); BENCH_VERBOSE=1 prints what each long
// frame and layout shift was spent on.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { args, executablePath } from './chromium.js';

/** The story's map is drawn and its engine attached: the page is ready to be scrolled. */
const STORY_READY = '[data-graphic] svg[data-enhanced]';

const { values } = parseArgs({
	options: {
		check: { type: 'boolean', default: false },
		'no-build': { type: 'boolean', default: false },
		runs: { type: 'string', default: '3' },
		port: { type: 'string', default: '4180' }
	}
});
const ROUTES = ['./', './embed/', './present/'];
const base = `http://localhost:${values.port}/`;
// The embed's host page: another origin, as a partner's article would be.
const embedBase = `http://127.0.0.1:${Number(values.port) + 1}/`;
const hostUrl = `http://localhost:${Number(values.port) + 2}/`;
const floorUrl = `http://localhost:${Number(values.port) + 3}/`;
const FLOOR = 'bench/floor';

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

const browser = await chromium.launch({
	executablePath,
	args
});

const loader = readFileSync('build/embed.js');
const results = {
	date: new Date().toISOString(),
	routes: {},
	loader: {
		raw: loader.length,
		gzip: gzipSync(loader, { level: 9 }).length,
		brotli: brotliCompressSync(loader).length
	},
	scroll: [],
	embedScroll: [],
	presentSteps: [],
	lighthouse: [],
	floor: { bytes: {}, scroll: [], lighthouse: [] }
};
for (const route of ROUTES) results.routes[route] = await routeBytes(base, 'build', route);
results.floor.bytes = await routeBytes(floorUrl, `${FLOOR}/build`, './');
for (let i = 0; i < Number(values.runs); i++) {
	results.scroll.push(await scrollRun(base, { ready: STORY_READY }));
	results.embedScroll.push(await scrollRun(hostUrl, { ready: STORY_READY, embedded: true }));
	results.floor.scroll.push(await scrollRun(floorUrl, { ready: 'main' }));
	results.presentSteps.push(await presentRun(`${base}present/`));
	results.lighthouse.push(await lighthouseRun(base));
	results.floor.lighthouse.push(await lighthouseRun(floorUrl));
}
await browser.close();

printTable(results);
mkdirSync('bench-results', { recursive: true });
writeFileSync(join('bench-results', 'bench.json'), JSON.stringify(results, null, 2));
console.log('\nWritten: bench-results/bench.json');
const over = overBudget(results, JSON.parse(readFileSync('bench/budgets.json', 'utf8')));
for (const line of over) console.log(`OVER BUDGET: ${line}`);
process.exit(values.check && over.length > 0 ? 1 : 0);

/**
 * Each figure against bench/budgets.json: bytes exactly; timings by their median, and every run
 * within its everyRun bound where the budget gives one. An empty list means all within.
 */
function overBudget(
	{ routes, loader, scroll, embedScroll, presentSteps, lighthouse: lh, floor },
	budgets
) {
	const over = [];
	const { bytes } = budgets;
	for (const [route, max] of Object.entries(bytes.firstLoadJs.routes)) {
		const js = routes[route]?.kinds.js?.gzip ?? 0;
		if (js > max) over.push(`first-load JS of ${route} ${js} B > ${max} B`);
	}
	const html = routes['./'].kinds.html?.gzip ?? 0;
	if (html > bytes.html.max) over.push(`HTML ${html} B > ${bytes.html.max} B`);
	const fonts = routes['./'].kinds.font?.raw ?? 0;
	if (fonts > bytes.fonts.max) over.push(`fonts ${fonts} B > ${bytes.fonts.max} B`);
	if (loader.gzip > bytes.embedJs.max)
		over.push(`embed.js ${loader.gzip} B > ${bytes.embedJs.max} B`);

	const { loafOver50, heapMB } = budgets.scroll;
	for (const [name, runs] of [
		['scrolling the story', scroll],
		['scrolling the partner page', embedScroll],
		['stepping through the presenter', presentSteps]
	]) {
		const loaf = runs.map((r) => r.loafOver50);
		if (median(loaf) > loafOver50.median)
			over.push(`long frames ${name}: median ${median(loaf)} > ${loafOver50.median}`);
		if (Math.max(...loaf) > loafOver50.everyRun)
			over.push(`long frames ${name}: a run had ${Math.max(...loaf)} > ${loafOver50.everyRun}`);
	}
	const heap = median(scroll.map((s) => s.heapMB));
	if (heap > heapMB) over.push(`JS heap ${heap.toFixed(1)} MB > ${heapMB} MB`);
	const shift = Math.max(...scroll.map((s) => s.layoutShift));
	if (shift > budgets.lighthouse.cls) over.push(`layout shift while scrolling ${shift} > 0`);

	const b = budgets.lighthouse;
	const perf = lh.map((r) => r.performance);
	if (median(perf) < b.performance.median)
		over.push(`Lighthouse performance median ${median(perf)} < ${b.performance.median}`);
	if (Math.min(...perf) < b.performance.everyRun)
		over.push(
			`Lighthouse performance: a run scored ${Math.min(...perf)} < ${b.performance.everyRun}`
		);
	for (const [key, budgetKey] of [
		['accessibility', 'accessibility'],
		['bestPractices', 'best-practices'],
		['seo', 'seo']
	]) {
		const value = median(lh.map((r) => r[key]));
		if (value < b[budgetKey]) over.push(`Lighthouse ${budgetKey} ${value} < ${b[budgetKey]}`);
	}
	const lcp = median(lh.map((r) => r.lcpMs));
	const floorLcp = median(floor.lighthouse.map((r) => r.lcpMs));
	if (lcp > b.lcpMs.max) over.push(`LCP ${lcp} ms > ${b.lcpMs.max} ms`);
	if (lcp > floorLcp * b.lcpMs.floorRatio)
		over.push(`LCP ${lcp} ms > ${b.lcpMs.floorRatio}x the floor's ${floorLcp} ms`);
	const tbt = median(lh.map((r) => r.tbtMs));
	if (tbt > b.tbtMs) over.push(`TBT ${tbt} ms > ${b.tbtMs} ms`);
	const cls = median(lh.map((r) => r.cls));
	if (cls > b.cls) over.push(`CLS ${cls} > ${b.cls}`);
	return over;
}

function median(xs) {
	return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/**
 * Lighthouse's mobile preset (simulated slow 4G, 4x CPU) on its own Chromium: the four category
 * scores and LCP, TBT, CLS. Lighthouse 12 (13 needs Node 22).
 */
async function lighthouseRun(url) {
	const port = 9333; // DevTools for Lighthouse (not a fetch "bad port")
	const chrome = await chromium.launch({
		executablePath: process.env.CHROME_PATH || executablePath,
		args: [`--remote-debugging-port=${port}`, ...args]
	});
	try {
		const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
		const { categories, audits } = result.lhr;
		const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
		return {
			performance: score('performance'),
			accessibility: score('accessibility'),
			bestPractices: score('best-practices'),
			seo: score('seo'),
			lcpMs: Math.round(audits['largest-contentful-paint'].numericValue),
			tbtMs: Math.round(audits['total-blocking-time'].numericValue),
			cls: audits['cumulative-layout-shift'].numericValue
		};
	} finally {
		await chrome.close();
	}
}

/**
 * What the first load of a route requests (until the network is idle), by kind, raw / gzip /
 * brotli, read from the built files.
 */
async function routeBytes(origin, dir, route) {
	const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
	const requested = [];
	page.on('requestfinished', (r) => requested.push(new URL(r.url()).pathname));
	await page.goto(origin + route.replace('./', ''), { waitUntil: 'networkidle' });
	await page.close();
	const html = readFileSync(join(dir, route.replace('./', ''), 'index.html'), 'utf8');
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

/**
 * A page in a context with the CPU slowed four times, as on a cheap phone (or an old venue laptop),
 * watching long animation frames and layout shifts in every frame of it. `measure()` forgets what
 * loading cost; `collect()` gathers what happened since, across the page and its frames.
 */
async function measuredPage(url, context) {
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await page.addInitScript(() => {
		const w = /** @type {any} */ (window);
		w.bench = { loaf: [], shift: 0, blame: [], since: 0 };
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				// Entries arrive late on a throttled CPU: one from loading may come after the reset.
				if (e.duration <= 50 || e.startTime < w.bench.since) continue;
				w.bench.loaf.push(e.duration);
				const a = /** @type {any} */ (e);
				w.bench.blame.push({
					duration: Math.round(e.duration),
					render: Math.round(a.renderStart ? e.startTime + e.duration - a.renderStart : 0),
					style: Math.round(
						a.styleAndLayoutStart ? e.startTime + e.duration - a.styleAndLayoutStart : 0
					),
					scripts: a.scripts.map((s) => `${s.invoker} ${Math.round(s.duration)}ms`).join('; ')
				});
			}
		}).observe({ type: 'long-animation-frame', buffered: true });
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				const shift = /** @type {any} */ (e);
				if (shift.hadRecentInput) continue;
				w.bench.shift += shift.value;
				w.bench.blame.push({
					shift: shift.value.toFixed(4),
					at: Math.round(e.startTime),
					sources: shift.sources.map(
						(s) =>
							s.node?.nodeName +
							' ' +
							JSON.stringify([
								s.previousRect.y,
								s.currentRect.y,
								s.previousRect.height,
								s.currentRect.height
							])
					)
				});
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	return {
		page,
		async measure() {
			for (const frame of page.frames()) {
				await frame.evaluate(() => {
					const w = /** @type {any} */ (window);
					if (!w.bench) return;
					w.bench.loaf = [];
					w.bench.blame = [];
					w.bench.since = performance.now();
				});
			}
		},
		async collect() {
			const loaf = [];
			let shift = 0;
			for (const frame of page.frames()) {
				const bench = await frame.evaluate(() => /** @type {any} */ (window).bench ?? null);
				if (!bench) continue;
				loaf.push(...bench.loaf);
				shift += bench.shift;
				if (process.env.BENCH_VERBOSE) console.log(frame.url(), bench.blame);
			}
			const { usedSize } = await cdp.send('Runtime.getHeapUsage');
			return {
				loafOver50: loaf.length,
				loafMax: Math.round(Math.max(0, ...loaf)),
				layoutShift: shift,
				heapMB: usedSize / 2 ** 20
			};
		}
	};
}

/**
 * A reader's full scroll at 360x640 on a throttled phone: of the story itself, or of a partner's
 * page with the story embedded (frames counted in both documents).
 */
async function scrollRun(url, { ready, embedded = false }) {
	const context = await browser.newContext({
		viewport: { width: 360, height: 640 },
		isMobile: true,
		hasTouch: true,
		deviceScaleFactor: 2,
		reducedMotion: process.env.BENCH_REDUCED ? 'reduce' : 'no-preference'
	});
	const { page, measure, collect } = await measuredPage(url, context);
	const story = embedded ? page.frameLocator('iframe') : page;
	if (embedded) await page.locator('iframe').scrollIntoViewIfNeeded();
	await story.locator(ready).first().waitFor({ state: 'attached' });
	if (embedded) await page.evaluate(() => scrollTo(0, 0));
	// Only the scroll counts: forget what loading cost.
	await page.waitForTimeout(2000);
	await measure();
	await page.mouse.move(180, 400);
	for (let i = 0; i < 400; i++) {
		if (
			await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2)
		)
			break;
		await page.mouse.wheel(0, 160);
		await page.waitForTimeout(60);
	}
	await page.waitForTimeout(1500);
	const result = await collect();
	await context.close();
	return result;
}

/** A speaker's pass through the deck at 1024x768 on a slow laptop: → on every slide. */
async function presentRun(url) {
	const context = await browser.newContext({
		viewport: { width: 1024, height: 768 },
		reducedMotion: process.env.BENCH_REDUCED ? 'reduce' : 'no-preference'
	});
	const { page, measure, collect } = await measuredPage(url, context);
	const deck = page.locator('[data-slides]');
	await deck.waitFor({ state: 'attached' });
	await page.waitForTimeout(2000);
	await measure();
	const slides = Number(await deck.getAttribute('data-slides'));
	for (let i = 1; i < slides; i++) {
		await page.keyboard.press('ArrowRight');
		// Long enough for a slide's map to move and its routes to draw.
		await page.waitForTimeout(1600);
	}
	const result = await collect();
	await context.close();
	return result;
}

function printTable({ routes, loader, scroll, embedScroll, presentSteps, lighthouse: lh, floor }) {
	const kb = (n) => (n / 1024).toFixed(1);
	// "x floor": the figure divided by the floor's, measured in the same run ("-" where the floor has none).
	const times = (value, base) => (base > 0 ? `${(value / base).toFixed(2)}x` : '-');
	console.log('\nBytes per route (first load until the network is idle, from the built files), KB');
	console.log('route       kind      files      raw     gzip   brotli   gzip x floor');
	const rows = [...Object.entries(routes), ['floor', floor.bytes]];
	for (const [route, { kinds }] of rows) {
		for (const [kind, k] of Object.entries(kinds)) {
			const ratio = route === 'floor' ? '' : times(k.gzip, floor.bytes.kinds[kind]?.gzip ?? 0);
			console.log(
				`${route.padEnd(11)} ${kind.padEnd(8)} ${String(k.files).padStart(5)} ${kb(k.raw).padStart(8)} ${kb(k.gzip).padStart(8)} ${kb(k.brotli).padStart(8)}   ${ratio}`
			);
		}
	}
	console.log(
		`embed.js    js           1 ${kb(loader.raw).padStart(8)} ${kb(loader.gzip).padStart(8)} ${kb(loader.brotli).padStart(8)}`
	);
	console.log(
		'(js: named by the HTML, needed to hydrate; js-later: scrollama as the engine starts, gsap when idle; fonts are woff2, compressed already)'
	);

	// Every run, then the median, for the story and for the floor measured in the same runs.
	const runsRow = (label, story, base, format = (v) => String(v)) => {
		const cells = (xs) => xs.map((x) => format(x).padStart(6)).join(' ');
		const ratio = base ? times(median(story), median(base)) : '';
		console.log(
			`${label.padEnd(30)} ${cells(story)}  | ${format(median(story)).padStart(6)}${
				base ? `   floor ${cells(base)}  | ${format(median(base)).padStart(6)}   ${ratio}` : ''
			}`
		);
	};
	const runs = (xs, key) => xs.map((r) => r[key]);
	if (lh.length) {
		console.log(
			`\nLighthouse mobile preset, ${lh.length} runs each (every run | median; x floor: median / floor's median)`
		);
		for (const [label, key] of [
			['performance', 'performance'],
			['accessibility', 'accessibility'],
			['best practices', 'bestPractices'],
			['SEO', 'seo'],
			['LCP ms', 'lcpMs'],
			['TBT ms', 'tbtMs']
		])
			runsRow(label, runs(lh, key), runs(floor.lighthouse, key));
		runsRow('CLS', runs(lh, 'cls'), runs(floor.lighthouse, 'cls'), (v) => v.toFixed(3));
	}
	console.log(`\nFull scroll at 360x640, CPU 4x slower (every run | median)`);
	for (const [name, xs] of [
		['story', scroll],
		['partner page', embedScroll],
		['floor', floor.scroll]
	]) {
		runsRow(`${name}: long frames > 50 ms`, runs(xs, 'loafOver50'));
		runsRow(`${name}: longest frame ms`, runs(xs, 'loafMax'));
		runsRow(`${name}: layout shift`, runs(xs, 'layoutShift'), undefined, (v) => v.toFixed(4));
		runsRow(`${name}: JS heap MB`, runs(xs, 'heapMB'), undefined, (v) => v.toFixed(1));
	}
	console.log(
		'(partner: a page on another origin scrolling the embedded story; its heap is the top document)'
	);
	console.log(`\nPresenter at 1024x768, CPU 4x slower, every slide by → (every run | median)`);
	runsRow('long frames > 50 ms', runs(presentSteps, 'loafOver50'));
	runsRow('longest frame ms', runs(presentSteps, 'loafMax'));
}

async function waitFor(url) {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`server at ${url} did not start`);
}
