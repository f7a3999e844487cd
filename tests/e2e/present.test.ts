import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalize } from '../source-text';
import { ACCOUNTS, ID, LABELS, SLIDES, STORY, slideOf } from '../story';
import { expect, test } from './fixtures';
import { hasPoppler, readPdf } from './pdf';

const present = (page: Page) => page.locator('[data-present]');
const TOTAL = String(SLIDES.length);
/** An account's slide, inside the deck. */
const ACCOUNT_SLIDE = slideOf(ID.middle);
const section = STORY.sections.find((s) => s.id === ID.middle)!;
/** A pace readout: a time (a pattern), then a label of the copy, literally. */
function paced(time: string, label: string): RegExp {
	const literal = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^${time} ${literal}$`);
}

async function open(page: Page, hash = '') {
	await page.goto(`./present/${hash}`);
	await page.locator('[data-present] svg[data-enhanced]').waitFor({ state: 'attached' });
}

/** The presenter and a speaker view in a second window of the same browser, once they talk. */
async function presenterAndNotes(context: BrowserContext) {
	const presenter = await context.newPage();
	await open(presenter);
	const notes = await context.newPage();
	await notes.goto('./present/notes/');
	const root = notes.locator('[data-present-notes]');
	// The deck answered the notes window's hello: keys pressed here now reach it.
	await expect(root).toHaveAttribute('data-connected', '');
	return { presenter, notes, root };
}

test('the presenter is a deck of slides with its position on the root', async ({ page }) => {
	await open(page);
	await expect(present(page)).toHaveAttribute('data-slide', '1');
	await expect(present(page)).toHaveAttribute('data-slides', TOTAL);
	await expect(page.locator('[data-present] section:visible')).toHaveCount(1);
});

test('every key a clicker sends moves the deck', async ({ page }) => {
	await open(page);
	let slide = 1;
	for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', 'Space', 'Enter']) {
		await page.keyboard.press(key);
		await expect(present(page)).toHaveAttribute('data-slide', String(++slide));
	}
	for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp']) {
		await page.keyboard.press(key);
		await expect(present(page)).toHaveAttribute('data-slide', String(--slide));
	}
	await page.keyboard.press('End');
	await expect(present(page)).toHaveAttribute('data-slide', TOTAL);
	await page.keyboard.press('ArrowRight');
	await expect(present(page)).toHaveAttribute('data-slide', TOTAL);
	await page.keyboard.press('Home');
	await expect(present(page)).toHaveAttribute('data-slide', '1');
	await page.keyboard.press('ArrowLeft');
	await expect(present(page)).toHaveAttribute('data-slide', '1');
});

test('B and . blank the screen and bring it back; Escape leaves the blank', async ({ page }) => {
	await open(page);
	const blank = page.locator('[data-present] .blank');
	for (const key of ['b', '.']) {
		await page.keyboard.press(key);
		await expect(present(page)).toHaveAttribute('data-blank', 'true');
		await expect(blank).toBeVisible();
		await page.keyboard.press(key);
		await expect(present(page)).not.toHaveAttribute('data-blank', 'true');
	}
	await page.keyboard.press('B');
	await page.keyboard.press('Escape');
	await expect(present(page)).not.toHaveAttribute('data-blank', 'true');
});

test('F toggles full screen', async ({ page }) => {
	await open(page);
	await page.keyboard.press('f');
	await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
	await page.keyboard.press('f');
	await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
});

test('#/N opens slide N and the address follows the deck', async ({ page }) => {
	await open(page, `#/${ACCOUNT_SLIDE}`);
	await expect(present(page)).toHaveAttribute('data-slide', String(ACCOUNT_SLIDE));
	await expect(page.locator('[data-present] section:visible h2')).toContainText(section.who);
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(new RegExp(`#/${ACCOUNT_SLIDE + 1}$`));
});

test('a swipe on a tablet moves the deck', async ({ page }) => {
	await open(page);
	await page.evaluate(() => {
		const el = document.querySelector('[data-present]')!;
		const at = (type: string, x: number) =>
			el.dispatchEvent(
				new PointerEvent(type, { pointerType: 'touch', clientX: x, clientY: 300, bubbles: true })
			);
		at('pointerdown', 600);
		at('pointerup', 300);
	});
	await expect(present(page)).toHaveAttribute('data-slide', '2');
});

test('the cursor hides after two seconds without moving', async ({ page }) => {
	await open(page);
	await page.mouse.move(300, 300);
	await expect(present(page)).not.toHaveAttribute('data-idle', '');
	await expect(present(page)).toHaveAttribute('data-idle', '', { timeout: 4000 });
});

test('the speaker notes follow the presenter, and drive it', async ({ context }) => {
	const { presenter, notes, root } = await presenterAndNotes(context);
	await expect(root).toHaveAttribute('data-slide', '1');
	await presenter.keyboard.press('ArrowRight');
	await presenter.keyboard.press('ArrowRight');
	await expect(root).toHaveAttribute('data-slide', '3');
	// The third slide's notes, and the fourth in the preview of what comes next.
	await expect(root).toContainText(SLIDES[2]!.notes[0]!);
	await expect(root.locator('[data-preview="next"]')).toHaveAttribute('data-slide', '4');
	await notes.keyboard.press('ArrowRight');
	await expect(presenter.locator('[data-present]')).toHaveAttribute('data-slide', '4');
	await expect(root).toHaveAttribute('data-slide', '4');
	await expect(root.locator('.clock')).toHaveText(/^\d\d:\d\d$/);
});

for (const viewport of [
	{ width: 1024, height: 768 },
	{ width: 1280, height: 720 },
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 }
]) {
	test(`no slide overflows ${viewport.width}x${viewport.height}, and body text is large`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		await open(page);
		for (let n = 1; n <= Number(TOTAL); n++) {
			await expect(present(page)).toHaveAttribute('data-slide', String(n));
			const outside = await page.locator('[data-present] section:visible').evaluate((slide) =>
				[slide, ...slide.querySelectorAll('*')]
					.filter((el) => !(el instanceof SVGElement && el.ownerSVGElement))
					.filter((el) => {
						const r = el.getBoundingClientRect();
						return (
							r.width > 0 &&
							(r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1)
						);
					})
					.map((el) => el.outerHTML.slice(0, 60))
			);
			expect(outside, `slide ${n}`).toEqual([]);
			const sizes = await page
				.locator('[data-present] section:visible :is(p, h1, h2)')
				.evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
			expect(Math.min(...sizes), `slide ${n}`).toBeGreaterThanOrEqual(28);
			await page.keyboard.press('ArrowRight');
		}
	});
}

test('S opens the speaker view in a new window, which follows the deck and drives it', async ({
	page,
	context
}) => {
	await open(page);
	const [notes] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
	await notes.waitForLoadState();
	expect(new URL(notes.url()).pathname).toMatch(/\/present\/notes\/$/);
	const root = notes.locator('[data-present-notes]');
	await expect(root).toHaveAttribute('data-connected', '');
	await page.bringToFront();
	await page.keyboard.press('ArrowRight');
	await expect(root).toHaveAttribute('data-slide', '2');
	await notes.bringToFront();
	await notes.keyboard.press('ArrowRight');
	await expect(present(page)).toHaveAttribute('data-slide', '3');
	// S in the speaker view opens nothing more.
	await notes.keyboard.press('s');
	expect(context.pages()).toHaveLength(2);

	// A presenter reloaded on stage no longer knows the window it opened: the two find each other.
	await page.bringToFront();
	await page.reload();
	await page.locator('[data-present] svg[data-enhanced]').waitFor({ state: 'attached' });
	await page.keyboard.press('ArrowRight');
	await expect(root).toHaveAttribute('data-slide', '4');
	await notes.bringToFront();
	await notes.keyboard.press('ArrowRight');
	await expect(present(page)).toHaveAttribute('data-slide', '5');
	await expect(root).toHaveAttribute('data-slide', '5');
});

/** The one page of a speaker view's preview that shows. */
const shownIn = (preview: Locator) => preview.locator('.static-page:not([hidden])');

test.describe('the speaker view’s previews', () => {
	// Final numbers at once: the presenter's counters do not count while the words are compared.
	test.use({ reducedMotion: 'reduce' });

	test('show the current and the next slide as the deck moves, each as the presenter shows it', async ({
		context
	}) => {
		const { presenter, root } = await presenterAndNotes(context);
		const current = root.locator('[data-preview="current"]');
		const next = root.locator('[data-preview="next"]');
		for (let n = 1; n <= Number(TOTAL); n++) {
			await expect(root).toHaveAttribute('data-slide', String(n));
			await expect(current).toHaveAttribute('data-slide', String(n));
			await expect(shownIn(current)).toHaveCount(1);
			await expect(shownIn(current)).toHaveAttribute('data-n', String(n));
			if (n < Number(TOTAL)) {
				await expect(next).toHaveAttribute('data-slide', String(n + 1));
				await expect(shownIn(next)).toHaveAttribute('data-n', String(n + 1));
			} else {
				// After the last slide there is nothing to show.
				await expect(next).not.toHaveAttribute('data-slide');
				await expect(shownIn(next)).toHaveCount(0);
			}
			// The same words as the slide on the projector, in a box of the projector's shape.
			const words = await presenter.locator('[data-present] section:visible').innerText();
			expect(normalize(await shownIn(current).locator('.words').innerText())).toBe(
				normalize(words)
			);
			const box = (await shownIn(current).locator('.static-slide').boundingBox())!;
			expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
			await presenter.keyboard.press('ArrowRight');
		}
	});
});

test('a talk length gives the time left, and whether the talk is ahead or behind', async ({
	context
}) => {
	await context.clock.install();
	const { presenter, notes, root } = await presenterAndNotes(context);
	const pace = root.locator('.pace');
	// Optional: nothing until the speaker gives a length.
	await expect(pace).toHaveCount(0);
	const length = notes.getByLabel(LABELS.notesTarget);
	await length.fill('10');
	await expect(pace).toHaveAttribute('data-pace', 'on-plan');
	await expect(pace.locator('.left')).toHaveText(paced('(10:00|09:5\\d)', LABELS.notesLeft));
	// Enter in the field is the speaker's typing, not a command to the deck.
	await length.press('Enter');
	await expect(present(presenter)).toHaveAttribute('data-slide', '1');

	// Straight to the last slide: its share of the talk begins near the end of the ten minutes.
	await presenter.keyboard.press('End');
	await expect(root).toHaveAttribute('data-slide', TOTAL);
	await expect(pace).toHaveAttribute('data-pace', 'ahead');
	await expect(pace.locator('.delta')).toHaveText(paced('\\d\\d:\\d\\d', LABELS.notesAhead));

	// Eleven minutes on, the talk has run over.
	await context.clock.fastForward('11:00');
	await expect(pace).toHaveAttribute('data-pace', 'behind');
	await expect(pace.locator('.left')).toHaveText(paced('−0[01]:\\d\\d', LABELS.notesLeft));
	await expect(pace.locator('.delta')).toHaveText(paced('\\d\\d:\\d\\d', LABELS.notesBehind));

	await length.fill('');
	await expect(pace).toHaveCount(0);
});

test('printing the presenter gives one 16:9 page per slide, with its map and words', async ({
	page
}) => {
	test.skip(
		!hasPoppler && !process.env.CI,
		'pdftotext (apt-get install -y poppler-utils) is missing'
	);
	await open(page);
	const slides = await page
		.locator('[data-present] section')
		.evaluateAll((sections) =>
			sections.map(
				(s) => (s.querySelector('h1, .lead, .who') ?? s.querySelector('h2'))?.textContent ?? ''
			)
		);
	const dir = mkdtempSync(join(tmpdir(), 'slides-print-'));
	try {
		const pdf = join(dir, 'slides.pdf');
		await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
		const pages = readPdf(pdf);
		expect(pages).toHaveLength(slides.length);
		for (const [i, p] of pages.entries()) {
			// 13.333 x 7.5 in: 16:9, the presenter's 1280x720.
			expect([p.width, p.height]).toEqual([960, 540]);
			expect(p.text, `page ${i + 1}`).toContain(normalize(slides[i]!));
		}
		// The map is on every page too: its place and country names are text.
		const { places } = ACCOUNTS.find((a) => a.id === ID.middle)!;
		expect(pages[ACCOUNT_SLIDE - 1]!.text).toContain(places[0]!.name);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('the speaker view’s timer pauses and resumes, and restarts only on a second press', async ({
	context
}) => {
	const { notes } = await presenterAndNotes(context);
	const elapsed = notes.locator('.elapsed');
	const pause = notes.getByRole('button', { name: LABELS.notesPause });
	await expect(elapsed).not.toHaveText('00:00', { timeout: 5000 });

	await pause.click();
	await expect(pause).toHaveAttribute('aria-pressed', 'true');
	const held = await elapsed.textContent();
	await notes.waitForTimeout(2200);
	await expect(elapsed).toHaveText(held!);
	await pause.click();
	await expect(pause).toHaveAttribute('aria-pressed', 'false');
	await expect(elapsed).not.toHaveText(held!, { timeout: 3000 });

	// Its name changes as it asks: found by its place, not its name.
	const restart = notes.locator('button.restart');
	await expect(restart).toHaveText(LABELS.notesRestart);
	await restart.click();
	// One press only asks: the talk's timing is still there.
	await expect(restart).toHaveText(LABELS.notesRestartConfirm);
	await expect(elapsed).not.toHaveText('00:00');
	await restart.click();
	await expect(elapsed).toHaveText(/^00:0[01]$/);
	await expect(restart).toHaveText(LABELS.notesRestart);
});

test('the presenter and the notes pass axe', async ({ page }) => {
	await open(page);
	const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
	for (let n = 1; n <= Number(TOTAL); n++) {
		const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
		expect(
			violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`),
			`slide ${n}`
		).toEqual([]);
		await page.keyboard.press('ArrowRight');
	}
	await page.goto('./present/notes/');
	const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
	expect(violations.map((v) => v.id)).toEqual([]);
});

/** WCAG's relative luminance of a CSS `rgb()` colour, and the contrast ratio of two of them. */
function contrast(a: string, b: string): number {
	const luminance = (css: string) => {
		const [r, g, b] = css
			.match(/[\d.]+/g)!
			.slice(0, 3)
			.map((v) => Number(v) / 255);
		const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
		return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

for (const viewport of [
	{ width: 1920, height: 1080 },
	{ width: 1280, height: 720 },
	{ width: 1024, height: 768 }
]) {
	test(`legible from the back row at ${viewport.width}x${viewport.height}: map labels ≥ 24 px, slide text ≥ 28 px, labels on their halo at AA contrast, routes ≥ 4 px`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		await open(page);
		for (let n = 1; n <= Number(TOTAL); n++) {
			await page.evaluate((n) => (location.hash = `#/${n}`), n);
			await expect(present(page)).toHaveAttribute('data-slide', String(n));
			await expect(page.locator('[data-present] svg[data-motion]')).toHaveCount(0);
			const { labels, texts, routes } = await page.evaluate(() => {
				const shown = (el: Element) => {
					const box = el.getBoundingClientRect();
					return (
						box.width > 0 &&
						box.bottom > 0 &&
						box.right > 0 &&
						box.top < innerHeight &&
						box.left < innerWidth &&
						getComputedStyle(el).visibility !== 'hidden'
					);
				};
				// SVG text is drawn at its font size times the scale of its screen transform.
				const labels = [...document.querySelectorAll<SVGTextElement>('[data-present] svg text')]
					.filter(shown)
					.map((text) => {
						const m = text.getScreenCTM()!;
						const style = getComputedStyle(text);
						return {
							text: text.textContent,
							px: parseFloat(style.fontSize) * Math.hypot(m.a, m.b),
							fill: style.fill,
							halo: style.stroke
						};
					});
				const texts = [...document.querySelectorAll('[data-present] .slide *')]
					.filter((el) => !el.closest('svg') && shown(el))
					.filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
					.map((el) => ({
						text: el.textContent!.trim().slice(0, 30),
						px: parseFloat(getComputedStyle(el).fontSize)
					}));
				// Routes: screen pixels when their stroke does not scale, else through the transform.
				const routes = [...document.querySelectorAll<SVGPathElement>('[data-present] svg .route')]
					.filter(shown)
					.map((route) => {
						const style = getComputedStyle(route);
						const m = route.getScreenCTM()!;
						const scale =
							route.getAttribute('vector-effect') === 'non-scaling-stroke'
								? 1
								: Math.hypot(m.a, m.b);
						return parseFloat(style.strokeWidth) * scale;
					});
				return { labels, texts, routes };
			});
			expect(labels.length, `slide ${n} has map labels`).toBeGreaterThan(0);
			expect(texts.length, `slide ${n} has text`).toBeGreaterThan(0);
			for (const label of labels) {
				expect(label.px, `slide ${n}: “${label.text}”`).toBeGreaterThanOrEqual(24);
				expect(
					contrast(label.fill, label.halo),
					`slide ${n}: “${label.text}” on its halo`
				).toBeGreaterThanOrEqual(4.5);
			}
			for (const text of texts)
				expect(text.px, `slide ${n}: “${text.text}”`).toBeGreaterThanOrEqual(28);
			for (const width of routes) expect(width, `slide ${n}: a route`).toBeGreaterThanOrEqual(4);
		}
	});
}
