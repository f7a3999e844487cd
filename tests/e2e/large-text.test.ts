import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { ID, STEPS } from '../story';
import { enhanced, expect, phone, test } from './fixtures';

// Larger text as older readers set it: Android's font scale and the browsers' text size settings
// raise the default font size, which the root's font size (and so every rem) follows. Emulated by
// a font size on the root, set after load; one test uses Chromium's own default font size too.
const SIZES = [150, 200] as const;
const PHONES = [phone, { ...phone, viewport: { width: 390, height: 844 } }];
/** One account's own page, the address shared for one person. */
const ACCOUNT_PAGE = `./${ID.middle}/`;
const ROUTES = [
	'./',
	ACCOUNT_PAGE,
	'./embed/',
	'./embed/frame/',
	'./present/',
	'./present/notes/',
	'./share/'
];
/** The map area the map's labels are placed for (PHONE_MAP in src/lib/map/project.server.ts). */
const LABELLED_MAP_HEIGHT = 200;
/** Pictures of each case, to look at: a page can pass every measure and still look wrong. */
const SHOTS = 'large-text-shots';
mkdirSync(SHOTS, { recursive: true });

/** Every measure after it lays the page out again, container queries too. */
async function setTextSize(page: Page, percent: number) {
	await page.evaluate((p) => {
		document.documentElement.style.fontSize = p === 100 ? '' : `${p}%`;
	}, percent);
}

/** Opens a route; an account's page without its redirect, so that the page itself is measured. */
async function open(page: Page, route: string) {
	if (route === ACCOUNT_PAGE) {
		await page.route(`**/${ID.middle}/`, async (request) => {
			const response = await request.fetch();
			const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '');
			await request.fulfill({ response, body });
		});
	}
	await page.goto(route);
	await page.waitForLoadState('networkidle');
}

/**
 * The page's width, and every visible box that runs past either side of a screen `width` wide,
 * unless something around it clips it on purpose (the map inside its box, a visually hidden
 * label). A phone browser widens its layout viewport to such a box, so innerWidth is measured too.
 */
function sideways(page: Page, width: number) {
	return page.evaluate((width) => {
		const clips = (el: Element) => {
			const style = getComputedStyle(el);
			return (
				style.overflowX !== 'visible' ||
				style.clipPath !== 'none' ||
				/strict|paint/.test(style.contain)
			);
		};
		const outside: string[] = [];
		for (const el of document.body.querySelectorAll('*')) {
			if (!el.checkVisibility({ visibilityProperty: true })) continue;
			const box = el.getBoundingClientRect();
			if (box.width === 0 && box.height === 0) continue;
			if (box.right <= width + 0.5 && box.left >= -0.5) continue;
			let clipped = false;
			for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
				const edge = a.getBoundingClientRect();
				if (clips(a) && (a !== el || edge.width <= 1) && edge.right <= width + 0.5) {
					clipped = true;
					break;
				}
			}
			if (!clipped) {
				const text = el.textContent?.trim().slice(0, 30);
				outside.push(`${el.tagName.toLowerCase()}.${el.classList[0] ?? ''} "${text}" ${box.right}`);
			}
		}
		return {
			scrollWidth: document.documentElement.scrollWidth,
			innerWidth,
			outside
		};
	}, width);
}

async function expectNoSidewaysScroll(page: Page, width: number, at: string) {
	const found = await sideways(page, width);
	expect(found.outside, at).toEqual([]);
	expect(found.scrollWidth, at).toBeLessThanOrEqual(width);
	expect(found.innerWidth, at).toBe(width);
}

for (const use of PHONES) {
	const { width, height } = use.viewport;
	test.describe(`a phone at ${width}x${height}`, () => {
		test.use(use);

		for (const route of ROUTES) {
			test(`${route} never scrolls sideways at ${SIZES.join(' and ')} % text`, async ({ page }) => {
				await open(page, route);
				const slides =
					route === './present/'
						? Number(await page.locator('[data-present]').getAttribute('data-slides'))
						: 1;
				for (const size of SIZES) {
					await setTextSize(page, size);
					for (let n = 1; n <= slides; n++) {
						if (slides > 1) {
							await page.evaluate((n) => (location.hash = `#/${n}`), n);
							await expect(page.locator('[data-present]')).toHaveAttribute('data-slide', String(n));
						}
						await expectNoSidewaysScroll(
							page,
							width,
							`${size} %${slides > 1 ? `, slide ${n}` : ''}`
						);
					}
				}
			});
		}

		test('the flat story without JavaScript never scrolls sideways at large text', async ({
			browser
		}) => {
			const context = await browser.newContext({ ...use, javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto(new URL('./', test.info().project.use.baseURL).href);
			for (const size of SIZES) {
				await setTextSize(page, size);
				await expectNoSidewaysScroll(page, width, `${size} %`);
				await expect(
					page.locator(`[data-inline-map="${ID.second}"] svg.locator-map`)
				).toBeVisible();
			}
			await context.close();
		});

		test.describe('the sticky graphic', () => {
			test.use({ reducedMotion: 'reduce' });

			test(`keeps a map its labels fit, one size at every step, and its chapter links inside it, at 100, ${SIZES.join(' and ')} % text`, async ({
				page
			}) => {
				await page.goto('./');
				await enhanced(page);
				const graphic = page.locator('[data-graphic]');
				for (const size of [100, ...SIZES]) {
					await setTextSize(page, size);
					const mapHeights = new Set<number>();
					for (const step of STEPS) {
						await page.evaluate((step) => {
							document
								.querySelector(`[data-step="${step}"]`)!
								.scrollIntoView({ behavior: 'instant' });
						}, step);
						await expect(graphic).toHaveAttribute('data-active', step);
						await expect(page.locator('[data-graphic] [data-motion="running"]')).toHaveCount(0);
						const at = `${size} %, ${step}`;
						const m = await measureGraphic(page, step);

						// The map: at least the area its labels are placed for, no wider than 2:1 (the
						// land drawn around a view runs out beyond that), most of the graphic.
						expect(m.map.height, at).toBeGreaterThanOrEqual(LABELLED_MAP_HEIGHT);
						expect(m.map.width / m.map.height, at).toBeLessThanOrEqual(2);
						expect(m.map.height / m.graphic.height, at).toBeGreaterThanOrEqual(0.6);
						mapHeights.add(Math.round(m.map.height * 4) / 4);
						// Where the person is: every place the step names, inside the map.
						for (const place of m.places)
							expect(within(place.box, m.map), `${at}: ${place.name}`).toBe(true);

						// The chapter links: every one inside the graphic, none too small to tap.
						for (const link of m.links) {
							expect(within(link, m.graphic), at).toBe(true);
							expect(link.height, at).toBeGreaterThanOrEqual(44);
							expect(link.width, at).toBeGreaterThanOrEqual(44);
						}
						// The current account's name shows in full, inside the graphic, as does the key.
						if (step !== 'intro') {
							expect(m.current?.text, at).toBe(m.current?.name);
							expect(within(m.current!.box, m.graphic), at).toBe(true);
						}
						expect(within(m.key, m.graphic), at).toBe(true);

						if (size > 100 && ['intro', ID.second, ID.beforeLast].includes(step)) {
							await page.screenshot({
								path: `${SHOTS}/story-${step}-${width}x${height}-${size}.png`
							});
						}
					}
					expect([...mapHeights], `${size} %: the map's height at every step`).toHaveLength(1);
				}
			});
		});
	});
}

interface Box {
	left: number;
	right: number;
	top: number;
	bottom: number;
	width: number;
	height: number;
}
const within = (inner: Box, outer: Box) =>
	inner.left >= outer.left - 0.5 &&
	inner.right <= outer.right + 0.5 &&
	inner.top >= outer.top - 0.5 &&
	inner.bottom <= outer.bottom + 0.5;

/** The graphic's parts as a reader sees them: boxes of the graphic, its map, links, name and key. */
function measureGraphic(page: Page, step: string) {
	return page.evaluate((step) => {
		const box = (el: Element) => {
			const { left, right, top, bottom, width, height } = el.getBoundingClientRect();
			return { left, right, top, bottom, width, height };
		};
		const graphic = document.querySelector('[data-graphic]')!;
		const current = graphic.querySelector('.chapter-nav a[aria-current] .name');
		return {
			graphic: box(graphic),
			map: box(graphic.querySelector('svg.locator-map')!),
			places: [...graphic.querySelectorAll(`[data-layer="${step}"] .place`)].map((place) => ({
				name: place.textContent ?? '',
				box: box(place.querySelector('circle')!)
			})),
			links: [...graphic.querySelectorAll('.chapter-nav a')].map(box),
			current: current && {
				box: box(current),
				name: current.textContent,
				// What shows of it: a clamped or clipped name is cut where its box ends.
				text:
					current.scrollWidth <= current.clientWidth + 1 &&
					current.scrollHeight <= current.clientHeight + 1
						? current.textContent
						: 'cut'
			},
			key: box(graphic.querySelector('.map-key')!)
		};
	}, step);
}

test('Chromium’s own default font size and the root’s font size lay the phone graphic out alike', async ({
	browser
}) => {
	const measure = async (page: Page) => {
		await page.evaluate(
			(id) =>
				document.querySelector(`[data-step="${id}"]`)!.scrollIntoView({ behavior: 'instant' }),
			ID.second
		);
		await expect(page.locator('[data-graphic]')).toHaveAttribute('data-active', ID.second);
		return page.evaluate(() => {
			const height = (selector: string) =>
				document.querySelector(selector)!.getBoundingClientRect().height;
			return {
				rootFontSize: getComputedStyle(document.documentElement).fontSize,
				scrollWidth: document.documentElement.scrollWidth,
				graphic: height('[data-graphic]'),
				map: height('[data-graphic] svg.locator-map'),
				nav: height('.chapter-nav'),
				key: height('[data-graphic] .map-key')
			};
		});
	};
	const options = { ...phone, reducedMotion: 'reduce' as const };
	const base = test.info().project.use.baseURL;

	const styled = await browser.newContext(options);
	const page = await styled.newPage();
	await page.goto(new URL('./', base).href);
	await enhanced(page);
	await setTextSize(page, 200);
	const byStyle = await measure(page);
	await styled.close();

	const defaults = await browser.newContext(options);
	const other = await defaults.newPage();
	const cdp = await defaults.newCDPSession(other);
	await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
	await other.goto(new URL('./', base).href);
	await enhanced(other);
	const byDefault = await measure(other);
	await defaults.close();

	expect(byStyle.rootFontSize).toBe('32px');
	expect(byDefault).toEqual(byStyle);
});

for (const viewport of [
	{ width: 1024, height: 768 },
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 }
]) {
	const { width, height } = viewport;
	test.describe(`${width}x${height}`, () => {
		test.use({ viewport });

		test(`the presenter keeps every slide on the screen at ${SIZES.join(' and ')} % text`, async ({
			page
		}) => {
			await page.goto('./present/');
			const present = page.locator('[data-present]');
			const total = Number(await present.getAttribute('data-slides'));
			for (const size of SIZES) {
				await setTextSize(page, size);
				for (let n = 1; n <= total; n++) {
					await page.evaluate((n) => (location.hash = `#/${n}`), n);
					await expect(present).toHaveAttribute('data-slide', String(n));
					const at = `${size} %, slide ${n}`;
					const { scroll, outside } = await page
						.locator('[data-present] section:visible')
						.evaluate((slide) => ({
							scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
							outside: [slide, ...slide.querySelectorAll('*')]
								.filter((el) => !(el instanceof SVGElement && el.ownerSVGElement))
								.filter((el) => {
									const r = el.getBoundingClientRect();
									return (
										r.width > 0 &&
										(r.left < -1 ||
											r.top < -1 ||
											r.right > innerWidth + 1 ||
											r.bottom > innerHeight + 1)
									);
								})
								.map((el) => el.outerHTML.slice(0, 60))
						}));
					expect(scroll, at).toEqual([width, height]);
					expect(outside, at).toEqual([]);
					if (width === 1024 && size === 200 && (n === 1 || n === 4)) {
						await expect(page.locator('[data-motion="running"]')).toHaveCount(0);
						await page.screenshot({
							path: `${SHOTS}/present-slide${n}-${width}x${height}-${size}.png`
						});
					}
				}
			}
		});

		test(`the speaker view keeps its timer and both previews on the screen at ${SIZES.join(' and ')} % text`, async ({
			page
		}) => {
			await page.goto('./present/notes/');
			for (const size of SIZES) {
				await setTextSize(page, size);
				const at = `${size} %`;
				await expectNoSidewaysScroll(page, width, at);
				// The notes themselves run on below, as at the default size: the page scrolls down to them.
				for (const part of [
					'[data-present-notes] header',
					'[data-present-notes] .pacing',
					'[data-preview="current"]',
					'[data-preview="next"]'
				]) {
					const box = (await page.locator(part).boundingBox())!;
					expect(box.y + box.height, `${at}: ${part}`).toBeLessThanOrEqual(height);
				}
				if (width === 1280 && size === 200) {
					await page.screenshot({ path: `${SHOTS}/notes-${width}x${height}-${size}.png` });
				}
			}
		});
	});
}

test.describe('accessibility (axe) at 200 % text', () => {
	const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
	for (const [route, spot, use] of [
		['./', '', phone],
		['./', `#${ID.middle}`, phone],
		[ACCOUNT_PAGE, '', phone],
		['./embed/', '', phone],
		['./share/', '', phone],
		['./present/', '', { viewport: { width: 1024, height: 768 } }],
		['./present/notes/', '', { viewport: { width: 1024, height: 768 } }]
	] as const) {
		test.describe(`${route}${spot}`, () => {
			test.use({ ...use, reducedMotion: 'reduce' });
			test('has no violations', async ({ page }) => {
				await open(page, route);
				await setTextSize(page, 200);
				if (spot) {
					await page.evaluate(
						(id) => document.getElementById(id)!.scrollIntoView({ behavior: 'instant' }),
						spot.slice(1)
					);
				}
				await page.waitForTimeout(400);
				const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
				expect(
					violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
				).toEqual([]);
			});
		});
	}
});
