/**
 * The offline file (npm run export) as a presenter meets it on a stage: opened by double click, a
 * file:// address, in Firefox, with no network and no server. Firefox matters here: a file:// page
 * has an opaque origin, so the speaker view opened with S talks to its opener by postMessage
 * (src/lib/present/deck.svelte.ts), and that is what the third test drives, with the
 * BroadcastChannel muted.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADINGS } from '../source-text';
import { CONTENT, SLIDES } from '../story';
import { firefoxEngine, sizeViewport } from './firefox';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const FILE = resolve('export/flee-hide-or-fight.html');
const SHOTS = join('engine-screenshots', 'firefox');
const PRESENTER = 'main[data-present]';
const NOTES = 'main[data-present-notes]';

const missing =
	firefoxEngine.missing() ?? (existsSync(FILE) ? undefined : `no ${FILE}: run \`npm run export\``);
// CI installs Firefox and exports the file (.ci/run): there, either missing is a failure.
if (missing && process.env.CI) throw new Error(`offline file in Firefox: ${missing}`);
if (missing) console.warn(`Skipping the offline file in Firefox: ${missing}`);

/** Polls `fn` in the page until it returns a truthy value; fails with `what` and the last value. */
async function waitFor<R, A>(page: Page, what: string, fn: (arg: A) => R, arg?: A): Promise<R> {
	const end = Date.now() + 10_000;
	let last: R | undefined;
	while (Date.now() < end) {
		last = (await page.evaluate(fn as (arg: unknown) => R, arg)) as R;
		if (last) return last;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

interface Watched {
	/** What the console would show a reader: script errors and console.error. */
	errors: string[];
	/** Every request the browser made for the page, as the driver saw it. */
	requests: string[];
}

function watch(page: Page): Watched {
	const watched: Watched = { errors: [], requests: [] };
	page.on('pageerror', (error) => watched.errors.push(`pageerror: ${String(error)}`));
	page.on('console', (message) => {
		if (message.type() === 'error') watched.errors.push(`console.error: ${message.text()}`);
	});
	page.on('request', (request) => watched.requests.push(request.url()));
	return watched;
}

/**
 * The network fails anyway (the proxy); this shows the file asked for none of it. From outside,
 * only the file and its inline data (fonts, icon); from inside, the page's own resource timing,
 * which also covers a popup's first requests, made before the driver could listen.
 */
async function expectOffline(page: Page, { errors, requests }: Watched): Promise<void> {
	const short = (url: string) => url.slice(0, 80);
	expect(requests.filter((url) => !/^(file|data):/.test(url)).map(short)).toEqual([]);
	const loaded = await page.evaluate(() =>
		performance.getEntriesByType('resource').map((e) => e.name)
	);
	expect(loaded.filter((url) => !url.startsWith('data:')).map(short)).toEqual([]);
	expect(errors).toEqual([]);
}

const hydrated = (page: Page, root: string) =>
	waitFor(
		page,
		`${root} to be hydrated`,
		(r) => !!document.querySelector(`${r} svg[data-enhanced]`),
		root
	);

const slideOf = (page: Page, selector: string) =>
	page.evaluate((s) => Number(document.querySelector(s)?.getAttribute('data-slide')), selector);

const onSlide = (page: Page, selector: string, n: number) =>
	waitFor(
		page,
		`${selector} on slide ${n}`,
		([s, n]) => Number(document.querySelector(s)?.getAttribute('data-slide')) === n,
		[selector, n] as const
	);

describe.skipIf(!!missing)('the offline file in Firefox', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await puppeteer.launch({
			browser: 'firefox',
			executablePath: FIREFOX,
			headless: true,
			extraPrefsFirefox: {
				// No network: every request goes to a proxy on a closed port, localhost's too.
				'network.proxy.type': 1,
				'network.proxy.http': '127.0.0.1',
				'network.proxy.http_port': 9,
				'network.proxy.ssl': '127.0.0.1',
				'network.proxy.ssl_port': 9,
				'network.proxy.allow_hijacking_localhost': true,
				'network.proxy.no_proxies_on': '',
				// Firefox's own checks for a network, which would only knock on the closed port.
				'network.captive-portal-service.enabled': false,
				'network.connectivity-service.enabled': false,
				// Firefox's defaults, which puppeteer turns off: a file:// page's origin its own,
				// and a popup only on a user's key, as on the presenter's laptop.
				'security.fileuri.strict_origin_policy': true,
				'dom.disable_open_during_load': true
			}
		});
	});
	afterAll(() => browser?.close());

	async function open(query: string, prepare?: (page: Page) => Promise<unknown>) {
		const page = await browser.newPage();
		const watched = watch(page);
		await sizeViewport(page, 1280, 720);
		await prepare?.(page);
		await page.goto(pathToFileURL(FILE).href + query, { waitUntil: 'load' });
		return { page, watched };
	}

	it('reads the story', async () => {
		const { page, watched } = await open('');
		await hydrated(page, '[data-graphic]');
		expect(await page.evaluate(() => document.body.innerText)).toContain(CONTENT.headline);
		for (const { id, shown } of HEADINGS) {
			const text = await page.evaluate((id) => document.getElementById(id)?.textContent, id);
			expect(text, `#${id}`).toContain(shown);
		}
		await expectOffline(page, watched);
		await page.close();
	});

	it('steps through every slide in the presenter', async () => {
		const { page, watched } = await open('?present');
		await hydrated(page, PRESENTER);
		expect(await slideOf(page, PRESENTER)).toBe(1);
		expect(await page.$eval(PRESENTER, (m) => m.getAttribute('data-slides'))).toBe(
			`${SLIDES.length}`
		);
		for (let n = 1; n <= SLIDES.length; n++) {
			if (n > 1) await page.keyboard.press('ArrowRight');
			await onSlide(page, PRESENTER, n);
			// One slide shown, with its text.
			const shown = await page.$$eval('section.slide:not([hidden])', (slides) =>
				slides.map((s) => (s as HTMLElement).innerText.trim().length > 0)
			);
			expect(shown, `slide ${n}`).toEqual([true]);
		}
		await page.keyboard.press('Home');
		await onSlide(page, PRESENTER, 1);
		await expectOffline(page, watched);
		await page.close();
	});

	it('opens the speaker view with S, which follows the presenter and drives it', async () => {
		// Firefox gives each file its own origin, but one file under two queries is one origin, so
		// the presenter's BroadcastChannel would reach the speaker view too. Muted, it leaves
		// postMessage the only way; the speaker view, with an opener, writes to nothing else.
		const { page: present, watched } = await open('?present', (page) =>
			page.evaluateOnNewDocument(() => {
				BroadcastChannel.prototype.postMessage = () => {};
			})
		);
		await hydrated(present, PRESENTER);
		expect(await present.evaluate(() => `${BroadcastChannel.prototype.postMessage}`)).not.toMatch(
			/native code/
		);

		const opened = browser.waitForTarget((t) => t.url().includes('?notes'), { timeout: 10_000 });
		await present.keyboard.press('s');
		const notes = await (await opened).page();
		if (!notes) throw new Error('the speaker view opened, but puppeteer has no page for it');
		const notesWatched = watch(notes);
		await sizeViewport(notes, 1280, 800);
		await waitFor(
			notes,
			'the speaker view to hear the presenter',
			(s) => !!document.querySelector(`${s}[data-connected]`),
			NOTES
		);
		expect(await notes.evaluate(() => window.opener !== null)).toBe(true);
		expect(await slideOf(notes, NOTES)).toBe(1);

		// The presenter's keys move the speaker view and its two previews.
		await present.bringToFront();
		await present.keyboard.press('ArrowRight');
		await present.keyboard.press('ArrowRight');
		await onSlide(notes, NOTES, 3);
		expect(await slideOf(notes, '[data-preview="current"]')).toBe(3);
		expect(await slideOf(notes, '[data-preview="next"]')).toBe(4);

		// The speaker view's keys move the presenter, which answers with its new place.
		await notes.bringToFront();
		await notes.keyboard.press('ArrowRight');
		await onSlide(present, PRESENTER, 4);
		await onSlide(notes, NOTES, 4);

		// A still picture: the map lands on slide 4's view first (map-motion.svelte.ts).
		await waitFor(
			present,
			"the presenter's map to land",
			(s) => !document.querySelector(`${s} svg[data-motion="running"]`),
			PRESENTER
		);
		mkdirSync(SHOTS, { recursive: true });
		await present.screenshot({ path: join(SHOTS, 'offline-present.png') });
		await notes.screenshot({ path: join(SHOTS, 'offline-notes.png') });
		await expectOffline(present, watched);
		await expectOffline(notes, notesWatched);
		await notes.close();
		await present.close();
	});
});
