// @vitest-environment happy-dom
import { flushSync } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostViewport } from '$lib/embed/host-viewport.svelte';
import { ActiveStep } from '$lib/scroll/active-step.svelte';
import { hostScrolly, hostSticky } from '$lib/scroll/host-scrolly.svelte';

/** ResizeObserver, fired by the test: happy-dom lays nothing out. */
class Sizes {
	static all: Sizes[] = [];
	observed: Element[] = [];
	disconnected = false;
	constructor(readonly fire: () => void) {
		Sizes.all.push(this);
	}
	observe(target: Element) {
		this.observed.push(target);
	}
	disconnect() {
		this.disconnected = true;
	}
}

/** Attaches as Svelte does, in an effect of its own; returns the teardown. */
function attach<T extends HTMLElement>(attachment: Attachment<T>, node: T) {
	const destroy = $effect.root(() => {
		$effect(() => attachment(node));
	});
	flushSync();
	return destroy;
}

/** The host's viewport as a geometry message leaves it: `top` and `height` in this document. */
function geometry(host: HostViewport, top: number, height: number) {
	host.top = top;
	host.height = height;
	host.known = true;
	flushSync();
}

/** The frame's own scroll (none, usually: it is as tall as its content), in every position. */
const SCROLL_Y = 40;

beforeEach(() => {
	Sizes.all = [];
	vi.stubGlobal('ResizeObserver', Sizes);
	vi.stubGlobal('scrollY', SCROLL_Y);
});
afterEach(() => {
	vi.unstubAllGlobals();
	document.body.replaceChildren();
});

describe('the scroll engine in an embed', () => {
	const STEPS = ['intro', 'anna', 'oleg', 'konstantin'] as const;

	/** Steps whose tops in the document are `layout.tops`, and the engine on them. */
	function embed() {
		const container = document.body.appendChild(document.createElement('div'));
		const layout = { tops: [100, 1100, 2100, 3100] };
		STEPS.forEach((step, i) => {
			const el = container.appendChild(document.createElement('section'));
			el.dataset.step = step;
			el.getBoundingClientRect = () => ({ top: layout.tops[i]! - SCROLL_Y }) as DOMRect;
		});
		const active = new ActiveStep(STEPS);
		const host = new HostViewport();
		const destroy = attach(hostScrolly(active, host, { offset: () => 0.5 }), container);
		const [sizes] = Sizes.all;
		return { container, layout, active, host, destroy, sizes: sizes! };
	}

	it('waits for the host: without its geometry, the step and the reader stay as they are', () => {
		const { active, host } = embed();
		active.set('oleg');
		host.top = 500;
		flushSync();
		expect(active.current).toBe('oleg');
		expect(active.readerMoved).toBe(false);
	});

	it("makes the last step whose top has passed the line (the host's view, at the offset) active", () => {
		const { active, host } = embed();
		// Line at 1000 + 800 × 0.5 = 1400: Anna's account (1100) has passed it, Oleg's (2100) not.
		geometry(host, 1000, 800);
		expect(active.current).toBe('anna');
		// On Oleg's top, his; a pixel short, still Anna's.
		geometry(host, 1700, 800);
		expect(active.current).toBe('oleg');
		geometry(host, 1699, 800);
		expect(active.current).toBe('anna');
		geometry(host, 0, 100);
		expect(active.current).toBe('intro');
		geometry(host, 9000, 800);
		expect(active.current).toBe('konstantin');
	});

	it('measures the steps again when the layout changes, and answers the last geometry anew', () => {
		const { active, host, layout, sizes, container } = embed();
		expect(sizes.observed).toEqual([container, document.documentElement]);
		geometry(host, 1000, 800);
		expect(active.current).toBe('anna');
		// A taller header pushed every step down 500 px: the line is still in the intro.
		layout.tops = layout.tops.map((top) => top + 500);
		sizes.fire();
		flushSync();
		expect(active.current).toBe('intro');
	});

	it('takes the first geometry as where the reader arrived, and a new top after it as a move', () => {
		const { active, host } = embed();
		geometry(host, 2000, 800);
		expect(active.readerMoved).toBe(false);
		geometry(host, 2000, 600);
		expect(active.readerMoved).toBe(false);
		geometry(host, 2100, 600);
		expect(active.readerMoved).toBe(true);
	});

	it('removed, stops watching the host and the layout', () => {
		const { active, host, destroy, sizes } = embed();
		geometry(host, 1000, 800);
		destroy();
		expect(sizes.disconnected).toBe(true);
		geometry(host, 1700, 800);
		expect(active.current).toBe('anna');
		expect(active.readerMoved).toBe(false);
	});
});

describe('the graphic held in view inside an embed', () => {
	/** A frame `layout.height` tall at `layout.top` in the document, holding a graphic. */
	function frame() {
		const el = document.body.appendChild(document.createElement('div'));
		const graphic = el.appendChild(document.createElement('figure'));
		const layout = { top: 300, height: 2000, graphic: 500 };
		el.getBoundingClientRect = () =>
			({ top: layout.top - SCROLL_Y, height: layout.height }) as DOMRect;
		Object.defineProperty(graphic, 'offsetHeight', { get: () => layout.graphic });
		const host = new HostViewport();
		const destroy = attach(hostSticky(host), graphic);
		const [sizes] = Sizes.all;
		return { el, graphic, layout, host, destroy, sizes: sizes! };
	}
	const offset = (graphic: HTMLElement) => graphic.style.transform;

	it('stays where the page put it until the host is known', () => {
		const { graphic, host } = frame();
		host.top = 900;
		flushSync();
		expect(offset(graphic)).toBe('');
	});

	it("follows the top of the host's view, in whole pixels, within its frame", () => {
		const { graphic, host } = frame();
		geometry(host, 100, 800);
		expect(offset(graphic)).toBe('translate3d(0, 0px, 0)');
		geometry(host, 823.6, 800);
		expect(offset(graphic)).toBe('translate3d(0, 524px, 0)');
		// The frame ends 1,500 px below its top, less the graphic's height.
		geometry(host, 5000, 800);
		expect(offset(graphic)).toBe('translate3d(0, 1500px, 0)');
	});

	it('moves again when the layout changes, without a new geometry', () => {
		const { el, graphic, host, layout, sizes } = frame();
		expect(sizes.observed).toEqual([el, graphic, document.documentElement]);
		geometry(host, 900, 800);
		expect(offset(graphic)).toBe('translate3d(0, 600px, 0)');
		layout.top = 500;
		sizes.fire();
		flushSync();
		expect(offset(graphic)).toBe('translate3d(0, 400px, 0)');
		// A graphic taller than its frame (a larger text setting) stays at the frame's top.
		layout.graphic = 3000;
		sizes.fire();
		flushSync();
		expect(offset(graphic)).toBe('translate3d(0, 0px, 0)');
	});

	it('removed, puts the graphic back and stops watching', () => {
		const { graphic, host, destroy, sizes } = frame();
		geometry(host, 900, 800);
		destroy();
		expect(offset(graphic)).toBe('');
		expect(sizes.disconnected).toBe(true);
		geometry(host, 1200, 800);
		expect(offset(graphic)).toBe('');
	});
});
