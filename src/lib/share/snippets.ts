const escapeAttr = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The frame's size in oembed.json: a phone's column, and the height the snippet starts at. */
export const IFRAME_SIZE = { width: 640, height: 760 };

/**
 * The snippet for a CMS that strips scripts but keeps iframes. A frame nothing resizes: the story
 * scrolls inside it (`?scroll=frame`, the embed's own engine) at a height that suits a phone and a
 * desktop. Inside the iframe, the story's share picture linking to the story: what a host that
 * drops the iframe but keeps its content shows (a browser never renders an iframe's content).
 */
export function iframeSnippet(site: URL, title: string, pictureAlt: string): string {
	const story = site.href;
	const frame = new URL('embed/?scroll=frame', site).href;
	const picture = new URL('share.png', site).href;
	return (
		`<iframe src="${escapeAttr(frame)}" title="${escapeAttr(title)}" width="100%" height="${IFRAME_SIZE.height}" loading="lazy" ` +
		`style="width:100%;height:80vh;min-height:480px;max-height:${IFRAME_SIZE.height}px;border:0">` +
		`<a href="${escapeAttr(story)}"><img src="${escapeAttr(picture)}" alt="${escapeAttr(pictureAlt)}" width="1200" height="630">` +
		`${escapeText(title)}</a></iframe>`
	);
}

/** Where a page's <link rel="alternate"> finds oembed.json. */
export const oembedUrl = (site: URL) => new URL('oembed.json', site).href;
