// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wholePixelTop } from '$lib/scroll/whole-pixel';

/** ResizeObservers made by the attachment, with what they watch; happy-dom's never fire. */
const observers: {
	callback: () => void;
	observed: Element[];
	disconnect: ReturnType<typeof vi.fn>;
}[] = [];
/** Frames asked for and not yet run, by id. */
let frames = new Map<number, FrameRequestCallback>();
let nextFrame = 1;
const runFrames = () => {
	const due = [...frames.values()];
	frames = new Map();
	for (const callback of due) callback(0);
};

beforeEach(() => {
	observers.length = 0;
	frames = new Map();
	vi.stubGlobal(
		'ResizeObserver',
		class {
			observed: Element[] = [];
			disconnect = vi.fn();
			constructor(readonly callback: () => void) {
				observers.push(this);
			}
			observe(el: Element) {
				this.observed.push(el);
			}
		}
	);
	vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
		frames.set(nextFrame, callback);
		return nextFrame++;
	});
	vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});
afterEach(() => {
	vi.unstubAllGlobals();
	document.body.replaceChildren();
	window.scrollY = 0;
});

/**
 * The graphic under a headline, laid out at `top` (in the document) before its own margin: its
 * rect moves with the margin, as a browser's would, so a snap that measures with the old margin on
 * lands off the pixel.
 */
function graphicAt(top: number) {
	document.body.innerHTML = '<h1>Flee, hide or fight</h1><p>Dek</p><div id="graphic"></div>';
	const node = document.getElementById('graphic')!;
	const layout = { top };
	node.getBoundingClientRect = () =>
		({ top: layout.top + (parseFloat(node.style.marginTop) || 0) - window.scrollY }) as DOMRect;
	return { node, layout };
}

describe('wholePixelTop', () => {
	it('nudges an element at a fractional offset down to the next whole pixel', () => {
		const { node } = graphicAt(120.3);
		wholePixelTop(node);
		expect(parseFloat(node.style.marginTop)).toBeCloseTo(0.7);
	});

	it('measures in the document, not the view, so a scrolled page snaps the same', () => {
		const { node } = graphicAt(120.3);
		window.scrollY = 40.5;
		wholePixelTop(node);
		expect(parseFloat(node.style.marginTop)).toBeCloseTo(0.7);
	});

	it('leaves an element already on a whole pixel (or a rounding error short of one) without a margin', () => {
		const whole = graphicAt(120).node;
		wholePixelTop(whole);
		expect(whole.style.marginTop).toBe('');
		const near = graphicAt(119.9995).node;
		wholePixelTop(near);
		expect(near.style.marginTop).toBe('');
	});

	it('watches what is above it, and snaps again in the next frame when it resizes', () => {
		const { node, layout } = graphicAt(120.3);
		wholePixelTop(node);
		const [above] = observers;
		expect(above?.observed.map((el) => el.tagName)).toEqual(['P', 'H1']);

		layout.top = 130.8;
		above!.callback();
		// Not inside the observer's callback: other observers would see a loop.
		expect(parseFloat(node.style.marginTop)).toBeCloseTo(0.7);
		above!.callback();
		expect(frames.size).toBe(1);
		runFrames();
		// Measured without the old margin: 0.2 to the pixel, not 0.2 minus 0.7.
		expect(parseFloat(node.style.marginTop)).toBeCloseTo(0.2);

		layout.top = 131;
		above!.callback();
		runFrames();
		expect(node.style.marginTop).toBe('');
	});

	it('stops watching and drops a pending frame when detached', () => {
		const { node, layout } = graphicAt(120.3);
		const cleanup = wholePixelTop(node);
		layout.top = 130.8;
		observers[0]!.callback();
		if (typeof cleanup === 'function') cleanup();
		expect(observers[0]!.disconnect).toHaveBeenCalled();
		expect(frames.size).toBe(0);
	});
});
