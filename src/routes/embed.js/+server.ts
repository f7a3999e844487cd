import loader from '$lib/embed/loader.ts?script';
import { loadContent } from '$lib/content/load.server';

export const prerender = true;

/** The loader newsrooms paste: prerendered to build/embed.js, the frame's title from the copy. */
export function GET() {
	const title = /([`"'])__TITLE__\1/;
	if (!title.test(loader))
		throw new Error('embed.js: the title placeholder is gone from the loader');
	const code = loader.replace(title, () => JSON.stringify(loadContent().title));
	return new Response(code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
