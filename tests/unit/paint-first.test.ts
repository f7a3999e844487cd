import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	afterFirstPaint,
	paintFirst,
	preloadFonts,
	withHash
} from '../../src/lib/paint-first.server';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// A page as Kit 2 prerenders it: preloads in the head, the start script at the end of the body,
// the start script's hash in the CSP.
const boot = `
				{
					__sveltekit_abc = { base: new URL(".", location).pathname.slice(0, -1) };
					const element = document.currentScript.parentElement;
					Promise.all([
						import("./_app/immutable/entry/start.A.js"),
						import("./_app/immutable/entry/app.B.js")
					]).then(([kit, app]) => {
						kit.start(app, element, { node_ids: [0, 2], data: [null] });
					});
				}
			`;
const kitPage = (script = boot) => `<!doctype html><html><head>
		<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${sha(script)}; style-src 'self'">
		<link href="./_app/immutable/entry/start.A.js" rel="modulepreload">
		<link href="./_app/immutable/chunks/C.js" rel="modulepreload">
		</head><body><div><script>${script}</script></div></body></html>`;

describe('paintFirst', () => {
	const { html: page, from, to } = paintFirst(kitPage());
	const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;

	it('moves the module preloads into the start script', () => {
		expect(page).not.toContain('rel="modulepreload"');
		expect(script).toContain(
			'"modules":["./_app/immutable/entry/start.A.js","./_app/immutable/chunks/C.js"]'
		);
	});

	it('starts Kit from the callback, with everything Kit wrote kept', () => {
		expect(script).toContain('(function afterFirstPaint(');
		expect(script).toMatch(/\}, \(\) => Promise\.all\(\[/);
		expect(script).toContain('kit.start(app, element, { node_ids: [0, 2], data: [null] });');
		expect(script).toContain('const element = document.currentScript.parentElement;');
		// It still parses as one block of JavaScript.
		expect(() => new Function(script)).not.toThrow();
	});

	it('puts the new script’s hash in the CSP, in place of the old one', () => {
		const csp = /content-security-policy" content="([^"]*)"/.exec(page)![1]!;
		expect(csp).toContain(sha(script));
		expect(csp).not.toContain(sha(boot));
		expect(csp).toContain("style-src 'self'");
		// The same swap for a CSP sent as a header.
		expect(from).toBe(sha(boot));
		expect(to).toBe(sha(script));
		expect(withHash(`script-src 'self' ${from}`, { from, to })).toBe(`script-src 'self' ${to}`);
	});

	it('fails the build when Kit writes its page differently', () => {
		expect(() => paintFirst('<html><body></body></html>')).toThrow(/start scripts/);
		expect(() => paintFirst(kitPage(boot.replace('Promise.all', 'Promise.any')))).toThrow(
			/not as expected/
		);
		const tampered = kitPage().replace(/sha256-[^']+/, 'sha256-other');
		expect(() => paintFirst(tampered)).toThrow(/CSP lacks/);
	});
});

describe('preloadFonts', () => {
	const css = `@font-face{font-family:A;src:url(../_app/immutable/assets/a.X.woff2)format("woff2")}
		@font-face{font-family:B;src: url(../_app/immutable/assets/b.Y.woff2)format("woff2")}
		@font-face{font-family:A Fallback;src:local(Arial)}`;
	const page = (style: string) =>
		`<!doctype html><html><head><meta charset="utf-8" /><style>${style}</style></head></html>`;

	it('preloads each web font the inlined CSS names, once, first in the head', () => {
		const html = preloadFonts(page(css + css));
		const links = [...html.matchAll(/<link rel="preload"[^>]*>/g)].map((m) => m[0]);
		expect(links).toEqual([
			'<link rel="preload" href="../_app/immutable/assets/a.X.woff2" as="font" type="font/woff2" crossorigin fetchpriority="low">',
			'<link rel="preload" href="../_app/immutable/assets/b.Y.woff2" as="font" type="font/woff2" crossorigin fetchpriority="low">'
		]);
		expect(html.indexOf(links[0]!)).toBeLessThan(html.indexOf('<style>'));
	});

	it('leaves a page without web fonts, or with inline ones, as it is', () => {
		expect(preloadFonts(page('body{color:red}'))).toBe(page('body{color:red}'));
		const inline = page('@font-face{src:url(data:font/woff2;base64,AAAA)}');
		expect(preloadFonts(inline)).toBe(inline);
	});

	it('fails the build when the head has no charset meta to put them after', () => {
		expect(() => preloadFonts(`<head><style>${css}</style></head>`)).toThrow(/charset/);
	});
});

describe('afterFirstPaint, in the browser', () => {
	/** The few browser objects it touches, recorded. */
	function fakeBrowser({ paintTiming }: { paintTiming: boolean }) {
		const added: string[] = [];
		let observer: ((list: { getEntriesByName(n: string): unknown[] }, o: unknown) => void) | null =
			null;
		vi.stubGlobal('document', {
			head: { append: (l: { href: string }) => added.push(`preload ${l.href}`) },
			createElement: () => ({}),
			querySelectorAll: () => [
				{
					textContent: '<svg class="map-defs"></svg>',
					insertAdjacentHTML: (_: string, html: string) => added.push(`markup ${html}`)
				}
			]
		});
		vi.stubGlobal(
			'PerformanceObserver',
			Object.assign(
				class {
					constructor(callback: typeof observer) {
						observer = callback;
					}
					observe() {}
					disconnect() {}
				},
				{ supportedEntryTypes: paintTiming ? ['paint', 'largest-contentful-paint'] : [] }
			)
		);
		const paint = (name: string) =>
			observer!({ getEntriesByName: (n) => (n === name ? [{}] : []) }, { disconnect() {} });
		return { added, paint };
	}

	beforeEach(() => vi.useFakeTimers());
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	const options = { modules: ['./a.js'] };

	it('starts once, at the first contentful paint, with the preloads and the outlines', () => {
		const browser = fakeBrowser({ paintTiming: true });
		const start = vi.fn();
		afterFirstPaint(options, start);
		browser.paint('first-paint');
		expect(start).not.toHaveBeenCalled();
		expect(browser.added).toEqual([]);
		browser.paint('first-contentful-paint');
		vi.advanceTimersByTime(5000);
		expect(start).toHaveBeenCalledTimes(1);
		expect(browser.added).toEqual(['preload ./a.js', 'markup <svg class="map-defs"></svg>']);
	});

	it('starts after a second in a page that does not paint (a hidden tab, a frame out of view)', () => {
		fakeBrowser({ paintTiming: true });
		const start = vi.fn();
		afterFirstPaint(options, start);
		vi.advanceTimersByTime(999);
		expect(start).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(start).toHaveBeenCalledTimes(1);
	});

	it('starts at once where the browser has no paint timing', () => {
		fakeBrowser({ paintTiming: false });
		const start = vi.fn();
		afterFirstPaint(options, start);
		expect(start).toHaveBeenCalledTimes(1);
	});
});
