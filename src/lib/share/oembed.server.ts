import type { Story } from '$lib/story/model';
import { IFRAME_SIZE, oembedHtml } from './snippets';

/** The share card (share.png/+server.ts): oEmbed's thumbnail. */
const CARD = { width: 1200, height: 630 };

/**
 * oembed.json: oEmbed 1.0, type "rich", for a CMS that takes only the story's address. Every
 * address in it is absolute, so it needs the site's.
 */
export function oembed(story: Story, site: URL) {
	return {
		version: '1.0',
		type: 'rich',
		title: story.title,
		provider_name: story.source.publication,
		provider_url: new URL('/', site).href,
		html: oembedHtml(site, story.title),
		width: IFRAME_SIZE.width,
		height: IFRAME_SIZE.height,
		thumbnail_url: new URL('share.png', site).href,
		thumbnail_width: CARD.width,
		thumbnail_height: CARD.height
	};
}
