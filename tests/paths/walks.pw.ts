import { test, expect, type Browser } from '@playwright/test';
import { RUN } from './report';
import { SLIDES, type Surface } from './reading';
import { embedSurface, presenterSurface, storySurface, wordpressSurface } from './surfaces';
import { reported, Walker } from './walking';

const SURFACES: Surface<never>[] = [
	storySurface({ width: 360, height: 640 }, true, [
		{ width: 640, height: 360 },
		{ width: 412, height: 915 }
	]),
	storySurface({ width: 1280, height: 800 }, false, [
		{ width: 800, height: 1280 },
		{ width: 1024, height: 768 }
	]),
	embedSurface({ width: 390, height: 844 }, true, [{ width: 844, height: 390 }]),
	embedSurface({ width: 1280, height: 800 }, false, [
		{ width: 800, height: 1280 },
		{ width: 1024, height: 768 }
	]),
	wordpressSurface({ width: 390, height: 844 }, true, [{ width: 844, height: 390 }]),
	wordpressSurface({ width: 1280, height: 800 }, false, [
		{ width: 800, height: 1280 },
		{ width: 1024, height: 768 }
	]),
	presenterSurface({ width: 1920, height: 1080 }, SLIDES),
	presenterSurface({ width: 1024, height: 768 }, SLIDES)
] as Surface<never>[];

/** One walker per worker's browser: it keeps that browser's deep-link pictures. */
const walkers = new WeakMap<Browser, Walker<Browser>>();
const walkerIn = (browser: Browser) => {
	if (!walkers.has(browser)) walkers.set(browser, new Walker(browser));
	return walkers.get(browser)!;
};

for (const surface of SURFACES) {
	test(`${surface.name}: generated walks settle on the deep link's picture`, async ({
		browser
	}) => {
		if (walkerIn(browser).only(surface) === null) test.skip(true, `replaying ${RUN.only} only`);
		const walks = await walkerIn(browser).generated(
			surface,
			Math.max(1, Math.round(RUN.walks / SURFACES.length))
		);
		expect(
			reported('chromium', 'walks', surface.name, walks),
			`replay one with: npm run test:paths -- --seed ${RUN.seed} --runs ${RUN.walks} --only "<name>"`
		).toEqual([]);
	});

	test(`${surface.name}: paging forward through everything and back, each stop as its deep link`, async ({
		browser
	}) => {
		test.skip(!!RUN.only, `replaying ${RUN.only} only`);
		const paging = await walkerIn(browser).paging(surface);
		expect(reported('chromium', 'paging', surface.name, paging)).toEqual([]);
	});
}

test('the deck has the slides these walks expect', async ({ page }) => {
	await page.goto('present/');
	await expect(page.locator('[data-present]')).toHaveAttribute('data-slides', String(SLIDES));
});
