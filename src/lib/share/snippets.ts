import { escapeAttribute as escapeAttr, escapeText } from '$lib/escape';

/** The frame's size in oembed.json: a phone's column, and the height the snippet starts at. */
export const IFRAME_SIZE = { width: 640, height: 760 };

/**
 * The page the snippets frame: the embed whole in itself (every script, font and outline inside
 * it, scripts/frame-page.js), so it runs in any frame, a sandboxed one of origin `null` too, and
 * scrolls inside it, since nothing resizes such a frame.
 */
export const framePage = (site: URL) => new URL('embed/frame/', site).href;

/**
 * The frame both snippets share. Its style sets a height that suits a phone and a desktop and
 * centres it in a column; `frameborder` is there for hosts that strip `style` (WordPress's oEmbed
 * filter keeps only a few attributes), and then the height attribute holds.
 */
function frame(site: URL, title: string, inside = ''): string {
	return (
		`<iframe src="${escapeAttr(framePage(site))}" title="${escapeAttr(title)}" width="100%" height="${IFRAME_SIZE.height}" frameborder="0" loading="lazy" ` +
		`style="display:block;width:100%;height:80vh;min-height:480px;max-height:${IFRAME_SIZE.height}px;margin:0 auto;border:0">` +
		`${inside}</iframe>`
	);
}

/**
 * The snippet for a CMS that strips scripts but keeps iframes. Inside the iframe, the story's
 * share picture linking to the story: what a host that drops the iframe but keeps its content
 * shows (a browser never renders an iframe's content), no wider than the column it lands in.
 */
export function iframeSnippet(site: URL, title: string, pictureAlt: string): string {
	const picture = new URL('share.png', site).href;
	return frame(
		site,
		title,
		`<a href="${escapeAttr(site.href)}"><img src="${escapeAttr(picture)}" alt="${escapeAttr(pictureAlt)}" width="1200" height="630" style="max-width:100%;height:auto">` +
			`${escapeText(title)}</a>`
	);
}

/**
 * For AMP pages: an amp-iframe of the same page, sandboxed as AMP requires (the page runs whole in
 * a frame of origin `null`), popups allowed for its link to the story, and the link as the
 * placeholder AMP shows until the frame loads.
 */
export function ampSnippet(site: URL, title: string): string {
	return (
		`<amp-iframe src="${escapeAttr(framePage(site))}" title="${escapeAttr(title)}" width="auto" height="${IFRAME_SIZE.height}" layout="fixed-height" ` +
		`sandbox="allow-scripts allow-popups" frameborder="0"><a href="${escapeAttr(site.href)}" placeholder>${escapeText(title)}</a></amp-iframe>`
	);
}

/**
 * oEmbed's html: a link to the story in a `<blockquote>`, then the frame. WordPress, for a
 * provider it does not know, keeps just these two, sandboxes the frame, hides it until the frame
 * speaks its wp-embed protocol (wp-embed.ts), and then hides the quote; without the quote it would
 * not load its wp-embed script at all. Elsewhere its style keeps the quote hidden.
 */
export function oembedHtml(site: URL, title: string): string {
	return (
		`<blockquote style="display:none"><a href="${escapeAttr(site.href)}">${escapeText(title)}</a></blockquote>` +
		frame(site, title)
	);
}

/** Where a page's <link rel="alternate"> finds oembed.json. */
export const oembedUrl = (site: URL) => new URL('oembed.json', site).href;
