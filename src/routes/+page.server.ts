import { storyPageData } from '$lib/story/page-data.server';
import { forBrowser } from '$lib/story/server-text';

/** What the browser hydrates with: serialized into the page, so no running text (server-text.ts). */
export function load() {
	const data = storyPageData();
	return { ...data, story: forBrowser(data.story) };
}
