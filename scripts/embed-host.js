#!/usr/bin/env node
// A partner's article page on another origin, with the story embedded: for trying the embed locally
// and for the two-origin browser tests. Pages: / (embed.js), /dark (embed.js, data-theme="dark"),
// /pym (a pym.js parent), /rogue (embed.js beside a frame that posts fake heights),
// /plain (a bare iframe, no loader), /iframe (the iframe-only snippet of the story's oembed.json,
// as a CMS that strips scripts keeps it, pointed at this embed's origin), /wordpress (the same
// html as WordPress makes it for an author: its oEmbed filter's frame, sandboxed, and its own
// wp-embed.js from Debian's wordpress package).
// Usage: node scripts/embed-host.js [--port 4176] [--embed http://127.0.0.1:4175/]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4176' },
		embed: { type: 'string', default: 'http://127.0.0.1:4175/' }
	}
});
const base = values.embed.endsWith('/') ? values.embed : `${values.embed}/`;
const loader = (attributes = '') => `<script async src="${base}embed.js"${attributes}></script>`;
const filler = (n, label) =>
	Array.from(
		{ length: n },
		(_, i) =>
			`<p>${label} paragraph ${i + 1} of the partner’s article, in the partner’s own type.</p>`
	).join('\n');
const page = (embed, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A partner’s article</title>${head}
<style>body{margin:0 auto;max-width:720px;padding:0 16px;font:18px/1.5 Georgia,serif}</style></head>
<body><h1>A partner’s article</h1>${filler(12, 'Opening')}<div id="story-slot">${embed}</div>${filler(30, 'Closing')}</body></html>`;

const pages = {
	'/': () => page(loader()),
	'/dark': () => page(loader(' data-theme="dark"')),
	'/pym': () =>
		page(
			`<div id="pym-story"></div><script>new pym.Parent('pym-story', '${base}embed/', { trackscroll: true });</script>`,
			'<script src="/pym.v1.min.js"></script>'
		),
	'/rogue': () =>
		page(
			loader() +
				`<iframe id="rogue" title="rogue" srcdoc="<script>setInterval(() => parent.postMessage({ ns: 'mobilization-voices', type: 'height', height: 150 }, '*'), 50)</script>"></iframe>`
		),
	'/plain': () =>
		page(
			`<iframe src="${base}embed/" title="The story" style="width:100%;height:3000px;border:0"></iframe>`
		)
};

/** The html of the build's oembed.json, its published address swapped for this embed's. */
async function oembedHtml() {
	const { html } = await (await fetch(`${base}oembed.json`)).json();
	const frame = /src="([^"]+)embed\/frame\/"/.exec(html);
	if (!frame) throw new Error('oembed.json has no frame: build with PUBLIC_SITE_URL');
	return html.replaceAll(frame[1], base);
}

const WP_EMBED = '/usr/share/wordpress/wp-includes/js/wp-embed.min.js';

/**
 * What WordPress 6.1's wp_filter_oembed_result() makes of a provider's html when the provider is
 * not one it trusts (every address an author pastes): wp_kses down to a[href], blockquote and a few
 * iframe attributes, the quote and the frame kept, a secret in the frame's address, the frame
 * hidden and sandboxed. Followed, as on a WordPress page, by its wp-embed.js.
 */
function wordpressFrame(html, secret = 'Wp5ecret42') {
	const allowed = {
		a: ['href'],
		blockquote: [],
		iframe: [
			'src',
			'width',
			'height',
			'frameborder',
			'marginwidth',
			'marginheight',
			'scrolling',
			'title'
		]
	};
	const kses = (text) =>
		text.replace(/<(\/?)(\w+)([^>]*)>/g, (_, close, name, attributes) => {
			const keep = allowed[name.toLowerCase()];
			if (!keep) return '';
			if (close) return `</${name}>`;
			const kept = [...attributes.matchAll(/([\w-]+)="([^"]*)"/g)].filter(([, a]) =>
				keep.includes(a)
			);
			return `<${name}${kept.map(([, a, v]) => ` ${a}="${v}"`).join('')}>`;
		});
	const content = /(<blockquote>[\s\S]*?<\/blockquote>)?[\s\S]*(<iframe[\s\S]*?><\/iframe>)/.exec(
		kses(html)
	);
	if (!content?.[2]) throw new Error('WordPress would drop this html: no iframe');
	const quote = content[1] ?? '';
	const frame = content[2].replace(
		/ src="([^"]*)"/,
		` src="$1#?secret=${secret}" data-secret="${secret}"`
	);
	const hidden = quote
		? `<blockquote class="wp-embedded-content" data-secret="${secret}">${quote.slice(12)}` +
			frame.replace(
				'<iframe',
				'<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"'
			)
		: frame;
	const wpEmbed = readFileSync(WP_EMBED, 'utf8');
	return (
		hidden.replace(
			'<iframe',
			'<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"'
		) + `<script>${wpEmbed}</script>`
	);
}

createServer(async (req, res) => {
	const path = new URL(req.url ?? '/', 'http://localhost').pathname;
	if (path === '/pym.v1.min.js') {
		res
			.writeHead(200, { 'content-type': 'text/javascript' })
			.end(readFileSync('node_modules/pym.js/dist/pym.v1.min.js'));
		return;
	}
	if (path === '/favicon.ico') return void res.writeHead(204).end();
	if (path === '/iframe' || path === '/wordpress') {
		const html = await oembedHtml()
			.then((html) => page(path === '/wordpress' ? wordpressFrame(html) : html))
			.catch((error) => String(error));
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
		return;
	}
	const html = pages[/** @type {keyof typeof pages} */ (path)];
	if (!html) return void res.writeHead(404).end('Not found');
	res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html());
}).listen(Number(values.port), () =>
	console.log(`Host pages at http://localhost:${values.port}/ embedding ${base}`)
);
