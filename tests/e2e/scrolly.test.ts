import type { Page } from '@playwright/test';
import { addressOf, setTextSize, SIDE_BY_SIDE, stepsAt } from '../paths/reading';
import { ACCOUNTS, ID, STEPS, shortOf } from '../story';
import { enhanced, expect, phone, test } from './fixtures';

const graphic = (page: Page) => page.locator('[data-graphic]');

/** Records every value `data-active` and the map's viewBox take, from the first script on. */
async function recordGraphic(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { actives: string[]; views: string[] };
		w.actives = [];
		w.views = [];
		new MutationObserver((records) => {
			for (const r of records) {
				const el = r.target as Element;
				if (r.attributeName === 'data-active') w.actives.push(el.getAttribute('data-active') ?? '');
				if (r.attributeName === 'viewBox' && el.closest('[data-graphic]'))
					w.views.push(el.getAttribute('viewBox') ?? '');
			}
		}).observe(document, {
			attributes: true,
			subtree: true,
			attributeFilter: ['data-active', 'viewBox']
		});
	});
}
const recorded = (page: Page) =>
	page.evaluate(() => {
		const w = window as unknown as { actives: string[]; views: string[] };
		return { actives: w.actives, views: w.views };
	});

/** The view a step should settle on: its inline (no-JS) map carries the same state. */
const viewOf = (page: Page, step: string) =>
	page.locator(`[data-inline-map="${step}"] svg.locator-map`).getAttribute('viewBox');
const numbers = (view: string | null) => (view ?? '').split(/\s+/).map(Number);

/** The settled picture: the step's view, its layer alone visible. */
async function expectSettledOn(page: Page, step: string) {
	await expect(graphic(page)).toHaveAttribute('data-active', step);
	const target = numbers(await viewOf(page, step));
	await expect
		.poll(async () =>
			Math.max(
				...numbers(await graphic(page).locator('svg.locator-map').getAttribute('viewBox')).map(
					(n, i) => Math.abs(n - target[i]!)
				)
			)
		)
		.toBeLessThan(0.01);
	await expect
		.poll(() =>
			graphic(page)
				.locator('svg.locator-map [data-layer]')
				.evaluateAll((layers) =>
					layers
						.filter(
							(l) =>
								getComputedStyle(l).visibility === 'visible' &&
								Number(getComputedStyle(l).opacity) > 0.99
						)
						.map((l) => l.getAttribute('data-layer'))
				)
		)
		.toEqual([step, step]);
}

async function scrollThrough(page: Page, check?: (step: string) => Promise<void>) {
	const seen: string[] = [];
	for (let i = 0; i < 400; i++) {
		const step = await graphic(page).getAttribute('data-active');
		if (step && seen.at(-1) !== step) {
			seen.push(step);
			await check?.(step);
		}
		const atEnd = await page.evaluate(
			() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2
		);
		if (atEnd) break;
		await page.mouse.wheel(0, 250);
		await page.waitForTimeout(40);
	}
	await page.waitForTimeout(300);
	const last = await graphic(page).getAttribute('data-active');
	if (last && seen.at(-1) !== last) seen.push(last);
	return seen;
}

const LAYOUTS = [
	['360x640 phone', phone],
	['1280x800 desktop', { viewport: { width: 1280, height: 800 } }],
	['390x844 phone', { ...phone, viewport: { width: 390, height: 844 } }],
	['844x390 phone on its side', { ...phone, viewport: { width: 844, height: 390 } }]
] as const;

for (const [name, use] of LAYOUTS) {
	test.describe(`on a ${name}`, () => {
		test.use(use);

		test('scrolling down walks the graphic through every step in order, always in view', async ({
			page
		}) => {
			await page.goto('./');
			await enhanced(page);
			await page.mouse.move(100, 200);
			const seen = await scrollThrough(page, async (step) => {
				// The intro starts under the headline; from the first account on, the graphic holds.
				if (step !== 'intro') await expect(graphic(page)).toBeInViewport({ ratio: 0.9 });
			});
			expect(seen).toEqual(STEPS);
		});
	});
}

for (const [name, use] of LAYOUTS.slice(0, 2)) {
	test.describe(`on a ${name}`, () => {
		test.use(use);

		test('scrolling back up walks back in reverse', async ({ page }) => {
			await page.goto(`./#${ID.last}`);
			await expectSettledOn(page, ID.last);
			await page.mouse.move(100, 300);
			const seen: string[] = [];
			for (let i = 0; i < 400 && (await page.evaluate(() => scrollY > 0)); i++) {
				const step = await graphic(page).getAttribute('data-active');
				if (step && seen.at(-1) !== step) seen.push(step);
				await page.mouse.wheel(0, -250);
				await page.waitForTimeout(40);
			}
			await page.waitForTimeout(300);
			const step = await graphic(page).getAttribute('data-active');
			if (step && seen.at(-1) !== step) seen.push(step);
			expect(seen).toEqual([...STEPS].reverse());
		});

		test('a deep link opens on that account, cut, without passing through the intro', async ({
			page
		}) => {
			await recordGraphic(page);
			await page.goto(`./#${ID.second}`);
			await expectSettledOn(page, ID.second);
			const { actives, views } = await recorded(page);
			expect(actives.filter((a) => a !== ID.second)).toEqual([]);
			const target = await viewOf(page, ID.second);
			expect(
				new Set(
					views.map((v) =>
						numbers(v)
							.map((n) => n.toFixed(1))
							.join(' ')
					)
				)
			).toEqual(
				new Set([
					numbers(target)
						.map((n) => n.toFixed(1))
						.join(' ')
				])
			);
		});
	});
}

test('resizing 360 → 1280 → 360 at an account keeps that account', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 640 });
	await page.goto(`./#${ID.middle}`);
	await expectSettledOn(page, ID.middle);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.waitForTimeout(400);
	await expectSettledOn(page, ID.middle);
	await page.setViewportSize({ width: 360, height: 640 });
	await page.waitForTimeout(400);
	await expectSettledOn(page, ID.middle);
	await expect(page.locator(`#${ID.middle} h2`)).toBeInViewport();
});

test('rotating a phone keeps the account', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`./#${ID.beforeLast}`);
	await expectSettledOn(page, ID.beforeLast);
	await page.setViewportSize({ width: 844, height: 390 });
	await page.waitForTimeout(400);
	await expectSettledOn(page, ID.beforeLast);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.waitForTimeout(400);
	await expectSettledOn(page, ID.beforeLast);
});

test('an address typed while a deep link is still arriving wins', async ({ page }) => {
	// Held back, the engine arrives after the reader has already asked for another account.
	let release: () => void = () => {};
	const held = new Promise<void>((r) => (release = r));
	await page.route(/\/_app\/immutable\/chunks\/.*\.js$/, async (route) => {
		const response = await route.fetch();
		if ((await response.text()).includes('scrollama error')) await held;
		await route.fulfill({ response });
	});
	await page.setViewportSize(phone.viewport);
	await page.goto(`./#${ID.last}`);
	await enhanced(page);
	await page.evaluate((id) => (location.hash = `#${id}`), ID.beforeLast);
	release();
	await expectSettledOn(page, ID.beforeLast);
});

test('fast jumps back and forth settle on the last one', async ({ page }) => {
	await page.goto('./');
	await enhanced(page);
	await page.mouse.wheel(0, 400);
	for (const id of [
		ID.second,
		ID.last,
		ID.first,
		ID.beforeLast,
		'intro',
		ID.middle,
		ID.second,
		ID.middle
	]) {
		await page.evaluate((id) => {
			const target =
				id === 'intro'
					? document.querySelector('[data-step="intro"]')
					: document.getElementById(id);
			target?.scrollIntoView({ behavior: 'instant' });
		}, id);
		await page.waitForTimeout(60);
	}
	await expectSettledOn(page, ID.middle);
});

test.describe('with reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });

	test('the map cuts from state to state, with no frames in between', async ({ page }) => {
		await recordGraphic(page);
		await page.goto('./');
		await enhanced(page);
		await page.mouse.move(100, 300);
		await scrollThrough(page);
		const views = new Set(
			(await recorded(page)).views.map((v) =>
				numbers(v)
					.map((n) => n.toFixed(1))
					.join(' ')
			)
		);
		const targets = new Set<string>();
		for (const step of STEPS)
			targets.add(
				numbers(await viewOf(page, step))
					.map((n) => n.toFixed(1))
					.join(' ')
			);
		expect([...views].filter((v) => !targets.has(v))).toEqual([]);
	});
});

test('the chapter control jumps to an account, keeps history flat and moves focus', async ({
	page
}) => {
	await page.goto('./');
	await enhanced(page);
	const before = await page.evaluate(() => history.length);
	await page.mouse.wheel(0, 900);
	const nav = graphic(page).getByRole('navigation');
	const link = (id: string) => nav.getByRole('link', { name: shortOf(id), exact: true });
	await link(ID.middle).click();
	await expectSettledOn(page, ID.middle);
	await expect(page).toHaveURL(new RegExp(`#${ID.middle}$`));
	await expect(page.locator(`#${ID.middle} h2`)).toBeFocused();
	await expect(link(ID.middle)).toHaveAttribute('aria-current', 'step');
	await link(ID.second).click();
	await expectSettledOn(page, ID.second);
	expect(await page.evaluate(() => history.length)).toBe(before);
});

test('the address follows the account being read', async ({ page }) => {
	await page.goto('./');
	await enhanced(page);
	await page.mouse.move(100, 300);
	await page.evaluate(
		(id) => document.getElementById(id)?.scrollIntoView({ behavior: 'instant' }),
		ID.second
	);
	await page.mouse.wheel(0, 100);
	await expect(page).toHaveURL(new RegExp(`#${ID.second}$`));
	// Back at the top, a link shared from there opens at the top.
	await page.keyboard.press('Home');
	await expectSettledOn(page, 'intro');
	await expect.poll(() => page.evaluate(() => location.href)).toMatch(/\/$/);
});

test('an address typed while the page still glides goes to its account', async ({ page }) => {
	await page.goto(`./#${ID.last}`);
	await expectSettledOn(page, ID.last);
	await page.mouse.move(100, 600);
	await page.keyboard.press('PageUp');
	// Chromium drops its own jump to the fragment while a smooth scroll runs.
	await page.waitForTimeout(150);
	await page.evaluate((id) => (location.hash = `#${id}`), ID.first);
	await expectSettledOn(page, ID.first);
	await expect(page).toHaveURL(new RegExp(`#${ID.first}$`));
});

/**
 * Once the page rests: the graphic shows the step the reader reads (stepsAt, as the generated
 * walks judge it) and the address names it.
 */
async function expectAddressOnWhatShows(page: Page) {
	await expect
		.poll(
			async () => {
				const shown = (await graphic(page).getAttribute('data-active')) ?? '';
				const at = await page.evaluate(stepsAt, { side: SIDE_BY_SIDE });
				const hash = await page.evaluate(() => location.hash);
				return at.includes(shown) && hash === addressOf(shown);
			},
			{ timeout: 10_000 }
		)
		.toBe(true);
}

test('a jump cut short by a key leaves the address on what the reader sees', async ({ page }) => {
	await page.goto(`./#${ID.middle}`);
	await expectSettledOn(page, ID.middle);
	await page.mouse.move(100, 600);
	await graphic(page).locator(`nav a[href="#${ID.last}"]`).click();
	await page.waitForTimeout(50);
	await page.keyboard.press('PageDown');
	await expectAddressOnWhatShows(page);
});

test('reloaded in the middle of a jump, the story shows where the page was put back', async ({
	page
}) => {
	await page.goto(`./#${ID.first}`);
	await expectSettledOn(page, ID.first);
	await graphic(page).locator(`nav a[href="#${ID.middle}"]`).click();
	await page.waitForTimeout(150);
	await page.reload();
	await enhanced(page);
	await expectAddressOnWhatShows(page);
});

test('a larger text setting keeps the reader in the account being read', async ({ page }) => {
	await page.goto(`./#${ID.second}`);
	await expectSettledOn(page, ID.second);
	await page.mouse.move(100, 600);
	await page.mouse.wheel(0, 200);
	for (const percent of [200, 150, 100]) {
		await page.evaluate(setTextSize, percent);
		await expectAddressOnWhatShows(page);
		await expect(graphic(page)).toHaveAttribute('data-active', ID.second);
	}
});

test('a larger text setting before any input keeps a deep link on its account', async ({
	page
}) => {
	await page.goto(`./#${ID.second}`);
	await expectSettledOn(page, ID.second);
	for (const percent of [200, 150, 100]) {
		await page.evaluate(setTextSize, percent);
		await expectAddressOnWhatShows(page);
		await expect(graphic(page)).toHaveAttribute('data-active', ID.second);
	}
});

test('an empty address typed during a glide goes to the top', async ({ page }) => {
	await page.goto(`./#${ID.middle}`);
	await expectSettledOn(page, ID.middle);
	await page.mouse.move(100, 600);
	await page.keyboard.press('PageDown');
	await page.evaluate(() => (location.hash = ''));
	await expectSettledOn(page, 'intro');
	await expectAddressOnWhatShows(page);
});

test('the map figure describes the current state in words', async ({ page }) => {
	const { id, mapCaption } = ACCOUNTS.find((a) => a.id === ID.beforeLast)!;
	await page.goto(`./#${id}`);
	await expectSettledOn(page, id);
	// Every state's caption is laid out (the area keeps one height); only the current one shows.
	const shown = graphic(page).locator('figcaption .caption').filter({ visible: true });
	await expect(shown).toHaveCount(1);
	await expect(shown).toHaveText(mapCaption);
	await expect(graphic(page)).toHaveAccessibleName(/./);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, ...phone });

	test('each step shows its own map inline, and no sticky graphic', async ({ page }) => {
		await page.goto('./');
		await expect(graphic(page)).toBeHidden();
		const maps = page.locator('[data-inline-map]');
		await expect(maps).toHaveCount(STEPS.length);
		for (const step of STEPS) {
			const map = page.locator(`[data-inline-map="${step}"]`);
			await expect(map).toBeVisible();
			await expect(map.locator('figcaption')).not.toBeEmpty();
			const box = await map.locator('svg.locator-map').boundingBox();
			expect(box!.height).toBeGreaterThan(150);
		}
		// The map with the most places names each of them.
		const { id, places } = ACCOUNTS.reduce((a, b) => (b.places.length > a.places.length ? b : a));
		await expect(page.locator(`[data-inline-map="${id}"] text`)).toContainText(
			places.map((p) => p.name)
		);
	});
});
