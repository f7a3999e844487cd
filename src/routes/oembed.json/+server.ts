import { json } from '@sveltejs/kit';
import { loadContent } from '$lib/content/load.server';
import { oembed } from '$lib/share/oembed.server';
import { siteUrl } from '$lib/share/site-url.server';
import { buildStory } from '$lib/story/model';

export const prerender = true;

/**
 * build/oembed.json. Without PUBLIC_SITE_URL no page links to it, and it says why: its addresses
 * must be absolute.
 */
export function GET() {
	const site = siteUrl();
	const story = buildStory(loadContent());
	if (!site)
		return json({
			version: '1.0',
			type: 'link',
			title: story.title,
			error: 'PUBLIC_SITE_URL was not set at build time'
		});
	return json(oembed(story, site));
}
