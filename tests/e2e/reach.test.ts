import type { Frame } from '@playwright/test';
import { expect, test } from './fixtures';
import { EMBED_ORIGIN, HOST_ORIGIN } from './servers';

// Every place a newsroom publishes (issue #15): a CMS that embeds from an address (oEmbed), and
// one that strips scripts but keeps iframes (the iframe-only snippet). npm test builds with
// PUBLIC_SITE_URL set, as a published build is; without it see tests/unit/site-url.test.ts.

const ROUTES = ['./', './embed/', './present/'];
const absolute = (url: unknown) => typeof url === 'string' && /^https?:\/\/[^/]/.test(url);

for (const route of ROUTES) {
	test(`${route} names its oEmbed in the first 4 KB of the page`, async ({ request }) => {
		const head = (await (await request.get(route)).text()).slice(0, 4096);
		const link =
			/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)"/.exec(
				head
			);
		expect(link, 'the oEmbed link').not.toBeNull();
		expect(absolute(link![1])).toBe(true);
		expect(new URL(link![1]!).pathname).toMatch(/\/oembed\.json$/);
	});
}

test('oembed.json is oEmbed 1.0 rich: the iframe-only snippet, its size, absolute addresses', async ({
	request
}) => {
	const response = await request.get('./oembed.json');
	expect(response.headers()['content-type']).toContain('application/json');
	const data = await response.json();
	// The spec's required fields for every type, and for "rich".
	expect(data.version).toBe('1.0');
	expect(data.type).toBe('rich');
	expect(typeof data.html).toBe('string');
	for (const size of ['width', 'height']) {
		expect(Number.isInteger(data[size]) && data[size] > 0, size).toBe(true);
	}
	expect(data.title).toMatch(/five Russians/);
	expect(data.provider_name).toBe('NRC');
	expect(absolute(data.provider_url)).toBe(true);
	// A thumbnail's address comes with its size, all three or none (oEmbed 1.0, 2.3.4).
	expect(absolute(data.thumbnail_url)).toBe(true);
	expect([data.thumbnail_width, data.thumbnail_height]).toEqual([1200, 630]);
	// The snippet: one titled iframe, full width, lazy, with a plain link to the story inside.
	const html: string = data.html;
	expect(html).toMatch(/^<iframe [^>]*><a href="https?:\/\/[^"]+">[^<]+<\/a><\/iframe>$/);
	for (const attribute of ['title="', 'width="100%"', 'loading="lazy"', 'height="']) {
		expect(html).toContain(attribute);
	}
	expect(html).not.toContain('<script');
	expect(/src="([^"]+)"/.exec(html)![1]).toMatch(/^https?:\/\/.+\/embed\/\?scroll=frame$/);
});

test.describe('the iframe-only snippet in a host page on another origin', () => {
	async function storyIn(page: import('@playwright/test').Page): Promise<Frame> {
		await page.goto(`${HOST_ORIGIN}iframe`);
		const handle = await page.locator('iframe').elementHandle();
		await expect
			.poll(async () => (await handle!.contentFrame())?.url() ?? '')
			.toContain(`${EMBED_ORIGIN}embed/?scroll=frame`);
		const frame = (await handle!.contentFrame())!;
		await frame.locator('[data-graphic] svg[data-enhanced]').waitFor({ state: 'attached' });
		return frame;
	}

	for (const viewport of [
		{ width: 390, height: 844 },
		{ width: 1280, height: 800 }
	]) {
		test(`at ${viewport.width}x${viewport.height} the story scrolls inside the frame and its graphic follows`, async ({
			page
		}) => {
			await page.setViewportSize(viewport);
			const frame = await storyIn(page);
			const iframe = page.locator('iframe');
			// A frame nothing resizes: a screenful, not the story's length.
			const box = (await iframe.boundingBox())!;
			// The host's column, whole.
			expect(
				await iframe.evaluate(
					(el: HTMLIFrameElement) => el.parentElement!.clientWidth - el.offsetWidth
				)
			).toBe(0);
			expect(box.height).toBeGreaterThanOrEqual(Math.min(480, viewport.height));
			expect(box.height).toBeLessThanOrEqual(Math.max(760, viewport.height * 0.8) + 1);
			await iframe.scrollIntoViewIfNeeded();
			const hostY = await page.evaluate(() => scrollY);

			// The reader's wheel over the frame scrolls the story inside it, down to Oleg.
			const oleg = await frame.locator('#oleg').evaluate((el) => el.getBoundingClientRect().top);
			const inFrame = (await iframe.boundingBox())!;
			await page.mouse.move(inFrame.x + inFrame.width / 2, inFrame.y + inFrame.height / 2);
			for (let scrolled = 0; scrolled < oleg; scrolled += 400) await page.mouse.wheel(0, 400);
			await expect(frame.locator('[data-graphic]')).toHaveAttribute('data-active', 'oleg', {
				timeout: 10_000
			});
			expect(await frame.evaluate(() => scrollY)).toBeGreaterThan(0);
			// The host page stayed where it was; the frame scrolled, not the host.
			expect(Math.abs((await page.evaluate(() => scrollY)) - hostY)).toBeLessThan(50);
			// The sticky graphic is in the frame's view, at the step the reader is on.
			const graphic = await frame
				.locator('[data-graphic]')
				.evaluate(
					(el) =>
						el.getBoundingClientRect().bottom > 0 && el.getBoundingClientRect().top < innerHeight
				);
			expect(graphic).toBe(true);
		});
	}
});
