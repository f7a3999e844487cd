import { env } from '$env/dynamic/public';

export const SITE_URL_WARNING =
	'PUBLIC_SITE_URL is not set: the pages leave out their canonical link, share tags, JSON-LD addresses ' +
	'and oEmbed link, which need the absolute address where the story is published. Build with ' +
	'PUBLIC_SITE_URL=https://example.org/graphics/mobilization/ npm run build';

let warned = false;

/**
 * Where the story is published (PUBLIC_SITE_URL), ending in a slash: what every absolute address
 * in the pages and in oembed.json starts with. Unset, there is none (and the build says so once):
 * a made-up address such as localhost would ship broken share cards.
 */
export function siteUrl(value = env.PUBLIC_SITE_URL): URL | undefined {
	const text = value?.trim();
	if (!text) {
		if (!warned) console.warn(`\n${SITE_URL_WARNING}\n`);
		warned = true;
		return undefined;
	}
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new Error(`PUBLIC_SITE_URL must be an absolute http(s) address, not "${text}"`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new Error(`PUBLIC_SITE_URL must be an absolute http(s) address, not "${text}"`);
	url.search = '';
	url.hash = '';
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return url;
}
