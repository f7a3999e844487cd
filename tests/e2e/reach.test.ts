import type { Frame } from '@playwright/test';
import { ACCOUNT_IDS } from '../source-text';
import { CONTENT, ID, LABELS } from '../story';
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
	expect(data.title).toBe(CONTENT.title);
	expect(data.provider_name).toBe(CONTENT.source.publication);
	expect(absolute(data.provider_url)).toBe(true);
	// A thumbnail's address comes with its size, all three or none (oEmbed 1.0, 2.3.4).
	expect(absolute(data.thumbnail_url)).toBe(true);
	expect([data.thumbnail_width, data.thumbnail_height]).toEqual([1200, 630]);
	// The html: a hidden quote linking to the story (WordPress's wp-embed needs one), then one
	// titled, borderless, full-width, lazy iframe of the page that is whole in itself.
	const html: string = data.html;
	expect(html).toMatch(
		/^<blockquote style="display:none"><a href="https?:\/\/[^"]+">[^<]+<\/a><\/blockquote><iframe [^>]*><\/iframe>$/
	);
	for (const attribute of [
		'title="',
		'width="100%"',
		'loading="lazy"',
		'height="',
		'frameborder="0"'
	]) {
		expect(html).toContain(attribute);
	}
	expect(html).not.toContain('<script');
	expect(/src="([^"]+)"/.exec(html)![1]).toMatch(/^https?:\/\/.+\/embed\/frame\/$/);
});

test.describe('the iframe-only snippet in a host page on another origin', () => {
	async function storyIn(page: import('@playwright/test').Page): Promise<Frame> {
		await page.goto(`${HOST_ORIGIN}iframe`);
		const handle = await page.locator('iframe').elementHandle();
		await expect
			.poll(async () => (await handle!.contentFrame())?.url() ?? '')
			.toContain(`${EMBED_ORIGIN}embed/frame/`);
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

			// The reader's wheel over the frame scrolls the story inside it, down to an account.
			const top = await frame
				.locator(`#${ID.middle}`)
				.evaluate((el) => el.getBoundingClientRect().top);
			const inFrame = (await iframe.boundingBox())!;
			await page.mouse.move(inFrame.x + inFrame.width / 2, inFrame.y + inFrame.height / 2);
			for (let scrolled = 0; scrolled < top; scrolled += 400) await page.mouse.wheel(0, 400);
			await expect(frame.locator('[data-graphic]')).toHaveAttribute('data-active', ID.middle, {
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

/** A PNG's size, from its header. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

test('every fallback picture is there at its size, and a page names it', async ({ request }) => {
	const share = await (await request.get('./share/')).text();
	const pictures: [file: string, width: number, height: number][] = [
		['share.png', 1200, 630],
		...ACCOUNT_IDS.flatMap((id): [string, number, number][] => [
			[`cards/${id}.png`, 1200, 630],
			[`cards/${id}@2x.png`, 2400, 1260]
		])
	];
	for (const [file, width, height] of pictures) {
		const response = await request.get(`./${file}`);
		expect(response.headers()['content-type'], file).toBe('image/png');
		expect(pngSize(await response.body()), file).toEqual({ width, height });
		expect(share, `the Share & Embed page names ${file}`).toContain(`../${file}`);
	}
});

for (const id of ACCOUNT_IDS) {
	test(`./${id}/ shares ${id}: its own title, description and picture, and brings the reader to the account`, async ({
		page,
		request
	}) => {
		const html = await (await request.get(`./${id}/`)).text();
		// No script: what a social network's crawler reads is all there is.
		expect(html).not.toContain('<script>');
		const tag = (property: string) =>
			new RegExp(
				`<meta (?:property|name)="${property.replace('+', '\\+')}" content="([^"]*)"`
			).exec(html)?.[1];
		expect(tag('og:title')).toContain('‘');
		expect(tag('og:url')).toMatch(new RegExp(`^https?://.+/${id}/$`));
		expect(tag('og:image')).toMatch(new RegExp(`^https?://.+/cards/${id}\\.png$`));
		expect(tag('og:image:alt')?.length).toBeGreaterThan(20);
		expect(tag('twitter:card')).toBe('summary_large_image');
		const story = await (await request.get('./')).text();
		expect(tag('og:title')).not.toBe(
			/<meta property="og:title" content="([^"]*)"/.exec(story)?.[1]
		);

		await page.goto(`./${id}/`);
		// The redirect (a meta refresh, which the CSP allows), and the link where it is not followed.
		await expect(page).toHaveURL(new RegExp(`#${id}$`));
		await expect(page.locator('[data-graphic]')).toHaveAttribute('data-active', id);
	});
}

test('without JavaScript an account’s address still reaches the account', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`${new URL(`./${ID.middle}/`, test.info().project.use.baseURL).href}`);
	await expect(page).toHaveURL(new RegExp(`#${ID.middle}$`));
	await expect(page.locator(`#${ID.middle}`)).toBeInViewport();
	await context.close();
});

test.describe('the Share & Embed page', () => {
	test('every snippet and address is text to select, and its Copy button copies exactly that', async ({
		page,
		context,
		request
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('./share/');
		const oembed = await (await request.get('./oembed.json')).json();
		const snippets = page.locator('.copy-text');
		const texts = await snippets.locator('code').allTextContents();
		// The iframe-only snippet: the same frame as oEmbed's, with a link inside for hosts that drop it.
		const frame = /<iframe [^>]*><\/iframe>/.exec(oembed.html)![0].replace('></iframe>', '>');
		expect(
			texts.some(
				(t) => t.startsWith(frame) && /<a href="[^"]+"><img [^>]+>[^<]+<\/a><\/iframe>$/.test(t)
			)
		).toBe(true);
		expect(
			texts.some((t) => /^<script async src="https?:\/\/.+\/embed\.js"><\/script>$/.test(t))
		).toBe(true);
		expect(texts.some((t) => /^https?:\/\/.+\/oembed\.json$/.test(t))).toBe(true);
		expect(
			texts.some((t) =>
				/^<amp-iframe src="https?:\/\/.+\/embed\/frame\/" [^>]*sandbox="allow-scripts allow-popups"[^>]*>.*<\/amp-iframe>$/.test(
					t
				)
			)
		).toBe(true);
		for (const id of ACCOUNT_IDS) expect(texts.some((t) => t.endsWith(`/${id}/`))).toBe(true);
		const count = await snippets.count();
		expect(count).toBe(4 + ACCOUNT_IDS.length);
		for (let i = 0; i < count; i++) {
			const button = snippets.nth(i).getByRole('button');
			await expect(button).toHaveText(LABELS.shareCopy);
			await button.click();
			await expect(button).toHaveText(LABELS.shareCopied);
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(texts[i]);
		}
	});

	test('without JavaScript the snippets are there to select, and no button that cannot work', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(new URL('./share/', test.info().project.use.baseURL).href);
		await expect(page.locator('.copy-text code')).toHaveCount(4 + ACCOUNT_IDS.length);
		await expect(page.getByRole('button')).toHaveCount(0);
		await context.close();
	});
});
