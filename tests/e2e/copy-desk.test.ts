import { expect, test } from '@playwright/test';
import { copyProject } from '../project-copy';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runPorts } from '../ports';
import { CONTENT } from '../story';
import { enhanced } from './fixtures';

// What a copy editor sees of a mistake: once, with its line, in the terminal and in the browser.
// Each test works on a copy of the project, so the tree being tested is never edited.

const STORY = 'src/content/story.aml';
const good = readFileSync(STORY, 'utf8');
const { headline } = CONTENT;
const { quote } = CONTENT.accounts[2]!;
const HEADLINE_LINE = good.split('\n').indexOf(`headline: ${headline}`) + 1;
/** Two mistakes a copy editor makes: a figure the source does not state, a changed quote. */
const bad = good
	.replace(`\nheadline: ${headline}\n`, () => `\nheadline: ${headline}: 300,000 men\n`)
	.replace(`\nquote: ${quote}\n`, () => `\nquote: ${quote} and more\n`);
const PROBLEMS = [
	`${STORY}:${HEADLINE_LINE} headline: the figure “300,000” is not stated by the source`,
	new RegExp(`${STORY}:\\d+ accounts\\[2\\]\\.quote: `)
];

const vite = resolve('node_modules/vite/bin/vite.js');

test('a build with bad copy lists each problem once, with its line, no stack trace, and exits 1', () => {
	expect(bad).not.toBe(good);
	const dir = copyProject('story-copy-desk-');
	try {
		writeFileSync(join(dir, STORY), bad);
		const run = spawnSync(process.execPath, [vite, 'build'], {
			cwd: dir,
			encoding: 'utf8',
			timeout: 120_000
		});
		const output = `${run.stdout}\n${run.stderr}`;
		expect(run.status, output).toBe(1);
		const lines = output.split('\n');
		expect(lines.filter((l) => l === PROBLEMS[0])).toHaveLength(1);
		expect(lines.filter((l) => (PROBLEMS[1] as RegExp).test(l))).toHaveLength(1);
		expect(lines.filter((l) => l === 'story.aml: 2 problems')).toHaveLength(1);
		expect(output).not.toMatch(/^\s+at /m);
		// Stopped before compiling anything.
		expect(output).not.toMatch(/transforming|modules transformed/);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('npm run check:content says ok, or lists the problems and exits 1, without building', () => {
	const dir = copyProject('story-copy-desk-');
	try {
		cpSync('scripts', join(dir, 'scripts'), { recursive: true });
		// As a newcomer runs it, in a fresh clone (no .svelte-kit yet: the script runs Kit's sync first).
		const check = () =>
			spawnSync('npm', ['run', '--silent', 'check:content'], {
				cwd: dir,
				encoding: 'utf8',
				timeout: 60_000
			});
		const ok = check();
		expect(ok.status, ok.stderr).toBe(0);
		expect(ok.stdout.trim()).toBe('story.aml: ok');

		writeFileSync(join(dir, STORY), bad);
		const problems = check();
		expect(problems.status).toBe(1);
		const lines = `${problems.stderr}${problems.stdout}`.trim().split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toBe(PROBLEMS[0]);
		expect(lines[1]).toMatch(PROBLEMS[1] as RegExp);
		expect(lines[2]).toBe('story.aml: 2 problems');
		expect(existsSync(join(dir, 'build')) || existsSync(join(dir, '.svelte-kit/output'))).toBe(
			false
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('in npm run dev, bad copy shows in Vite’s overlay and goes when the file is fixed, without a reload', async ({
	page
}) => {
	test.setTimeout(180_000);
	const dir = copyProject('story-copy-desk-');
	const [port] = runPorts('copy-desk-dev', 1);
	const url = `http://localhost:${port}/`;
	let server: ChildProcess | undefined;
	let log = '';
	try {
		server = spawn(process.execPath, [vite, 'dev', '--port', String(port), '--strictPort'], {
			cwd: dir,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		server.stdout!.on('data', (d) => (log += d));
		server.stderr!.on('data', (d) => (log += d));
		await expect
			.poll(
				() =>
					fetch(url).then(
						(r) => r.ok,
						() => false
					),
				{ timeout: 90_000 }
			)
			.toBe(true);

		await page.goto(url);
		const h1 = page.locator('h1');
		await expect(h1).toHaveText(headline, { timeout: 60_000 });
		// The headline is in the HTML; Vite's client, which shows the overlay, comes with the
		// page's script after the first paint.
		await enhanced(page);
		// Good copy, a fresh server: its terminal has nothing but the copy's verdict to say (the
		// static parts' stylesheets once failed there, for each first page).
		expect(log).not.toMatch(/error/i);

		writeFileSync(join(dir, STORY), bad);
		const overlay = page.locator('vite-error-overlay');
		await expect(overlay).toHaveCount(1, { timeout: 30_000 });
		const message = overlay.locator('.message-body');
		await expect(message).toContainText(PROBLEMS[0] as string);
		await expect(message).toContainText(PROBLEMS[1] as RegExp);
		await expect(overlay.locator('.file')).toHaveText(new RegExp(`${STORY}:${HEADLINE_LINE}:1$`));
		await page.screenshot({ path: test.info().outputPath('overlay.png') });
		// A page still open asks for the map's sprite: nothing can render, and nothing says so again.
		expect((await fetch(`${url}map.svg`)).status).toBe(500);
		// The terminal says it once per change, not once per page or route.
		await expect.poll(() => log.split(PROBLEMS[0] as string).length - 1).toBe(1);

		writeFileSync(join(dir, STORY), good);
		await expect(overlay).toHaveCount(0, { timeout: 30_000 });
		await expect(h1).toHaveText(headline, { timeout: 60_000 });
		expect(log).toContain('story.aml: ok');
	} finally {
		await test.info().attach('vite dev output', { body: log, contentType: 'text/plain' });
		server?.kill();
		rmSync(dir, { recursive: true, force: true });
	}
});
