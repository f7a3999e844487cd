// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimEngine } from '$lib/scroll/engine-guard';
import { engineGuardScript } from '$lib/scroll/engine-guard.server';

afterEach(() => {
	document.documentElement.removeAttribute('data-engine');
});

describe('claimEngine', () => {
	it('lets the engine run, saying "running", unless the guard has given up', () => {
		const root = document.createElement('html');
		expect(claimEngine(root)).toBe(true);
		expect(root.getAttribute('data-engine')).toBe('running');

		root.setAttribute('data-engine', 'starting');
		expect(claimEngine(root)).toBe(true);
		expect(root.getAttribute('data-engine')).toBe('running');

		root.setAttribute('data-engine', 'failed');
		expect(claimEngine(root)).toBe(false);
		expect(root.getAttribute('data-engine')).toBe('failed');
	});

	it('claims the page’s own <html> by default', () => {
		expect(claimEngine()).toBe(true);
		expect(document.documentElement.getAttribute('data-engine')).toBe('running');
	});
});

/**
 * The guard's inline script, run as the page's head runs it, in a page of its own (its listeners
 * stay on that window), with the timers it sets held for the test to fire.
 */
function page(url = 'https://example.org/story/') {
	const win = new Window({ url });
	const timers: { ms: number; run: () => void }[] = [];
	const setTimeout = (run: () => void, ms: number) => timers.push({ ms, run });
	const globals = {
		document: win.document,
		location: win.location,
		addEventListener: win.addEventListener.bind(win),
		setTimeout,
		HTMLScriptElement: win.HTMLScriptElement,
		HTMLLinkElement: win.HTMLLinkElement
	};
	// The serialised script, run with the page's globals in place of the test's, as its own head would.
	new Function(...Object.keys(globals), engineGuardScript)(...Object.values(globals));
	const root = win.document.documentElement;
	return {
		win,
		timers,
		state: () => root.getAttribute('data-engine'),
		fire: (ms: number) => timers.filter((t) => t.ms === ms).forEach((t) => t.run())
	};
}

const failedLoad = (p: ReturnType<typeof page>, html: string) => {
	p.win.document.head.innerHTML = html;
	p.win.document.head.firstElementChild!.dispatchEvent(new p.win.Event('error'));
};

const violation = (p: ReturnType<typeof page>, effectiveDirective: string) =>
	p.win.dispatchEvent(
		Object.assign(new p.win.Event('securitypolicyviolation'), { effectiveDirective })
	);

describe('the engine guard (inline in the head)', () => {
	it('says "starting" at once, so the sticky layout is there from the first paint', () => {
		expect(page().state()).toBe('starting');
	});

	it('gives up when a script or a module preload fails to load', () => {
		const script = page();
		failedLoad(script, '<script type="module" src="app.js"></script>');
		expect(script.state()).toBe('failed');

		const preload = page();
		failedLoad(preload, '<link rel="modulepreload" href="chunk.js">');
		expect(preload.state()).toBe('failed');
	});

	it('keeps going when only a picture or a stylesheet fails', () => {
		const p = page();
		failedLoad(p, '<img src="card.png">');
		failedLoad(p, '<link rel="stylesheet" href="fonts.css">');
		expect(p.state()).toBe('starting');
	});

	it('gives up on a start that rejects', () => {
		const p = page();
		p.win.dispatchEvent(new p.win.Event('unhandledrejection'));
		expect(p.state()).toBe('failed');
	});

	it('gives up when the policy refuses a script, not a style', () => {
		const p = page();
		violation(p, 'style-src-attr');
		expect(p.state()).toBe('starting');
		violation(p, 'script-src-elem');
		expect(p.state()).toBe('failed');
	});

	it('gives up thirty seconds after the page began, or ten after it loaded', () => {
		const early = page();
		expect(early.timers.map((t) => t.ms)).toEqual([30_000]);
		early.fire(30_000);
		expect(early.state()).toBe('failed');

		const loaded = page();
		loaded.win.dispatchEvent(new loaded.win.Event('load'));
		loaded.fire(10_000);
		expect(loaded.state()).toBe('failed');
	});

	it('never takes the page back from an engine that runs', () => {
		const p = page();
		p.win.document.documentElement.setAttribute('data-engine', 'running');
		p.win.dispatchEvent(new p.win.Event('unhandledrejection'));
		p.fire(30_000);
		expect(p.state()).toBe('running');
	});

	it('as it gives up, takes a deep link back to its account in the longer flat story', () => {
		const p = page('https://example.org/story/#oleg');
		p.win.document.body.innerHTML = '<section id="oleg"></section>';
		const scroll = vi.fn();
		p.win.document.getElementById('oleg')!.scrollIntoView = scroll;
		p.fire(30_000);
		expect(scroll).toHaveBeenCalledOnce();
	});

	it('leaves a reader who has moved since where they are', () => {
		for (const type of ['wheel', 'keydown', 'touchstart', 'pointerdown']) {
			const p = page('https://example.org/story/#oleg');
			p.win.document.body.innerHTML = '<section id="oleg"></section>';
			const scroll = vi.fn();
			p.win.document.getElementById('oleg')!.scrollIntoView = scroll;
			p.win.dispatchEvent(new p.win.Event(type));
			p.fire(30_000);
			expect(p.state()).toBe('failed');
			expect(scroll, type).not.toHaveBeenCalled();
		}
	});
});
