import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SITE_URL_WARNING, siteUrl } from '$lib/share/site-url.server';
import { copyProject } from '../project-copy';

describe('the site URL (PUBLIC_SITE_URL)', () => {
	it('is the folder the story is published in: a slash at the end, no query, no fragment', () => {
		expect(siteUrl('https://example.org/graphics/mobilization')?.href).toBe(
			'https://example.org/graphics/mobilization/'
		);
		expect(siteUrl(' https://example.org/?utm=x#top ')?.href).toBe('https://example.org/');
	});

	it('fails the build when it is not an absolute http(s) address', () => {
		expect(() => siteUrl('example.org/graphics')).toThrow(/absolute http\(s\) address/);
		expect(() => siteUrl('ftp://example.org/')).toThrow(/absolute http\(s\) address/);
	});

	it('unset, is none, and says so once', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		expect(siteUrl('')).toBeUndefined();
		expect(siteUrl(undefined)).toBeUndefined();
		expect(warn).toHaveBeenCalledTimes(1);
		warn.mockRestore();
	});
});

// The contract is about `npm run build`: a newsroom that forgets the setting ships no localhost.
const copy = copyProject('story-site-url-');
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const files = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]
	);

it(
	'a build without PUBLIC_SITE_URL warns once and writes no made-up address into any page',
	{ timeout: 120_000 },
	() => {
		const env = { ...process.env };
		delete env.PUBLIC_SITE_URL;
		const build = spawnSync('npm', ['run', 'build'], { cwd: copy, encoding: 'utf8', env });
		expect(build.status, build.stderr).toBe(0);
		const output = build.stdout + build.stderr;
		expect(output.split(SITE_URL_WARNING).length - 1).toBe(1);

		const written = files(join(copy, 'build')).filter((f) => /\.(html|json|js|svg)$/.test(f));
		expect(written.length).toBeGreaterThan(5);
		for (const file of written)
			expect(readFileSync(file, 'utf8'), file).not.toMatch(/localhost|127\.0\.0\.1/);
		const page = readFileSync(join(copy, 'build/index.html'), 'utf8');
		for (const tag of ['rel="canonical"', 'og:url', 'og:image', 'json+oembed', 'mainEntityOfPage'])
			expect(page).not.toContain(tag);
		// What needs no address stays.
		expect(page).toContain('og:title');
		expect(page).toContain('application/ld+json');
	}
);
