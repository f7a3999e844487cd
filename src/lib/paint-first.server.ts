import { createHash } from 'node:crypto';

/**
 * Paint first, then load the rest. Kit's page fetches and runs its modules while the HTML is still
 * parsing, and the map's outlines come with it: on a cheap phone the first paint then waits for
 * the hydration. Here the first paint has the HTML, its CSS and the web fonts; the modules and
 * the outlines start once the text is on screen. Without JavaScript, the `<noscript>` outlines
 * apply as the page is parsed. The web fonts are preloaded from the head: Chromium holds the first
 * layout briefly (up to 50 ms) for a font preload, so a font that comes in time is the one the
 * page is first laid out in, and the swap's second layout of every line (27–72 ms at 1x, #25)
 * never happens; a font that does not come in time swaps as before, with metric-matched fallbacks.
 * At low priority: on a slow network they then leave the HTML its bandwidth (Lighthouse's mobile
 * LCP: 1,360 ms without the preloads, 1,510 with them at their usual high priority, 1,360 at low).
 */

/** What waits for the first paint. */
export interface AfterPaint {
	/** Module URLs Kit would preload in the head. */
	modules: string[];
}

/** Marks a `<noscript>` whose markup is added to the page after the first paint. */
export const AFTER_PAINT = 'data-after-paint';

/**
 * Runs in the browser, written into Kit's inline start script: calls `start` after the first
 * contentful paint (or at once where paint timing is missing, or after a second in a page that is
 * not painting, such as a hidden tab or an iframe out of view). Self-contained: it is serialised.
 */
export function afterFirstPaint(options: AfterPaint, start: () => void): void {
	let started = false;
	const go = () => {
		if (started) return;
		started = true;
		for (const href of options.modules) {
			const link = document.createElement('link');
			link.rel = 'modulepreload';
			link.href = href;
			document.head.append(link);
		}
		start();
		for (const later of document.querySelectorAll('noscript[data-after-paint]'))
			later.insertAdjacentHTML('afterend', later.textContent ?? '');
	};
	if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return go();
	new PerformanceObserver((list, observer) => {
		if (list.getEntriesByName('first-contentful-paint').length === 0) return;
		observer.disconnect();
		go();
	}).observe({ type: 'paint', buffered: true });
	setTimeout(go, 1000);
}

const MODULE_PRELOAD = /<link href="([^"]+)" rel="modulepreload">\s*/g;
/** A web font the page's inlined CSS names (an inline build's are data: URLs, not matched). */
const FONT_URL = /url\((\.{1,2}\/[^)\s"']+\.woff2)\)/g;
const CHARSET = '<meta charset="utf-8" />';

/** The page with a preload, first in its head, for each web font its inlined CSS names. */
export function preloadFonts(html: string): string {
	const fonts = [...new Set([...html.matchAll(FONT_URL)].map((m) => m[1]!))];
	if (fonts.length === 0) return html;
	if (!html.includes(CHARSET)) throw new Error('preloadFonts: no charset meta to follow');
	const links = fonts.map(
		(href) =>
			`<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin fetchpriority="low">`
	);
	return html.replace(CHARSET, () => CHARSET + links.join(''));
}
const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;

/** A page rewritten, and the CSP source of its start script before and after. */
export interface PaintedFirst {
	html: string;
	from: string;
	to: string;
}

/**
 * Rewrites a page Kit rendered: its module preloads move into its start script, which now waits
 * for the first paint. A prerendered page's CSP (a meta tag) gets the new script's hash here; a
 * served page's (a header, in dev) through `withHash`. Throws when the page is not shaped as Kit 2
 * writes it, so that an upgrade that changes it fails the build, not the page.
 */
export function paintFirst(html: string): PaintedFirst {
	const modules = [...html.matchAll(MODULE_PRELOAD)].map((m) => m[1]!);
	const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].filter((m) =>
		m[1]!.includes('kit.start(')
	);
	if (scripts.length !== 1) throw new Error(`paintFirst: ${scripts.length} Kit start scripts`);
	const boot = scripts[0]![1]!;
	const call = boot.indexOf('Promise.all([');
	const end = boot.lastIndexOf('});');
	if (call < 0 || end < call || boot.indexOf('Promise.all([', call + 1) >= 0)
		throw new Error('paintFirst: Kit start script not as expected');
	const options: AfterPaint = { modules };
	const deferred =
		boot.slice(0, call) +
		`(${afterFirstPaint.toString()})(${JSON.stringify(options)}, () => ` +
		boot.slice(call, end) +
		'}));' +
		boot.slice(end + 3);

	const from = `'sha256-${sha256(boot)}'`;
	const to = `'sha256-${sha256(deferred)}'`;
	let page = preloadFonts(html.replace(MODULE_PRELOAD, '').replace(boot, () => deferred));
	const meta = CSP_META.exec(page);
	if (meta) page = page.replace(meta[0], () => withHash(meta[0], { from, to }));
	return { html: page, from, to };
}

/** A CSP with the start script's new hash in place of Kit's. */
export function withHash(csp: string, { from, to }: Omit<PaintedFirst, 'html'>): string {
	if (!csp.includes(from)) throw new Error('paintFirst: the CSP lacks the start script');
	return csp.replace(from, to);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');
