import { expect, test, type Page } from '@playwright/test';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ACCOUNT_IDS, normalize } from '../source-text';
import { ACCOUNTS, CONTENT, ID, SLIDES, slideOf } from '../story';
import { hasPoppler, readPdf } from './pdf';

// The offline file as a speaker opens it from a USB stick: a file:// address, no server, and every
// request to the network failing. npm run export writes it (npm test runs it before this suite).
const FILE = resolve('export/flee-hide-or-fight.html');
const URL_ = pathToFileURL(FILE).href;
const SLIDES_PDF = resolve('export/flee-hide-or-fight-slides.pdf');
const NOTES_PDF = resolve('export/flee-hide-or-fight-slides-notes.pdf');
const TOTAL = SLIDES.length;

test.beforeAll(() => {
	if (!existsSync(FILE)) throw new Error(`${FILE} is missing: run npm run export first`);
});

/** Everything that goes wrong in a page: errors, and any request but the file itself. */
function watch(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
	page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (url.protocol === 'data:') return;
		if (url.protocol === 'file:' && url.pathname === new URL(URL_).pathname) return;
		problems.push(`request: ${r.url()}`);
	});
	return problems;
}

test.beforeEach(async ({ context }) => {
	// The network is off: whatever is not the file fails as a disconnected laptop's would.
	await context.route(
		(url) => url.protocol !== 'file:' && url.protocol !== 'data:',
		(route) => route.abort('internetdisconnected')
	);
});

test('the offline file is one file within its budget of 400 KB', () => {
	expect(statSync(FILE).size).toBeLessThanOrEqual(400 * 1024);
});

test('opened from file:// without a network, the story reads and its graphic follows', async ({
	page
}) => {
	const problems = watch(page);
	await page.goto(URL_);
	await page.locator('[data-graphic] svg[data-enhanced]').waitFor({ state: 'attached' });
	await expect(page.locator('h1')).toHaveText(CONTENT.headline);
	for (const id of ACCOUNT_IDS) {
		const account = page.locator(`section#${id}`);
		await expect(account).toBeAttached();
		expect(normalize(await account.innerText()).length, id).toBeGreaterThan(400);
	}
	// A deep link within the file: the graphic shows that account's map.
	await page.goto(`${URL_}#${ID.middle}`);
	await expect(page.locator('[data-graphic]')).toHaveAttribute('data-active', ID.middle);
	expect(problems).toEqual([]);
});

test('the presenter in the file steps through every slide, and opens on #/N', async ({ page }) => {
	const problems = watch(page);
	await page.goto(`${URL_}?present`);
	await page.locator('[data-present] svg[data-enhanced]').waitFor({ state: 'attached' });
	const deck = page.locator('[data-present]');
	await expect(deck).toHaveAttribute('data-slides', String(TOTAL));
	for (let n = 1; n <= TOTAL; n++) {
		await expect(deck).toHaveAttribute('data-slide', String(n));
		expect(normalize(await page.locator('[data-present] section:visible').innerText())).not.toBe(
			''
		);
		await page.keyboard.press('ArrowRight');
	}
	await page.goto(`${URL_}?present#/5`);
	await expect(deck).toHaveAttribute('data-slide', '5');
	expect(problems).toEqual([]);
});

test('S in the file’s presenter opens its speaker view, which follows the deck and drives it', async ({
	page
}) => {
	const problems = watch(page);
	await page.goto(`${URL_}?present`);
	await page.locator('[data-present] svg[data-enhanced]').waitFor({ state: 'attached' });
	const [notes] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
	problems.push(...watch(notes));
	expect(notes.url()).toBe(`${URL_}?notes`);
	const root = notes.locator('[data-present-notes]');
	await expect(root).toHaveAttribute('data-connected', '');
	await page.bringToFront();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(root).toHaveAttribute('data-slide', '3');
	await expect(root.locator('[data-preview="current"]')).toHaveAttribute('data-slide', '3');
	await expect(root.locator('[data-preview="next"]')).toHaveAttribute('data-slide', '4');
	await notes.bringToFront();
	await notes.keyboard.press('ArrowRight');
	await expect(page.locator('[data-present]')).toHaveAttribute('data-slide', '4');
	await expect(root).toHaveAttribute('data-slide', '4');
	expect(problems).toEqual([]);
});

test.describe('the handouts', () => {
	test.skip(
		!hasPoppler && !process.env.CI,
		'pdftotext (apt-get install -y poppler-utils) is missing'
	);

	test('one 16:9 page per slide, its words as text; with notes, every slide and its notes', async ({
		page
	}) => {
		await page.goto(`${URL_}?notes`);
		await page.locator('[data-present-notes]').waitFor();
		const notes = await page.evaluate(() =>
			[...document.querySelectorAll('[data-preview="current"] .page-notes')].map(
				(n) => n.textContent ?? ''
			)
		);
		expect(notes).toHaveLength(TOTAL);

		const slides = readPdf(SLIDES_PDF);
		expect(slides).toHaveLength(TOTAL);
		for (const p of slides) expect([p.width, p.height]).toEqual([960, 540]);
		expect(slides[0]!.text).toContain(CONTENT.headline);
		const { quote } = ACCOUNTS.find((a) => a.id === ID.middle)!;
		expect(slides[slideOf(ID.middle) - 1]!.text).toContain(quote);

		const handout = readPdf(NOTES_PDF);
		expect(handout.length).toBeGreaterThanOrEqual(TOTAL);
		// A4, upright.
		for (const p of handout) expect(p.height).toBeGreaterThan(p.width);
		const all = handout.map((p) => p.text).join(' ');
		for (const note of notes) expect(all).toContain(normalize(note).slice(0, 80));
	});
});
