// Apart from motion.ts, which the first load carries: only the lazily loaded motions need these.

/**
 * A module fetched once, when first needed. A failed fetch is forgotten, so the next need tries
 * again: Safari and WebKitGTK fail an import that leaving the page cut short, and a page restored
 * from the back/forward cache then never moved its map again.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
	let loading: Promise<T> | undefined;
	return () =>
		(loading ??= load().catch((error: unknown) => {
			loading = undefined;
			throw error;
		}));
}

/** gsap is fetched when the first animation needs it, off the page's critical path. */
export const loadGsap = lazyModule(() => import('gsap').then((m) => m.gsap));

/**
 * Runs `fn` when the browser is idle (or in 1.5 s where it cannot say): a motion's code is fetched
 * and parsed then, not in a frame the reader is scrolling through.
 */
export function whenIdle(fn: () => void): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(fn);
	else setTimeout(fn, 1500);
}
