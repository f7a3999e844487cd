import type { Page } from '@playwright/test';
import { FIGURES, UNIT_CHARTS } from '../story';
import { enhanced, expect, phone, test } from './fixtures';

/** Each counter: the figure as its sentence writes it, and the words around it. */
const COUNTERS = FIGURES.map(({ id, display, lead, tail }) => ({
	id,
	final: display,
	sentence: `${lead} ${display} ${tail}`
}));
const filled = (page: Page, id: string) =>
	page.locator(`[data-unit-chart="${id}"] [data-unit][data-filled]`);

test.use(phone);

/** Records every text the counters show, and layout shifts, from the first script on. */
async function record(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { counts: Record<string, string[]>; shift: number };
		w.counts = {};
		w.shift = 0;
		new MutationObserver((records) => {
			for (const r of records) {
				const el = (r.target.nodeType === 1 ? r.target : r.target.parentElement) as Element | null;
				const id = el?.closest('[data-counter]')?.getAttribute('data-counter');
				if (id) (w.counts[id] ??= []).push(el!.closest('[data-counter]')!.textContent ?? '');
			}
		}).observe(document, { childList: true, characterData: true, subtree: true });
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.shift += (e as unknown as { value: number }).value;
		}).observe({ type: 'layout-shift', buffered: true });
	});
}
const recorded = (page: Page) =>
	page.evaluate(() => {
		const { counts, shift } = window as unknown as {
			counts: Record<string, string[]>;
			shift: number;
		};
		return { counts, shift };
	});

/** Scrolls like a reader, a little at a time, until the figure sits in the middle of the screen. */
async function readTo(page: Page, id: string) {
	await page.mouse.move(180, 500);
	for (let i = 0; i < 300; i++) {
		const top = await page
			.locator(`[data-figure="${id}"]`)
			.evaluate((el) => el.getBoundingClientRect().top);
		if (top < 320) return;
		await page.mouse.wheel(0, 120);
		await page.waitForTimeout(30);
	}
}

for (const { id, final, sentence } of COUNTERS) {
	test(`the ${id} counter counts up once, in view, to ${final}, without moving anything`, async ({
		page
	}) => {
		await record(page);
		await page.goto('./');
		await enhanced(page);
		await readTo(page, id);
		const counter = page.locator(`[data-counter="${id}"]`);
		await expect(counter).toHaveText(final);
		const { counts, shift } = await recorded(page);
		// The parser's own insertion of the final value comes first; the count starts at 0.
		const all = (counts[id] ?? []).map((t) => Number(t.replace(/,/g, '')));
		const shown = all.slice(all.indexOf(0));
		expect(all).toContain(0);
		expect(shown.length).toBeGreaterThan(3);
		expect(shown).toEqual([...shown].sort((a, b) => a - b));
		expect(shown.at(-1)).toBe(Number(final.replace(/,/g, '')));
		expect(shift).toBe(0);

		// Screen readers get the sentence with the final number, never the ticking digits.
		expect(await page.locator(`[data-figure="${id}"] p`).ariaSnapshot()).toContain(sentence);

		// Back up and down again: it stays put.
		const before = (await recorded(page)).counts[id]!.length;
		await page.mouse.wheel(0, -1500);
		await page.waitForTimeout(200);
		await readTo(page, id);
		await page.waitForTimeout(500);
		expect((await recorded(page)).counts[id]!.length).toBe(before);
		await expect(counter).toHaveText(final);
	});
}

for (const { id, value, display, chartLabel } of UNIT_CHARTS) {
	test(`the ${display} are drawn as ${value} figures that fill with the count, inside a 360px screen`, async ({
		page
	}) => {
		await page.goto('./');
		await enhanced(page);
		const chart = page.locator(`[data-unit-chart="${id}"]`);
		await expect(chart.locator('[data-unit]')).toHaveCount(value);
		await expect(chart).toHaveAccessibleName(chartLabel!);
		await readTo(page, id);
		await expect(filled(page, id)).toHaveCount(value);
		const box = await chart.boundingBox();
		expect(box!.x).toBeGreaterThanOrEqual(0);
		expect(box!.x + box!.width).toBeLessThanOrEqual(360);
	});
}

test('jumping straight past every counter leaves them at their final values', async ({ page }) => {
	await page.goto('./');
	await enhanced(page);
	await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
	await page.waitForTimeout(300);
	for (const { id, final } of COUNTERS)
		await expect(page.locator(`[data-counter="${id}"]`)).toHaveText(final);
	// Back up into the last counter from below the story: it was never armed, so it stays as it was.
	const last = COUNTERS.at(-1)!;
	await page
		.locator(`[data-figure="${last.id}"]`)
		.evaluate((figure) => figure.scrollIntoView({ block: 'center' }));
	await page.waitForTimeout(500);
	await expect(page.locator(`[data-counter="${last.id}"]`)).toHaveText(last.final);
	for (const { id, value } of UNIT_CHARTS) await expect(filled(page, id)).toHaveCount(value);
});

test.describe('with reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });

	test('counters show their final values at once and never change', async ({ page }) => {
		await record(page);
		await page.goto('./');
		await enhanced(page);
		for (const { id, final } of COUNTERS) {
			await readTo(page, id);
			await expect(page.locator(`[data-counter="${id}"]`)).toHaveText(final, { timeout: 500 });
		}
		for (const { id, value } of UNIT_CHARTS) await expect(filled(page, id)).toHaveCount(value);
		const { counts } = await recorded(page);
		for (const { id, final } of COUNTERS)
			expect(new Set(counts[id] ?? [])).toEqual(new Set([final]));
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the HTML holds the final values and the filled chart', async ({ page }) => {
		await page.goto('./');
		for (const { id, final } of COUNTERS)
			await expect(page.locator(`[data-counter="${id}"]`)).toHaveText(final);
		for (const { id, value } of UNIT_CHARTS) await expect(filled(page, id)).toHaveCount(value);
	});
});
