import type { Attachment } from 'svelte/attachments';
import type { HostViewport } from '$lib/embed/host-viewport.svelte';
import { formatCount } from '$lib/format';
import { loadGsap, whenIdle } from './lazy-module';
import { prefersReducedMotion } from './motion';

/** The count shown at `progress` (0…1, already eased): whole numbers, exactly `value` at the end. */
export function countAt(progress: number, value: number): number {
	return Math.round(Math.min(1, Math.max(0, progress)) * value);
}

/**
 * New digits at most this many times a second, on the final value at the end. Every new number is
 * a frame of style, layout, paint and commit for the page (about 3 ms at 1x, 12 on a cheap phone):
 * at 60 a second the count was most of what scrolling past it cost (#25); at 30 it reads the same,
 * its low digits a blur either way.
 */
export const COUNT_FPS = 30;

/** A gate that opens at most `fps` times a second, given the time in ms, a little early rather than late. */
export function throttle(fps: number): (now: number) => boolean {
	const gap = 1000 / fps - 4;
	let last = -Infinity;
	return (now) => {
		if (now - last < gap) return false;
		last = now;
		return true;
	};
}

/** Slows into the final value, so the last digits land rather than stop. */
export const COUNT_EASE = 'power3.out';

/**
 * What a counter shows: the number in its `[data-counter]` element and, in a unit chart, the
 * first `count` of its `[data-unit]` figures filled.
 */
export function renderCount(root: HTMLElement, count: number): void {
	const counter = root.querySelector<HTMLElement>('[data-counter]');
	const text = formatCount(count);
	// A new text node each time: one text node whose digits change would be one whose box moves,
	// which browsers report as a layout shift (CLS), though nothing around it moves.
	if (counter && counter.textContent !== text) counter.textContent = text;
	root.querySelectorAll('[data-unit]').forEach((unit, i) => {
		const filled = i < count;
		if (unit.hasAttribute('data-filled') !== filled) unit.toggleAttribute('data-filled', filled);
	});
}

export interface CountUpOptions {
	/** The final value: what the HTML already shows. */
	value: number;
	/** Seconds the count takes. */
	duration: number;
	/** Inside an embed: the host's viewport decides what is in view (the frame itself never scrolls). */
	host?: HostViewport;
	/** Count each time it first appears on screen, from 0 (a slide), rather than on scrolling in. */
	onAppear?: boolean;
}

/**
 * Every figure callout (`[data-figure]`) under the element counts up, with countUp: the server
 * wrote the callouts (they are not hydrated), and `figures` gives each its value.
 */
export function countUps(
	figures: Readonly<Record<string, { value: number }>>,
	options: Pick<CountUpOptions, 'host' | 'onAppear'> = {}
): Attachment<HTMLElement> {
	return (root) => {
		// gsap is fetched and parsed while the reader reads, not as the first count starts: its
		// evaluation was a 16-22 ms task at 4x in the middle of a scroll (#25). A failed fetch is
		// tried again by the count, which shows the final value if it fails too.
		if (!prefersReducedMotion()) whenIdle(() => void loadGsap().catch(() => {}));
		const stops = [...root.querySelectorAll<HTMLElement>('[data-figure]')].map((callout) => {
			const value = figures[callout.dataset.figure ?? '']?.value;
			if (value === undefined) return undefined;
			// The large number takes longer, so its digits are not a blur.
			return countUp({ value, duration: value > 1000 ? 1.8 : 1.4, ...options })(callout);
		});
		return () => stops.forEach((stop) => stop?.());
	};
}

/** Where the counter is relative to the reader's view. */
interface Sighting {
	/**
	 * Within a screen below the view, or in it. A whole screen, because a page-down that does not
	 * scroll smoothly (WebKitGTK) jumps nearly a screen: from half a screen below, a counter would
	 * land in view without ever being armed, and never count.
	 */
	near: boolean;
	/** Entirely below the view: unseen. */
	below: boolean;
	/** At least 60% of it in view. */
	seen: boolean;
}

/**
 * Counts a figure up from 0 the first time it scrolls into view, once. The HTML holds the final
 * value, and keeps it unless the count can run where the reader sees it: the counter is reset to 0
 * only while it waits below the screen, and goes back to its final value if the reader turns away
 * (or jumps past) before it shows. Already on screen at load, above it, or with reduced motion:
 * the final value stays and nothing moves.
 */
export function countUp({
	value,
	duration,
	host,
	onAppear = false
}: CountUpOptions): Attachment<HTMLElement> {
	return (root) => {
		if (prefersReducedMotion()) return;
		let state: 'waiting' | 'armed' | 'counting' | 'done' = 'waiting';
		let tween: { kill(): void } | undefined;
		let stop = () => {};
		/** Lets the counter's box go once the count is over. */
		let release = () => {};
		const finish = () => {
			release();
			release = () => {};
			state = 'done';
			delete root.dataset.motion;
			renderCount(root, value);
			stop();
		};
		const start = () => {
			state = 'counting';
			const box = root.querySelector<HTMLElement>('[data-count-box]');
			if (box) release = holdSize(box);
			// Like the map's: counting until the final value is shown.
			root.dataset.motion = 'running';
			void loadGsap().then(
				(gsap) => {
					if (state !== 'counting') return;
					const progress = { p: 0 };
					const due = throttle(COUNT_FPS);
					tween = gsap.to(progress, {
						p: 1,
						duration,
						ease: COUNT_EASE,
						onUpdate: () => {
							if (due(performance.now())) renderCount(root, countAt(progress.p, value));
						},
						onComplete: finish
					});
				},
				() => state === 'counting' && finish()
			);
		};
		const update = ({ near, below, seen }: Sighting) => {
			if (onAppear) {
				if (state === 'armed' && seen) start();
				return;
			}
			if (state === 'waiting' && near) {
				if (!below) return finish();
				state = 'armed';
				renderCount(root, 0);
			} else if (state === 'armed' && !near) {
				state = 'waiting';
				renderCount(root, value);
			}
			if (state === 'armed' && seen) start();
		};

		// A slide waits hidden at 0 until it is shown.
		if (onAppear) {
			state = 'armed';
			renderCount(root, 0);
		}
		// Paper shows the final value, whatever the count was doing: before printing, and whenever
		// the page is laid out for print (a print preview or a PDF made without beforeprint).
		const print = () => {
			tween?.kill();
			finish();
		};
		const paper = matchMedia('print');
		const toPaper = (event: MediaQueryListEvent) => event.matches && print();
		window.addEventListener('beforeprint', print);
		paper.addEventListener('change', toPaper);
		try {
			const unwatch = host ? watchHost(root, host, update) : watchViewport(root, update);
			stop = () => {
				unwatch();
				window.removeEventListener('beforeprint', print);
				paper.removeEventListener('change', toPaper);
			};
		} catch {
			// No way to tell when it is seen (an old browser): show the final value, as without JS.
			finish();
		}
		return () => {
			tween?.kill();
			if (state !== 'done') finish();
		};
	};
}

/**
 * Holds a block at the height it has now, contained (`contain: strict`), until the returned
 * function lets it go: a number that changes every frame is then laid out and painted alone, not
 * with the 11,000 px page around it (a count's frames at 1x: layout 65 → 35 ms, paint 102 → 61 ms
 * over the count, #25). A block, whose width is its column's: an inline box contained would sit
 * on another baseline, and the digits would jump.
 */
export function holdSize(block: HTMLElement): () => void {
	const { height } = block.getBoundingClientRect();
	Object.assign(block.style, { height: `${height}px`, contain: 'strict' });
	return () => Object.assign(block.style, { height: '', contain: '' });
}

/** In a page that scrolls: IntersectionObserver, one band below the view and one for "seen". */
function watchViewport(root: HTMLElement, update: (s: Sighting) => void): () => void {
	let near = false;
	let below = true;
	let seen = false;
	const band = new IntersectionObserver(
		([entry]) => {
			if (!entry) return;
			near = entry.isIntersecting;
			below = entry.boundingClientRect.top >= window.innerHeight;
			update({ near, below, seen });
		},
		{ rootMargin: '0px 0px 100% 0px' }
	);
	const view = new IntersectionObserver(
		([entry]) => {
			seen = !!entry?.isIntersecting;
			if (seen) update({ near: true, below: false, seen });
		},
		{ threshold: 0.6 }
	);
	band.observe(root);
	view.observe(root);
	return () => {
		band.disconnect();
		view.disconnect();
	};
}

/** In an embed: the same sightings, computed from the host's viewport and a measured position. */
function watchHost(
	root: HTMLElement,
	host: HostViewport,
	update: (s: Sighting) => void
): () => void {
	let top = 0;
	let height = 0;
	const measure = () => {
		const box = root.getBoundingClientRect();
		top = box.top + window.scrollY;
		height = box.height;
	};
	const sizes = new ResizeObserver(measure);
	sizes.observe(document.documentElement);
	measure();
	const cleanup = $effect.root(() => {
		$effect(() => {
			if (!host.known) return;
			const viewTop = host.top;
			const viewBottom = host.top + host.height;
			const visible = Math.min(top + height, viewBottom) - Math.max(top, viewTop);
			update({
				near: top < viewBottom + host.height && top + height > viewTop,
				below: top >= viewBottom,
				seen: visible >= Math.min(height, host.height) * 0.6
			});
		});
	});
	return () => {
		sizes.disconnect();
		cleanup();
	};
}
