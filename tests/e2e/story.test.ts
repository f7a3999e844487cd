import type { Page } from '@playwright/test';
import { ACCOUNT_IDS, HEADINGS, sourceSentences } from '../source-text';
import { CONTENT, ID, LABELS, STORY } from '../story';
import { enhanced, expect, phone, test, visibleText } from './fixtures';
import { SUBPATH } from './servers';

const sentences = sourceSentences();

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('every sentence of the source is in the visible text', async ({ page }) => {
			await page.goto('./');
			const text = await visibleText(page);
			expect(sentences.filter((s) => !text.includes(s))).toEqual([]);
		});

		test('each account is a section headed by who and where, with its quote', async ({ page }) => {
			await page.goto('./');
			const ids = await page
				.locator('main section[id]')
				.evaluateAll((els) => els.map((el) => el.id));
			expect(ids).toEqual(ACCOUNT_IDS);
			for (const { id, shown, quote } of HEADINGS) {
				const section = page.locator(`section#${id}`);
				await expect(section.getByRole('heading', { level: 2 })).toHaveText(shown);
				await expect(section.locator('blockquote').first()).toContainText(quote);
			}
		});
	});
}

test.describe('on a 360x640 phone', () => {
	test.use(phone);

	test('never scrolls sideways, and story paragraphs are at least 16px', async ({ page }) => {
		await page.goto('./');
		const { scrollWidth, clientWidth } = await page.evaluate(() => {
			const { scrollWidth, clientWidth } = document.documentElement;
			return { scrollWidth, clientWidth };
		});
		expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
		const wide = await page.evaluate(() =>
			[...document.querySelectorAll('body *')]
				// Map shapes run past their SVG's edge by design; the SVG clips them.
				.filter((el) => !(el instanceof SVGElement && el.ownerSVGElement))
				.filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5 && el.checkVisibility())
				.map((el) => el.outerHTML.slice(0, 80))
		);
		expect(wide).toEqual([]);
		const sizes = await page
			.locator('main p.prose')
			.evaluateAll((ps) => ps.map((p) => parseFloat(getComputedStyle(p).fontSize)));
		// Every paragraph of the intro and the accounts.
		expect(sizes).toHaveLength(
			STORY.intro.length + STORY.sections.reduce((n, s) => n + s.paragraphs.length, 0)
		);
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
	});

	test('reads at a comfortable size and measure', async ({ page }) => {
		await page.goto('./');
		const p = page.locator(`#${ID.second} .words p`).first();
		const size = await p.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(size).toBeGreaterThanOrEqual(18);
		expect(size).toBeLessThanOrEqual(20);
	});
});

test.describe('semantics', () => {
	test('one h1, English, quotations marked up, and a skip link first in tab order', async ({
		page
	}) => {
		await page.goto('./');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.locator('h1')).toHaveCount(1);
		await expect(page.locator('section blockquote')).toHaveCount(ACCOUNT_IDS.length * 2);
		await page.keyboard.press('Tab');
		const skip = page.locator(':focus');
		await expect(skip).toHaveAttribute('href', '#story');
		await expect(skip).toBeInViewport();
		const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
		expect(outline).not.toBe('none');
		await page.keyboard.press('Enter');
		await expect(page.locator('#story')).toBeFocused();
	});

	test('the account links jump to each account, and the reader stays there', async ({ page }) => {
		for (const id of ACCOUNT_IDS) {
			await page.goto('./');
			await enhanced(page);
			await page
				.getByRole('navigation', { name: LABELS.accountsNav })
				.locator(`a[href="#${id}"]`)
				.click();
			await expect(page.locator(`#${id} h2`)).toBeInViewport();
			await expect(page.locator('[data-graphic]')).toHaveAttribute('data-active', id);
			// A report of the intro, a frame late, once sent the reader back to the top.
			await page.waitForTimeout(300);
			await expect(page).toHaveURL(new RegExp(`#${id}$`));
			await expect(page.locator('[data-graphic]')).toHaveAttribute('data-active', id);
			await expect(page.locator(`#${id} h2`)).toBeInViewport();
		}
	});

	test('title, description, canonical, theme colour and favicon', async ({ page, request }) => {
		await page.goto('./');
		await expect(page).toHaveTitle(CONTENT.title);
		await expect(page.locator('meta[name="description"]')).toHaveAttribute(
			'content',
			CONTENT.description
		);
		await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /^https?:\/\//);
		await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);
		// A picture, decoded once: Chromium asks for the icon at every new address, and an SVG icon
		// was a new SVG document each time the address followed the reader (#25).
		await expect(page.locator('link[rel="icon"]')).toHaveAttribute('type', 'image/png');
		const icon = await request.get('./favicon.png');
		expect(icon.ok()).toBe(true);
		expect(icon.headers()['content-type']).toBe('image/png');
		const png = await icon.body();
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([64, 64]);
	});

	test('the HTML links only relatively, so any subpath works', async ({ request }) => {
		// The canonical URL and the oEmbed link are absolute by definition; nothing else may be.
		const html = (await (await request.get('./')).text())
			.replace(/<link rel="canonical"[^>]*>/, '')
			.replace(/<link rel="alternate" type="application\/json\+oembed"[^>]*>/, '');
		expect(html).toContain('href="./favicon.png"');
		expect(html.match(/(?:href|src)="\/[^"]*"/g) ?? []).toEqual([]);
		expect(html.match(/(?:href|src)="https?:[^"]*"/g) ?? []).toEqual([]);
	});

	test('the running text is in the page once: not in the data it hydrates with', async ({
		request
	}) => {
		for (const route of ['./', './embed/']) {
			const html = await (await request.get(route)).text();
			const data = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('\n');
			for (const id of ACCOUNT_IDS) expect(data).toContain(id);
			// Every sentence of the source that the page shows, by its first words.
			const inData = sentences.filter((s) => s.length > 40 && data.includes(s.slice(0, 40)));
			expect(inData, route).toEqual([]);
			const inMarkup = sentences.filter((s) => s.length > 40 && !html.includes(s.slice(0, 40)));
			expect(inMarkup, route).toEqual([]);
		}
	});

	test('the web fonts load from the page origin', async ({ page }) => {
		await page.goto('./');
		await page.evaluate(() => document.fonts.ready);
		const loaded = await page.evaluate(() =>
			[...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)
		);
		expect(loaded).toEqual(expect.arrayContaining(['Source Serif 4 Variable', 'Inter Variable']));
	});
});

for (const viewport of [phone.viewport, { width: 1280, height: 800 }]) {
	test(`the font swap moves nothing at ${viewport.width}px`, async ({ page }) => {
		await page.setViewportSize(viewport);
		// Slow fonts: the page first paints in the size-adjusted fallbacks, then swaps.
		await page.route('**/*.woff2', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 600));
			await route.continue();
		});
		await page.addInitScript(() => {
			const w = window as unknown as { layoutShift: number };
			w.layoutShift = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries())
					w.layoutShift += (entry as unknown as { value: number }).value;
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto('./');
		await page.evaluate(() => document.fonts.ready);
		await page.waitForTimeout(200);
		expect(
			await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)
		).toBe(0);
	});
}

test.describe('paint first', () => {
	test.use(phone);

	for (const route of ['./', './embed/', './present/']) {
		test(`${route}: the first paint waits for no script and no map outline`, async ({ page }) => {
			await page.goto(route);
			await page.waitForLoadState('networkidle');
			const early = await page.evaluate(() => {
				const paint = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
				return performance
					.getEntriesByType('resource')
					.filter((r) => /\.js$|map\.svg$/.test(new URL(r.name).pathname))
					.filter((r) => r.startTime < paint)
					.map((r) => r.name);
			});
			expect(early, 'requested before the first paint').toEqual([]);
		});

		test(`${route}: the web fonts are asked for from the head, before the first paint`, async ({
			page
		}) => {
			await page.goto(route);
			await page.evaluate(() => document.fonts.ready);
			const { preloaded, fonts } = await page.evaluate(() => {
				const paint = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
				return {
					preloaded: [...document.querySelectorAll<HTMLLinkElement>('link[rel=preload][as=font]')]
						.map((l) => l.href)
						.sort(),
					fonts: performance
						.getEntriesByType('resource')
						.filter((r) => r.name.endsWith('.woff2'))
						.map((r) => ({ url: r.name, beforePaint: r.startTime < paint }))
						.sort((a, b) => a.url.localeCompare(b.url))
				};
			});
			expect(fonts.map((f) => f.url)).toEqual(preloaded);
			expect(fonts.every((f) => f.beforePaint)).toBe(true);
			expect(preloaded).toHaveLength(2);
		});
	}

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('the map outlines load as the page is parsed', async ({ page }) => {
			const loaded: string[] = [];
			page.on('requestfinished', (r) => loaded.push(new URL(r.url()).pathname));
			await page.goto('./');
			await page.waitForLoadState('networkidle');
			expect(loaded.filter((path) => path.endsWith('/map.svg'))).not.toEqual([]);
		});
	});
});

test.describe('served under a subpath', () => {
	test('loads every asset and hydrates', async ({ page }) => {
		const requests: string[] = [];
		page.on('requestfinished', (r) => requests.push(r.url()));
		await page.goto(SUBPATH);
		await page.evaluate(() => document.fonts.ready);
		await enhanced(page);
		expect(requests.length).toBeGreaterThan(5);
		expect(requests.filter((url) => !url.startsWith(SUBPATH))).toEqual([]);
		expect(await visibleText(page)).toContain(sentences[0]);
		await page
			.getByRole('navigation', { name: LABELS.accountsNav })
			.getByRole('link', { name: STORY.sections.at(-1)!.who })
			.click();
		await expect(page).toHaveURL(`${SUBPATH}#${ID.last}`);
	});

	test('a folder URL without its slash redirects to it', async ({ page }) => {
		await page.goto(SUBPATH.replace(/\/$/, ''));
		expect(page.url()).toBe(SUBPATH);
	});
});

test.describe('a link from one page to another', () => {
	/** A link the page does not have today, as a newsroom may add one, followed once hydrated. */
	async function follow(page: Page, href: string) {
		await page.evaluate((href) => {
			(window as unknown as { before: boolean }).before = true;
			const link = Object.assign(document.createElement('a'), { href, textContent: 'go' });
			link.id = 'added-link';
			// Above the presenter's full-screen layout.
			Object.assign(link.style, { position: 'fixed', top: '0', left: '0', zIndex: '99' });
			document.body.prepend(link);
		}, href);
		await page.locator('#added-link').click();
		// A new document: Kit's client router did not render the page over the old one (while the
		// old one goes, asking throws).
		await expect.poll(() => page.evaluate(() => 'before' in window).catch(() => true)).toBe(false);
	}

	test('loads it whole, never rendered by the client router (its static parts would be blank)', async ({
		page
	}) => {
		await page.goto('./');
		await enhanced(page);
		await follow(page, './present/#/4');
		await expect(page.locator('[data-present]')).toHaveAttribute('data-slide', '4');
		await expect(page.locator('.map-pane svg.locator-map [data-layer]').first()).toBeAttached();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

		await follow(page, `../#${ID.middle}`);
		await enhanced(page);
		await expect(page.locator(`#${ID.middle} h2`)).toBeInViewport();
		await expect(page.locator(`#${ID.middle} p`).first()).not.toBeEmpty();
		await expect(page.locator('[data-graphic]')).toHaveAttribute('data-active', ID.middle);
	});
});
