#!/usr/bin/env node
// Does paint-first (src/lib/paint-first.server.ts) earn its place? The story built as it ships and
// built with paint-first off (Kit's own start: the modules fetched and run as the HTML parses),
// measured in the same run, pair by pair, the order inside each pair at random, a warm-up pair
// left out. Each run is Lighthouse's mobile preset with its throttling applied to the browser
// (devtools: slow 4G, 4x CPU), so the paint is observed, not simulated. Prints every pair, then
// the median difference (paint-first minus without) with its 95% bootstrap interval. While the
// first paint's interval still holds 0, pairs are added, up to --max-pairs.
// Usage: npm run bench:paint-first [-- --pairs 10] [-- --max-pairs 30] [-- --no-build]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { lighthouseRun } from './lighthouse-run.js';
import { waitFor } from './wait-for.js';
import { median, medianInterval, seeded, verdict } from './paired-stats.js';

const { values } = parseArgs({
	options: {
		pairs: { type: 'string', default: '10' },
		'max-pairs': { type: 'string', default: '30' },
		'no-build': { type: 'boolean', default: false },
		port: { type: 'string', default: '4200' },
		seed: { type: 'string', default: '1' }
	}
});
const WITHOUT = 'bench-results/no-paint-first';
const variants = {
	'paint-first': { dir: 'build', port: Number(values.port) },
	without: { dir: WITHOUT, port: Number(values.port) + 1 }
};

if (!values['no-build']) {
	for (const env of [{}, { STORY_PAINT_FIRST: 'off', STORY_OUT: WITHOUT }]) {
		const build = spawnSync('npm', ['run', 'build'], {
			stdio: 'inherit',
			env: { ...process.env, ...env }
		});
		if (build.status !== 0) process.exit(build.status ?? 1);
	}
}
const servers = Object.values(variants).map(({ dir, port }) =>
	spawn('node', ['scripts/serve.js', '--port', String(port), '--dir', dir], { stdio: 'ignore' })
);
process.on('exit', () => servers.forEach((s) => s.kill()));
await Promise.all(Object.values(variants).map(({ port }) => waitFor(`http://localhost:${port}/`)));

const FIGURES = ['fcpMs', 'lcpMs', 'tbtMs'];
const random = seeded(Number(values.seed));
const pairs = [];
/** @param {string} figure */
const differencesOf = (figure) => pairs.map((p) => p['paint-first'][figure] - p.without[figure]);
/** The first paint's difference is judged (a gain or a loss), or the pairs are spent. */
const settled = () =>
	pairs.length >= Number(values['max-pairs']) ||
	(pairs.length >= Number(values.pairs) &&
		verdict(medianInterval(differencesOf('fcpMs'), { seed: Number(values.seed) }), {
			atMost: 0
		}) !== 'inconclusive');
for (let i = 0; !settled(); i++) {
	const order = random() < 0.5 ? ['paint-first', 'without'] : ['without', 'paint-first'];
	const pair = { order };
	for (const name of order) {
		const { fcpMs, lcpMs, tbtMs } = await lighthouseRun(
			`http://localhost:${variants[name].port}/`,
			{
				onlyCategories: ['performance'],
				throttlingMethod: 'devtools'
			}
		);
		pair[name] = { fcpMs, lcpMs, tbtMs };
	}
	const row = FIGURES.map((f) => `${f} ${pair['paint-first'][f]} / ${pair.without[f]}`).join('  ');
	console.log(`${i === 0 ? 'warm-up' : `pair ${i}`.padEnd(7)}  ${order[0].padEnd(11)}  ${row}`);
	if (i > 0) pairs.push(pair);
}

console.log('\nmedian of pairs (paint-first − without), 95% bootstrap interval; a gain is below 0');
const summary = {};
for (const figure of FIGURES) {
	const interval = medianInterval(differencesOf(figure), { seed: Number(values.seed) });
	const judged = verdict(interval, { atMost: 0 });
	summary[figure] = {
		withMedian: median(pairs.map((p) => p['paint-first'][figure])),
		withoutMedian: median(pairs.map((p) => p.without[figure])),
		...interval,
		verdict: judged === 'pass' ? 'gain' : judged === 'fail' ? 'loss' : 'inconclusive'
	};
	const s = summary[figure];
	console.log(
		`${figure.padEnd(6)} ${s.withMedian} vs ${s.withoutMedian}: ${s.median} [${s.low}, ${s.high}]  ${s.verdict}`
	);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
	'bench-results/paint-first.json',
	JSON.stringify({ date: new Date().toISOString(), pairs, summary }, null, '\t')
);
process.exit(0);
