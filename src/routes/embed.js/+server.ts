import { minifySync } from 'rolldown/utils';
import loader from '$lib/embed/loader.js?raw';
import { loadContent } from '$lib/content/load.server';

export const prerender = true;

/** The loader newsrooms paste: prerendered to build/embed.js, minified, the frame title from the copy. */
export function GET() {
	const source = loader.replace("'__TITLE__'", JSON.stringify(loadContent().title));
	const { code } = minifySync('embed.js', source);
	return new Response(code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
