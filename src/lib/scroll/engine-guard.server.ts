// The scroll engine's guard, written into the head of the pages with the sticky graphic
// (hooks.server.ts): see engine-guard.ts for what it keeps and when it gives up.

/** Runs in the page's head. Self-contained: it is serialised into the page. */
export function engineGuard(): void {
	const root = document.documentElement;
	root.setAttribute('data-engine', 'starting');
	let moved = false;
	for (const type of ['wheel', 'keydown', 'touchstart', 'pointerdown'])
		addEventListener(type, () => (moved = true), { once: true, passive: true });
	const fail = () => {
		if (root.getAttribute('data-engine') !== 'starting') return;
		root.setAttribute('data-engine', 'failed');
		// The flat story is longer above an account: a deep link (./#oleg) lands there again,
		// unless the reader has moved on since.
		const target = moved ? null : document.getElementById(location.hash.slice(1));
		target?.scrollIntoView();
	};
	addEventListener(
		'error',
		(event) => {
			const target = event.target;
			if (
				target instanceof HTMLScriptElement ||
				(target instanceof HTMLLinkElement && target.rel === 'modulepreload')
			)
				fail();
		},
		true
	);
	addEventListener('unhandledrejection', fail);
	addEventListener('securitypolicyviolation', (event) => {
		if (event.effectiveDirective.startsWith('script')) fail();
	});
	addEventListener('load', () => setTimeout(fail, 10_000));
	setTimeout(fail, 30_000);
}

/** The guard as the page's inline script. */
export const engineGuardScript = `(${engineGuard.toString()})();`;
