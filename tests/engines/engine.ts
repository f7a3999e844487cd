/**
 * The few things a smoke scenario asks of a browser, so one scenario runs unchanged in Chromium
 * (Playwright), Firefox ESR (puppeteer-core, WebDriver BiDi) and WebKitGTK (webdriverio, WebDriver
 * classic). Each engine's driver implements it in its own file.
 */
export interface TabOptions {
	width: number;
	height: number;
	reducedMotion?: boolean;
	javaScript?: boolean;
}

/** A function that runs in the page: self-contained, one serializable argument. */
export type InPage<A, R> = (arg: A) => R;

export interface Tab {
	goto(url: string): Promise<void>;
	/** Runs `fn` in the current document (the page, or the frame entered with enterFrame). */
	run<R, A = undefined>(fn: InPage<A, R>, arg?: A): Promise<R>;
	/**
	 * A key as a reader or a presenter's clicker sends it, named as Playwright names it:
	 * 'PageDown', 'ArrowRight', 'Space', 'Shift+Space', 'b'… Each driver translates.
	 */
	press(key: string): Promise<void>;
	/** Moves the pointer to (x, y) in the top page's viewport. */
	move(x: number, y: number): Promise<void>;
	/** Turns the mouse wheel by `dy` pixels where the pointer is. */
	wheel(dy: number): Promise<void>;
	/** Clicks the element `selector` finds in the current document (the page or the frame entered). */
	click(selector: string): Promise<void>;
	/** Sizes the page's viewport (WebKitGTK: the window around it). */
	resize(width: number, height: number): Promise<void>;
	/** Reloads the top page. */
	reload(): Promise<void>;
	/** The browser's back button: the page before, from the back/forward cache where it can. */
	back(): Promise<void>;
	/** The viewport as a PNG, one CSS pixel to one pixel. */
	capture(): Promise<Buffer>;
	/** Runs the next `run` calls inside the iframe that `selector` finds (cross-origin too). */
	enterFrame(selector: string): Promise<void>;
	leaveFrame(): Promise<void>;
	screenshot(file: string): Promise<void>;
	close(): Promise<void>;
}

export interface Engine {
	name: 'chromium' | 'firefox' | 'webkit';
	/** Why this engine cannot run on this machine, or undefined when it can. */
	missing(): string | undefined;
	open(options: TabOptions): Promise<Tab>;
	/** Ends whatever the engine keeps between tabs. */
	shutdown(): Promise<void>;
}

/** Polls `fn` in the page until it returns a truthy value; fails with `what` after `timeout` ms. */
export async function waitIn<R, A = undefined>(
	tab: Tab,
	what: string,
	fn: InPage<A, R>,
	arg?: A,
	timeout = 10_000
): Promise<R> {
	const end = Date.now() + timeout;
	let last: R | undefined;
	while (Date.now() < end) {
		last = await tab.run(fn, arg);
		if (last) return last;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
