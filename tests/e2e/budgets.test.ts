import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

// Byte budgets are deterministic (a build is named by its commit, not its time): checked on every
// test run, against build/. Timings are not: those are the bench's, see npm run bench -- --check.
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')).bytes;
const gzip = (file: string) => gzipSync(readFileSync(join('build', file)), { level: 9 }).length;
const html = (route: string) => readFileSync(join('build', route, 'index.html'), 'utf8');
/**
 * Files a route's HTML names with this extension (relative links, any depth): in links, in CSS,
 * and in the start script, which holds the module preloads until the first paint (paint-first).
 */
const named = (route: string, extension: string) =>
	new Set(
		[...html(route).matchAll(/(?:href="|url\(["']?|")(?:\.\.?\/)+(_app\/[^"')]+)/g)]
			.map((m) => m[1]!)
			.filter((file) => file.endsWith(extension))
	);
/** The JS a route's HTML names: what the first load fetches before anything else. */
const firstLoadJs = (route: string) =>
	[...named(route, '.js')].reduce((sum, file) => sum + gzip(file), 0);

for (const [route, max] of Object.entries(budgets.firstLoadJs.routes as Record<string, number>)) {
	test(`first-load JS of ${route} stays within its budget`, () => {
		expect(named(route, '.js').size).toBeGreaterThan(5);
		expect(firstLoadJs(route)).toBeLessThanOrEqual(max);
	});
}

test('the embed loader stays within its budget', () => {
	expect(gzip('embed.js')).toBeLessThanOrEqual(budgets.embedJs.max);
});

test('the story HTML stays within its budget', () => {
	expect(gzip('index.html')).toBeLessThanOrEqual(budgets.html.max);
});

test('the web fonts stay within their budget', () => {
	const fonts = named('.', '.woff2');
	expect(fonts.size).toBe(2);
	const bytes = [...fonts].reduce((sum, file) => sum + readFileSync(join('build', file)).length, 0);
	expect(bytes).toBeLessThanOrEqual(budgets.fonts.max);
});
