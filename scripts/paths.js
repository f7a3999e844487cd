#!/usr/bin/env node
// npm run test:paths [-- --runs N] [--seed S] [--engines E] [--only "<walk>"]: the generated paths
// of tests/paths/: mutated copy (vitest, in process), then reading walks and fuzzed messages in
// Chromium (Playwright), then the walks in Firefox ESR and WebKitGTK (tests/engines' drivers).
// Prints, per engine and surface, runs and wrong; exits non-zero on any wrong or failure.
// --runs N: generated walks per engine (shared by its walked surfaces; npm test runs 12); messages
// are max(10,000, 20 N), mutations max(240, N). --engines: all (the default), or a comma-separated
// list of chromium, firefox, webkit. --only replays one walk by the name a failure printed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const ENGINES = ['chromium', 'firefox', 'webkit'];
const { values } = parseArgs({
	options: {
		runs: { type: 'string' },
		seed: { type: 'string' },
		only: { type: 'string' },
		engines: { type: 'string' }
	}
});
const runs = Number(values.runs ?? 12);
const engines = !values.engines || values.engines === 'all' ? ENGINES : values.engines.split(',');
const unknown = engines.filter((e) => !ENGINES.includes(e));
if (unknown.length) {
	console.error(
		`--engines: no engine ${unknown.join(', ')} (all, or some of ${ENGINES.join(', ')})`
	);
	process.exit(2);
}
// A replayed walk names its engine ("firefox story 360x640#3"; Chromium's walks are unnamed).
const onlyEngine = values.only && ENGINES.find((e) => values.only?.startsWith(`${e} `));
const walked = values.only ? [onlyEngine ?? 'chromium'] : engines;
const env = {
	...process.env,
	PATHS_RUNS: String(runs),
	PATHS_MESSAGES: String(Math.max(10_000, 20 * runs)),
	PATHS_MUTATIONS: String(Math.max(240, runs)),
	PATHS_ENGINES: walked.join(','),
	...(values.seed ? { PATHS_SEED: values.seed } : {}),
	...(values.only ? { PATHS_ONLY: values.only } : {})
};
const DIR = 'paths-results';
rmSync(DIR, { recursive: true, force: true });

const run = (command, args) => spawnSync(command, args, { env, stdio: 'inherit' }).status === 0;
const mutations = values.only
	? true
	: run('npx', ['vitest', 'run', '--config', 'tests/paths/vitest.config.ts']);
const chromium = walked.includes('chromium')
	? run('npx', ['playwright', 'test', '-c', 'tests/paths/playwright.config.ts'])
	: true;
const others = walked.some((e) => e !== 'chromium')
	? run('npx', ['vitest', 'run', '--config', 'tests/paths/engines/vitest.config.ts'])
	: true;
const browsers = chromium && others;

/** @type {Map<string, Record<string, number>>} */
const surfaces = new Map();
for (const file of existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')) : []) {
	const { engine = '-', surface, ...counts } = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
	const key = `${engine.padEnd(10)}${surface}`;
	const sum = surfaces.get(key) ?? {};
	for (const [k, v] of Object.entries(counts)) sum[k] = (sum[k] ?? 0) + v;
	surfaces.set(key, sum);
}
const columns = [
	'runs',
	'wrong',
	'pictures',
	'accepted',
	'rejected',
	'harmless',
	'crashed',
	'unlocated'
];
const pad = (s, n) => String(s).padStart(n);
console.log(
	`\nGenerated paths, seed ${env.PATHS_SEED ?? 20220921} (runs: walks and paging walks, messages or mutations tried)`
);
console.log(
	`${'engine'.padEnd(10)}${'surface'.padEnd(22)}${columns.map((c) => pad(c, 11)).join('')}`
);
let wrong = 0;
for (const [surface, sum] of [...surfaces].sort(([a], [b]) => a.localeCompare(b))) {
	wrong += sum.wrong ?? 0;
	console.log(`${surface.padEnd(32)}${columns.map((c) => pad(sum[c] ?? '-', 11)).join('')}`);
}
console.log(`${wrong} wrong${mutations && browsers ? '' : '; a test failed (see above)'}`);
process.exit(wrong === 0 && mutations && browsers ? 0 : 1);
