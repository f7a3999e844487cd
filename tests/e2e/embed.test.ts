import type { Frame, Page } from '@playwright/test';
import { ACCOUNT_IDS } from '../source-text';
import { CONTENT, FIGURES, ID, STEPS } from '../story';
import { expect, test } from './fixtures';
import { EMBED_ORIGIN, HOST_ORIGIN } from './servers';

/** Opens one of the partner pages of scripts/embed-host.js. */
async function openHost(page: Page, path: '' | 'dark' | 'pym' | 'rogue' | 'plain') {
	await page.goto(HOST_ORIGIN + path);
}

async function storyFrame(page: Page): Promise<Frame> {
	const handle = await page.locator('iframe').first().elementHandle();
	await expect
		.poll(async () => (await handle!.contentFrame())?.url() ?? '')
		.toContain(`${EMBED_ORIGIN}embed/`);
	const frame = (await handle!.contentFrame())!;
	await frame.locator('[data-graphic] svg[data-enhanced]').waitFor({ state: 'attached' });
	return frame;
}

const frameHeights = (page: Page, frame: Frame) =>
	Promise.all([
		page
			.locator('iframe')
			.first()
			.evaluate((el) => el.getBoundingClientRect().height),
		frame.evaluate(() => document.documentElement.getBoundingClientRect().height)
	]);

test('the script inserts a titled, full-width frame where it stands, as tall as its content', async ({
	page
}) => {
	await openHost(page, '');
	const iframe = page.locator('#story-slot > iframe');
	await expect(iframe).toHaveCount(1);
	expect(await iframe.evaluate((el) => el.nextElementSibling?.tagName)).toBe('SCRIPT');
	await expect(iframe).toHaveAttribute('title', CONTENT.title);
	await iframe.scrollIntoViewIfNeeded();
	const frame = await storyFrame(page);
	const slotWidth = await page.locator('#story-slot').evaluate((el) => el.clientWidth);
	expect((await iframe.boundingBox())!.width).toBe(slotWidth);
	await expect
		.poll(async () => {
			const [outer, inner] = await frameHeights(page, frame);
			return Math.abs(outer - inner) / inner;
		})
		.toBeLessThan(0.05);
	// No scrollbar inside: the frame never scrolls, the host does.
	expect(
		await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight)
	).toBeLessThanOrEqual(1);
	await expect(frame.locator('a[target="_blank"][rel~="noopener"]')).toHaveAttribute('href', '../');
});

for (const viewport of [
	{ width: 390, height: 844 },
	{ width: 1280, height: 800 }
]) {
	test(`scrolling the host at ${viewport.width}x${viewport.height} drives the story inside the frame`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		await openHost(page, '');
		await page.locator('iframe').scrollIntoViewIfNeeded();
		const frame = await storyFrame(page);
		await page.evaluate(() => scrollTo(0, 0));
		await page.mouse.move(viewport.width / 2, viewport.height / 2);
		const graphic = frame.locator('[data-graphic]');
		await expect(graphic).toBeVisible();
		const seen: string[] = [];
		for (let i = 0; i < 600; i++) {
			const step = await graphic.getAttribute('data-active');
			if (step && seen.at(-1) !== step) {
				seen.push(step);
				if (step !== 'intro') {
					// Held in the host's view, as sticky would hold it.
					await expect
						.poll(async () => {
							const [frameTop, box] = await Promise.all([
								page.locator('iframe').evaluate((el) => el.getBoundingClientRect().top),
								graphic.evaluate((el) => el.getBoundingClientRect())
							]);
							return frameTop + box.top >= -2 && frameTop + box.bottom <= viewport.height + 2;
						})
						.toBe(true);
				}
			}
			const iframeBottom = await page
				.locator('iframe')
				.evaluate((el) => el.getBoundingClientRect().bottom);
			if (iframeBottom < viewport.height / 2) break;
			await page.mouse.wheel(0, 220);
			await page.waitForTimeout(40);
		}
		expect(seen).toEqual(STEPS);
		for (const { id, display } of FIGURES) {
			await expect(frame.locator(`[data-counter="${id}"]`)).toHaveText(display);
		}
	});
}

test('a pym.js host gets an auto-height embed that follows its scrolling', async ({ page }) => {
	await openHost(page, 'pym');
	const frame = await storyFrame(page);
	await expect
		.poll(async () => {
			const [outer, inner] = await frameHeights(page, frame);
			return Math.abs(outer - inner) / inner;
		})
		.toBeLessThan(0.05);
	await expect(frame.locator('[data-graphic]')).toBeVisible();
	// Scroll the host so an account reaches the reading line: pym reports it, the story follows.
	const accountTop = await frame
		.locator(`#${ID.middle}`)
		.evaluate((el) => el.getBoundingClientRect().top);
	const frameTop = await page
		.locator('iframe')
		.evaluate((el) => el.getBoundingClientRect().top + scrollY);
	await page.evaluate((y) => scrollTo(0, y), frameTop + accountTop - 200);
	await page.mouse.wheel(0, 10);
	await expect(frame.locator('[data-graphic]')).toHaveAttribute('data-active', ID.middle);
});

for (const [host, viewport] of [
	['', { width: 390, height: 844 }],
	['', { width: 1280, height: 800 }],
	['pym', { width: 1280, height: 800 }]
] as const) {
	test(`links to the accounts inside the frame bring the ${host || 'embed.js'} host page there at ${viewport.width}x${viewport.height}`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		await openHost(page, host);
		await page.locator('iframe').first().scrollIntoViewIfNeeded();
		const frame = await storyFrame(page);
		await frame.locator('.scrolly[data-driven]').waitFor({ state: 'attached' });
		/** Where the account's top is in the host's view, and which step the story shows. */
		const arrived = (id: string) =>
			Promise.all([
				page
					.locator('iframe')
					.first()
					.evaluate((el) => el.getBoundingClientRect().top),
				frame.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().top),
				frame.locator('[data-graphic]').getAttribute('data-active')
			]).then(([frameTop, top, step]) => ({ top: Math.round(frameTop + top), step }));
		/** The map's height where it holds the top of the view (stacked above the text), else 0. */
		const above = (id: string) =>
			frame.evaluate((id) => {
				const graphic = document.querySelector('[data-graphic]')!.getBoundingClientRect();
				const account = document.getElementById(id)!.getBoundingClientRect();
				return graphic.left < account.right && account.left < graphic.right ? graphic.height : 0;
			}, id);
		/** The host's scroll at rest (the jump glides). */
		const rest = () =>
			expect
				.poll(async () => {
					const before = await page.evaluate(() => scrollY);
					await page.waitForTimeout(200);
					return (await page.evaluate(() => scrollY)) === before;
				})
				.toBe(true);

		/** Follows a link in the frame and checks the host brought its account's top to the reading area. */
		const follow = async (link: string, id: string) => {
			await frame.locator(link).click();
			await rest();
			await expect.poll(() => arrived(id).then((a) => a.step)).toBe(id);
			// Its heading at the top of the reading area: below the map where the map holds the top.
			const top = (await arrived(id)).top;
			const reading = await above(id);
			expect(top, id).toBeGreaterThanOrEqual(reading);
			expect(top, id).toBeLessThanOrEqual(reading + 40);
			await expect(frame.locator(`#${id}-heading`)).toBeFocused();
		};
		// The intro's list of accounts, then the chapters under the map, forward and back.
		await follow(`.account-nav a[href="#${ACCOUNT_IDS[1]}"]`, ACCOUNT_IDS[1]!);
		for (const id of [...ACCOUNT_IDS.slice(2), ...ACCOUNT_IDS.slice(0, 3).reverse()])
			await follow(`[data-graphic] nav a[href="#${id}"]`, id);
	});
}

test('messages from anywhere but the story’s own frame change nothing', async ({ page }) => {
	await openHost(page, 'rogue');
	await page.locator('#story-slot > iframe').first().scrollIntoViewIfNeeded();
	const frame = await storyFrame(page);
	await expect.poll(async () => (await frameHeights(page, frame))[0]).toBeGreaterThan(2000);
	// The host page itself (any script on it) posting a height is ignored too.
	await page.evaluate(() =>
		window.postMessage({ ns: 'mobilization-voices', type: 'height', height: 150 }, '*')
	);
	await page.waitForTimeout(500);
	const [outer, inner] = await frameHeights(page, frame);
	expect(Math.abs(outer - inner) / inner).toBeLessThan(0.05);
});

test('without a loader the frame falls back to the static layout: every account with its own map', async ({
	page
}) => {
	await openHost(page, 'plain');
	const handle = await page.locator('iframe').elementHandle();
	await expect.poll(async () => (await handle!.contentFrame())?.url() ?? '').toContain('/embed/');
	const frame = (await handle!.contentFrame())!;
	for (const step of STEPS)
		await expect(frame.locator(`[data-inline-map="${step}"]`)).toBeVisible();
	await expect(frame.locator('[data-graphic]')).toBeHidden();
	for (const { id, display } of FIGURES) {
		await expect(frame.locator(`[data-counter="${id}"]`)).toHaveText(display);
	}
});
