// @vitest-environment happy-dom
import type { ScrollamaInstance } from 'scrollama';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActiveStep } from '$lib/scroll/active-step.svelte';
import { scrolly } from '$lib/scroll/scrolly';

/** scrollama as the engine drives it: the test reports a step crossing the line. */
const scrollama = vi.hoisted(() => ({
	broken: false,
	instances: [] as {
		options?: { step: HTMLElement[]; offset: number };
		enter?: (report: { element: HTMLElement }) => void;
		offset: (value: number) => void;
		destroy: () => void;
	}[]
}));
vi.mock('scrollama', () => ({
	default: () => {
		if (scrollama.broken) throw new TypeError('IntersectionObserver is not defined');
		const instance: (typeof scrollama.instances)[number] = {
			offset: vi.fn(),
			destroy: vi.fn()
		};
		const api = {
			setup(options: typeof instance.options) {
				instance.options = options;
				return api;
			},
			onStepEnter(enter: typeof instance.enter) {
				instance.enter = enter;
				return api;
			},
			offset: instance.offset,
			destroy: instance.destroy
		};
		scrollama.instances.push(instance);
		return api as unknown as ScrollamaInstance;
	}
}));

/** ResizeObserver, fired by the test: happy-dom lays nothing out. */
class Sizes {
	static last: Sizes | undefined;
	disconnected = false;
	constructor(readonly fire: () => void) {
		Sizes.last = this;
	}
	observe() {}
	disconnect() {
		this.disconnected = true;
	}
}

const STEPS = ['intro', 'anna', 'oleg', 'konstantin'] as const;
const HEIGHT = 1000;
const OFFSET = 0.6;
const LINE = HEIGHT * OFFSET;

/**
 * The story's steps, each 936 px tall, at `tops` in the page (a reflow changes them), seen from
 * `scroll`; the container's size is what the size watcher compares.
 */
function page() {
	const scrollyEl = document.body.appendChild(document.createElement('div'));
	scrollyEl.className = 'scrolly';
	const container = scrollyEl.appendChild(document.createElement('div'));
	const layout = { tops: [0, 1000, 2000, 3000], scroll: 0, width: 400, height: 4000 };
	const steps = STEPS.map((step, i) => {
		const el = container.appendChild(document.createElement('section'));
		el.id = step;
		el.dataset.step = step;
		el.getBoundingClientRect = () => {
			const top = layout.tops[i]! - layout.scroll;
			return { top, bottom: top + 936 } as DOMRect;
		};
		return el;
	});
	Object.defineProperties(container, {
		clientWidth: { get: () => layout.width },
		clientHeight: { get: () => layout.height }
	});
	// The engine's own scrolls (the reader's are the test's scrollTo).
	const jumps = vi.fn(({ top }: { top: number }) => {
		layout.scroll = top;
		vi.stubGlobal('scrollY', top);
	});
	vi.stubGlobal('scrollTo', jumps);
	vi.stubGlobal('scrollY', 0);
	return { scrollyEl, container, steps, layout, jumps };
}

/** The engine on a page opened at `hash`: its scrollama, once loaded, and the test's hands. */
function start(hash = '') {
	vi.stubGlobal('location', { hash });
	const p = page();
	const active = new ActiveStep(STEPS);
	// In an effect, as Svelte runs an attachment: the engine's own writes must not re-run it.
	const stop = $effect.root(() => {
		$effect(() => scrolly(active, { offset: () => OFFSET })(p.container));
	});
	flushSync();
	running.push(stop);
	const loaded = () =>
		vi.waitFor(() => {
			const [scroller] = scrollama.instances;
			if (!scroller) throw new Error('scrollama has not arrived yet');
			return scroller;
		});
	const report = async (step: (typeof STEPS)[number]) =>
		(await loaded()).enter!({ element: p.steps[STEPS.indexOf(step)]! });
	const scrollTo = (y: number) => {
		p.layout.scroll = y;
		vi.stubGlobal('scrollY', y);
	};
	const scrollEnd = () => window.dispatchEvent(new Event('scrollend'));
	const resize = (size: Partial<{ width: number; height: number; tops: number[] }>) => {
		Object.assign(p.layout, size);
		Sizes.last!.fire();
	};
	return { ...p, active, stop, loaded, report, scrollTo, scrollEnd, resize };
}

/** Every engine started, stopped after each test so none hears the next one's window. */
const running: (() => void)[] = [];
let frames: (() => void)[] = [];
const nextFrame = () => frames.splice(0).forEach((frame) => frame());
/** Until the engine's modules have arrived and it has had a task to act on them. */
async function settle() {
	await Promise.all([import('scrollama'), import('$lib/scroll/step-at')]);
	await new Promise((resolve) => setTimeout(resolve));
}

beforeEach(() => {
	scrollama.instances.length = 0;
	scrollama.broken = false;
	frames = [];
	vi.stubGlobal('innerHeight', HEIGHT);
	vi.stubGlobal('ResizeObserver', Sizes);
	vi.stubGlobal('requestAnimationFrame', (frame: () => void) => frames.push(frame));
});
afterEach(() => {
	for (const stop of running.splice(0)) stop();
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
	document.body.replaceChildren();
});

describe('the scroll engine', () => {
	it('hands scrollama the steps and the offset line, once however the step changes', async () => {
		const { steps, loaded, report, scrollTo } = start('#anna');
		expect((await loaded()).options).toEqual({ step: steps, offset: OFFSET });
		scrollTo(1000);
		await report('anna');
		scrollTo(2000);
		await report('oleg');
		flushSync();
		expect(scrollama.instances).toHaveLength(1);
	});

	it('sets the step under the line when a step is reported, not the step reported', async () => {
		const { active, report, scrollTo } = start();
		scrollTo(1000);
		await report('oleg');
		expect(active.current).toBe('anna');
		scrollTo(2000);
		await report('konstantin');
		expect(active.current).toBe('oleg');
	});

	it('opens on the step a deep link names, and heeds no report until that step is reached', async () => {
		const { active, report, scrollTo } = start('#oleg');
		expect(active.current).toBe('oleg');
		// Still at the top: the browser has not jumped yet.
		await report('intro');
		await report('anna');
		expect(active.current).toBe('oleg');
		scrollTo(2000);
		await report('oleg');
		expect(active.current).toBe('oleg');
		scrollTo(1000);
		await report('anna');
		expect(active.current).toBe('anna');
		expect(active.readerMoved).toBe(false);
	});

	it('ignores an address that names no step', async () => {
		const { active, report } = start('#%');
		expect(active.current).toBe('intro');
		await report('intro');
		expect(active.current).toBe('intro');
	});

	for (const input of ['wheel', 'touchstart', 'keydown', 'pointerdown', 'hashchange']) {
		it(`ends the arrival where the reader moves (${input}): where the page is decides`, async () => {
			const { active, report } = start('#oleg');
			window.dispatchEvent(new Event(input));
			expect(active.readerMoved).toBe(true);
			await report('anna');
			expect(active.current).toBe('intro');
		});
	}

	it('lets the position decide over the address on a reload or a return through history', async () => {
		for (const type of ['reload', 'back_forward']) {
			vi.spyOn(performance, 'getEntriesByType').mockReturnValue([
				{ type } as PerformanceNavigationTiming
			]);
			const { active, report, stop } = start('#oleg');
			await report('intro');
			expect(active.current, type).toBe('intro');
			stop();
			scrollama.instances.length = 0;
		}
	});

	it('checks the step under the line where a scroll ends, unless the page is still arriving', async () => {
		const { active, loaded, scrollTo, scrollEnd } = start('#oleg');
		await loaded();
		scrollTo(1000);
		scrollEnd();
		expect(active.current).toBe('oleg');
		window.dispatchEvent(new Event('wheel'));
		scrollEnd();
		expect(active.current).toBe('anna');
	});

	it('reads no scroll end as a move while a reflow the size watcher has not seen is pending', async () => {
		for (const change of [{ width: 320 }, { height: 5000 }]) {
			const { active, layout, loaded, scrollTo, scrollEnd, stop } = start();
			await loaded();
			Object.assign(layout, change);
			scrollTo(1000);
			scrollEnd();
			expect(active.current, JSON.stringify(change)).toBe('intro');
			stop();
			scrollama.instances.length = 0;
		}
	});
});

describe('the scroll engine, when the layout changes', () => {
	/** The reader on Anna's account, at its top. */
	async function onAnna() {
		const engine = start();
		engine.scrollTo(1000);
		await engine.report('anna');
		expect(engine.active.current).toBe('anna');
		return { ...engine, scroller: await engine.loaded() };
	}

	it('does nothing for a size that did not change', async () => {
		const { resize, scroller, jumps } = await onAnna();
		resize({});
		expect(scroller.offset).not.toHaveBeenCalled();
		expect(jumps).not.toHaveBeenCalled();
		expect(frames).toHaveLength(0);
	});

	it('on a new width, sets the line again and brings the active step back under it', async () => {
		const { resize, scroller, jumps } = await onAnna();
		// Narrower: Anna's account now starts at 1700, below the line at 1000 + 600.
		resize({ width: 320, tops: [0, 1700, 3400, 5100] });
		expect(scroller.offset).toHaveBeenCalledWith(OFFSET);
		expect(jumps).toHaveBeenCalledExactlyOnceWith({
			top: 1000 + 700 - LINE + 1,
			behavior: 'instant'
		});
	});

	it('brings back a step that has risen above the line too', async () => {
		const { resize, jumps } = await onAnna();
		resize({ width: 1280, tops: [0, 400, 900, 1400] });
		expect(jumps).toHaveBeenCalledExactlyOnceWith({
			top: 1000 + (400 - 1000) - LINE + 1,
			behavior: 'instant'
		});
	});

	it('leaves the page where it is when the active step is still under the line', async () => {
		const { resize, jumps } = await onAnna();
		resize({ width: 320, tops: [0, 900, 2100, 3300] });
		expect(jumps).not.toHaveBeenCalled();
	});

	it('leaves a reader above the first step where the story begins', async () => {
		const { active, resize, jumps } = start();
		// The headline grew: the first step starts below the line.
		resize({ width: 320, tops: [900, 1900, 2900, 3900] });
		expect(active.current).toBe('intro');
		expect(jumps).not.toHaveBeenCalled();
	});

	it('follows a change of height only once the reader has moved (before: fonts, a restored place)', async () => {
		const { resize, jumps } = await onAnna();
		resize({ height: 5000, tops: [0, 1700, 3400, 5100] });
		expect(jumps).not.toHaveBeenCalled();
		window.dispatchEvent(new Event('wheel'));
		resize({ height: 6000, tops: [0, 1800, 3600, 5400] });
		expect(jumps).toHaveBeenCalledOnce();
	});

	it('holds the active step for two frames, then checks the step under the line', async () => {
		const { active, report, resize, scrollTo, scrollEnd } = await onAnna();
		resize({ width: 320, tops: [0, 1700, 3400, 5100] });
		// A glide the reflow overtook ends on Oleg's account: neither its report nor its end counts yet.
		scrollTo(3400);
		await report('oleg');
		scrollEnd();
		expect(active.current).toBe('anna');
		nextFrame();
		expect(active.current).toBe('anna');
		nextFrame();
		expect(active.current).toBe('oleg');
	});
});

describe('the scroll engine, failing or stopped', () => {
	it('falls back to the static layout and says why when it cannot start', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		vi.stubGlobal('ResizeObserver', undefined);
		const { scrollyEl } = start();
		expect(scrollyEl.hasAttribute('data-static-maps')).toBe(true);
		expect(warn).toHaveBeenCalledWith(expect.any(String), expect.any(TypeError));
		// The fallback cannot stop a setup that threw, and scrollama still arrives: here, not in
		// the next test.
		await settle();
	});

	it('falls back, and stops watching, when scrollama fails to start', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		scrollama.broken = true;
		const { scrollyEl, active, scrollTo, scrollEnd } = start();
		await vi.waitFor(() => expect(scrollyEl.hasAttribute('data-static-maps')).toBe(true));
		expect(warn).toHaveBeenCalledOnce();
		expect(Sizes.last!.disconnected).toBe(true);
		scrollTo(1000);
		scrollEnd();
		expect(active.current).toBe('intro');
	});

	it('stopped before scrollama arrives, never starts it', async () => {
		const { stop } = start();
		stop();
		await settle();
		expect(scrollama.instances).toHaveLength(0);
		expect(Sizes.last!.disconnected).toBe(true);
	});

	it('stopped, lets scrollama and the scroll ends go', async () => {
		const { active, loaded, stop, scrollTo, scrollEnd } = start();
		const scroller = await loaded();
		stop();
		expect(scroller.destroy).toHaveBeenCalledOnce();
		expect(Sizes.last!.disconnected).toBe(true);
		scrollTo(1000);
		scrollEnd();
		expect(active.current).toBe('intro');
	});
});
