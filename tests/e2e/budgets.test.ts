import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

// Byte budgets are deterministic: checked on every test run, against build/ (timings are not:
// those are the bench's, see npm run bench -- --check).
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')).bytes;
const gzip = (file: string) => gzipSync(readFileSync(join('build', file)), { level: 9 }).length;
/** The JS a route's HTML names: what the first load fetches before anything else. */
const firstLoadJs = (route: string) => {
	const html = readFileSync(join('build', route, 'index.html'), 'utf8');
	const files = new Set(
		[...html.matchAll(/href="(?:\.\.?\/)+(_app\/[^"]+\.js)"/g)].map((m) => m[1]!)
	);
	return [...files].reduce((sum, file) => sum + gzip(file), 0);
};

test('first-load JS of the story stays within its budget', () => {
	expect(firstLoadJs('.')).toBeLessThanOrEqual(budgets.firstLoadJs.max);
});

test('the embed loader stays within its budget', () => {
	expect(gzip('embed.js')).toBeLessThanOrEqual(budgets.embedJs.max);
});

test('the story HTML, map included, stays within its budget', () => {
	expect(gzip('index.html')).toBeLessThanOrEqual(budgets.html.max);
});
