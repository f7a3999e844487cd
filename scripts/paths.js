#!/usr/bin/env node
// npm run test:paths [-- --runs N] [--seed S] [--only "<surface>#<i>"]: the generated paths of
// tests/paths/: mutated copy (vitest, in process), then reading walks and fuzzed messages in
// Chromium (Playwright). Prints, per surface, runs and wrong; exits non-zero on any wrong or failure.
// --runs N: generated walks in all (shared by the walked surfaces; npm test runs 12); messages are
// max(10,000, 20 N), mutations max(240, N).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: { runs: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' } }
});
const runs = Number(values.runs ?? 12);
const env = {
	...process.env,
	PATHS_RUNS: String(runs),
	PATHS_MESSAGES: String(Math.max(10_000, 20 * runs)),
	PATHS_MUTATIONS: String(Math.max(240, runs)),
	...(values.seed ? { PATHS_SEED: values.seed } : {}),
	...(values.only ? { PATHS_ONLY: values.only } : {})
};
const DIR = 'paths-results';
rmSync(DIR, { recursive: true, force: true });

const run = (command, args) => spawnSync(command, args, { env, stdio: 'inherit' }).status === 0;
const mutations = values.only
	? true
	: run('npx', ['vitest', 'run', '--config', 'tests/paths/vitest.config.ts']);
const browsers = run('npx', ['playwright', 'test', '-c', 'tests/paths/playwright.config.ts']);

/** @type {Map<string, Record<string, number>>} */
const surfaces = new Map();
for (const file of existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')) : []) {
	const { surface, ...counts } = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
	const sum = surfaces.get(surface) ?? {};
	for (const [k, v] of Object.entries(counts)) sum[k] = (sum[k] ?? 0) + v;
	surfaces.set(surface, sum);
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
console.log(`${'surface'.padEnd(22)}${columns.map((c) => pad(c, 11)).join('')}`);
let wrong = 0;
for (const [surface, sum] of [...surfaces].sort(([a], [b]) => a.localeCompare(b))) {
	wrong += sum.wrong ?? 0;
	console.log(`${surface.padEnd(22)}${columns.map((c) => pad(sum[c] ?? '-', 11)).join('')}`);
}
console.log(`${wrong} wrong${mutations && browsers ? '' : '; a test failed (see above)'}`);
process.exit(wrong === 0 && mutations && browsers ? 0 : 1);
