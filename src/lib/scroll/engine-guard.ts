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
 * The guard itself is server code (engine-guard.server.ts): the browser's bundle has only the claim.
 */

/** The attribute on `<html>`; ScrollyStory's and InlineMap's styles key the layout on it. */
const ENGINE = 'data-engine';

/**
 * Called as the engine attaches: true if it may run (the page now says "running"), false if the
 * guard has already given up, and the story stays flat rather than changing under the reader.
 */
export function claimEngine(root: HTMLElement = document.documentElement): boolean {
	if (root.getAttribute(ENGINE) === 'failed') return false;
	root.setAttribute(ENGINE, 'running');
	return true;
}
