import { describe, expect, it } from 'vitest';
import { oembed } from '$lib/share/oembed.server';
import {
	IFRAME_SIZE,
	ampSnippet,
	framePage,
	iframeSnippet,
	oembedHtml,
	oembedUrl
} from '$lib/share/snippets';
import type { Story } from '$lib/story/model';

const site = new URL('https://news.example/graphics/2022/mobilization/');
const title = 'Flee, hide or fight: “a quote” & <more>';
const attrs = (html: string, name: string) =>
	[...html.matchAll(new RegExp(` ${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe('the snippets a newsroom pastes', () => {
	it('frame the self-contained page under the site’s own path', () => {
		expect(framePage(site)).toBe('https://news.example/graphics/2022/mobilization/embed/frame/');
		expect(oembedUrl(site)).toBe('https://news.example/graphics/2022/mobilization/oembed.json');
		for (const html of [
			iframeSnippet(site, title, 'alt'),
			ampSnippet(site, title),
			oembedHtml(site, title)
		])
			expect(attrs(html, 'src')[0]).toBe(framePage(site));
	});

	it('escape the title wherever it lands, so no snippet breaks out of its markup', () => {
		for (const html of [
			iframeSnippet(site, title, 'a "b"'),
			ampSnippet(site, title),
			oembedHtml(site, title)
		]) {
			expect(html).not.toContain('<more>');
			expect(attrs(html, 'title')[0]).toBe(
				title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
			);
			expect(html.match(/<iframe|<amp-iframe/g)).toHaveLength(1);
		}
	});

	it('keep a height that holds where a host strips style, the one oEmbed states', () => {
		expect(attrs(iframeSnippet(site, title, 'alt'), 'height')[0]).toBe(String(IFRAME_SIZE.height));
		expect(oembedHtml(site, title)).toMatch(
			/^<blockquote style="display:none"><a href="https:\/\/news\.example\/graphics\/2022\/mobilization\/">/
		);
	});
});

describe('oembed.json', () => {
	const story = { title, source: { publication: 'NRC' } } as unknown as Story;
	const json = oembed(story, site);

	it('is oEmbed 1.0 rich, with every address absolute and the frame’s size', () => {
		expect(json).toMatchObject({ version: '1.0', type: 'rich', title, provider_name: 'NRC' });
		for (const url of [json.provider_url, json.thumbnail_url])
			expect(new URL(url).origin).toBe(site.origin);
		expect(json.thumbnail_url).toBe(`${site.href}share.png`);
		expect([json.width, json.height]).toEqual([IFRAME_SIZE.width, IFRAME_SIZE.height]);
		expect(json.html).toBe(oembedHtml(site, title));
	});
});
