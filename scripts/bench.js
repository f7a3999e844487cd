#!/usr/bin/env node
// Measures the built story: bytes each route loads, Lighthouse, and how a full scroll behaves on a
// throttled phone, each beside the same figure for the floor (bench/floor: a blank page built by the
// same toolchain with the same libraries) measured in the same run. Prints a table and writes
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
	lighthouse: [],
	floor: { bytes: {}, scroll: [], lighthouse: [] }
};
for (const route of ROUTES) results.routes[route] = await routeBytes(base, 'build', route);
results.floor.bytes = await routeBytes(floorUrl, `${FLOOR}/build`, './');
for (let i = 0; i < Number(values.runs); i++) {
	results.scroll.push(await scrollRun(base, { ready: STORY_READY }));
	results.embedScroll.push(await scrollRun(hostUrl, { ready: STORY_READY, embedded: true }));
	results.floor.scroll.push(await scrollRun(floorUrl, { ready: 'main' }));
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

/** Each figure against bench/budgets.json (medians for timings); an empty list means all within. */
function overBudget({ routes, loader, scroll, lighthouse: lh }, budgets) {
	const over = [];
	const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	const js = routes['./'].kinds.js?.gzip ?? 0;
	const html = routes['./'].kinds.html?.gzip ?? 0;
	if (js > budgets.bytes.firstLoadJs.max)
		over.push(`first-load JS ${js} B > ${budgets.bytes.firstLoadJs.max} B`);
	if (html > budgets.bytes.html.max) over.push(`HTML ${html} B > ${budgets.bytes.html.max} B`);
	if (loader.gzip > budgets.bytes.embedJs.max)
		over.push(`embed.js ${loader.gzip} B > ${budgets.bytes.embedJs.max} B`);
	const loaf = median(scroll.map((s) => s.loafOver50));
	if (loaf > budgets.scroll.loafOver50)
		over.push(`long animation frames while scrolling: ${loaf} > ${budgets.scroll.loafOver50}`);
	const heap = median(scroll.map((s) => s.heapMB));
	if (heap > budgets.scroll.heapMB)
		over.push(`JS heap ${heap.toFixed(1)} MB > ${budgets.scroll.heapMB} MB`);
	const lhBudget = budgets.lighthouse;
	for (const [key, budgetKey] of [
		['performance', 'performance'],
		['accessibility', 'accessibility'],
		['bestPractices', 'best-practices'],
		['seo', 'seo']
	]) {
		const value = median(lh.map((r) => r[key]));
		if (value < lhBudget[budgetKey])
			over.push(`Lighthouse ${budgetKey} ${value} < ${lhBudget[budgetKey]}`);
	}
	const shift = median(scroll.map((s) => s.layoutShift));
	if (shift > budgets.lighthouse.cls)
		over.push(`layout shift ${shift} > ${budgets.lighthouse.cls}`);
	return over;
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
 * A reader's full scroll at 360x640 with the CPU slowed four times, as on a cheap phone: of the
 * story itself, or of a partner's page with the story embedded (frames counted in both documents).
 */
async function scrollRun(url, { ready, embedded = false }) {
	const context = await browser.newContext({
		viewport: { width: 360, height: 640 },
		isMobile: true,
		hasTouch: true,
		deviceScaleFactor: 2,
		reducedMotion: process.env.BENCH_REDUCED ? 'reduce' : 'no-preference'
	});
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
	const story = embedded ? page.frameLocator('iframe') : page;
	if (embedded) await page.locator('iframe').scrollIntoViewIfNeeded();
	await story.locator(ready).first().waitFor({ state: 'attached' });
	if (embedded) await page.evaluate(() => scrollTo(0, 0));
	const frames = () => page.frames();
	// Only the scroll counts: forget what loading cost.
	await page.waitForTimeout(2000);
	for (const frame of frames()) {
		await frame.evaluate(() => {
			const w = /** @type {any} */ (window);
			if (!w.bench) return;
			w.bench.loaf = [];
			w.bench.blame = [];
			w.bench.since = performance.now();
		});
	}
	await page.mouse.move(180, 400);
	const started = Date.now();
	for (let i = 0; i < 400; i++) {
		if (
			await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2)
		)
			break;
		await page.mouse.wheel(0, 160);
		await page.waitForTimeout(60);
	}
	await page.waitForTimeout(1500);
	const loaf = [];
	let shift = 0;
	for (const frame of frames()) {
		const bench = await frame.evaluate(() => /** @type {any} */ (window).bench ?? null);
		if (!bench) continue;
		loaf.push(...bench.loaf);
		shift += bench.shift;
		if (process.env.BENCH_VERBOSE) console.log(frame.url(), bench.blame);
	}
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	await context.close();
	return {
		seconds: (Date.now() - started) / 1000,
		loafOver50: loaf.length,
		loafMax: Math.round(Math.max(0, ...loaf)),
		layoutShift: shift,
		heapMB: usedSize / 2 ** 20
	};
}

function printTable({ routes, loader, scroll, embedScroll, lighthouse: lh, floor }) {
	const kb = (n) => (n / 1024).toFixed(1);
	const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
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
		'(js: named by the HTML, needed to hydrate; js-later: scrollama as the engine starts, gsap when idle)'
	);

	const row = (label, story, base, format = (v) => String(v)) =>
		console.log(
			`${label.padEnd(32)} ${format(story).padStart(9)} ${format(base).padStart(9)}   ${times(story, base)}`
		);
	if (lh.length) {
		const m = (runs, key) => median(runs.map((r) => r[key]));
		console.log(`\nLighthouse mobile (median of ${lh.length})        story     floor   x floor`);
		for (const [label, key] of [
			['performance', 'performance'],
			['accessibility', 'accessibility'],
			['best practices', 'bestPractices'],
			['SEO', 'seo'],
			['LCP ms', 'lcpMs'],
			['TBT ms', 'tbtMs']
		])
			row(label, m(lh, key), m(floor.lighthouse, key));
		row('CLS', m(lh, 'cls'), m(floor.lighthouse, 'cls'), (v) => v.toFixed(3));
	}
	console.log(`\nFull scroll at 360x640, CPU 4x slower (median of ${scroll.length})`);
	console.log('                                  story   partner     floor   story x floor');
	const scrollRow = (label, key, format = (v) => String(v)) => {
		const [a, b, c] = [scroll, embedScroll, floor.scroll].map((runs) =>
			median(runs.map((r) => r[key]))
		);
		console.log(
			`${label.padEnd(30)} ${format(a).padStart(9)} ${format(b).padStart(9)} ${format(c).padStart(9)}   ${times(a, c)}`
		);
	};
	scrollRow('long animation frames > 50 ms', 'loafOver50');
	scrollRow('longest animation frame ms', 'loafMax');
	scrollRow('layout shift', 'layoutShift', (v) => v.toFixed(4));
	scrollRow('JS heap after scroll MB', 'heapMB', (v) => v.toFixed(1));
	console.log(
		'(partner: a page on another origin scrolling the embedded story; its heap is the top document)'
	);
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
