/**
 * Never a sticky graphic that does not move. The story's sticky layout is drawn only while the
 * scroll engine is on its way or running: `<html data-engine="starting" | "running">`. A small
 * script in the head (this guard, inline, by hash in the CSP) says "starting" before the first
 * paint, so a reader whose scripts load sees nothing shift. It gives up, `data-engine="failed"`,
 * when the page's scripts cannot run: a module that fails to load (blocked, refused by CORS in a
 * sandboxed frame, a failed chunk), a start that rejects, a script the policy refuses, or no
 * engine ten seconds after the page has loaded or thirty after it began (a request that hangs
 * holds the load event back). Without the attribute (JavaScript off, the guard
 * itself refused) or with "failed", the story is the flat one: each account with its own map.
 */

/** The attribute on `<html>`; ScrollyStory's and InlineMap's styles key the layout on it. */
export const ENGINE = 'data-engine';

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

/**
 * Called as the engine attaches: true if it may run (the page now says "running"), false if the
 * guard has already given up, and the story stays flat rather than changing under the reader.
 */
export function claimEngine(root: HTMLElement = document.documentElement): boolean {
	if (root.getAttribute(ENGINE) === 'failed') return false;
	root.setAttribute(ENGINE, 'running');
	return true;
}
