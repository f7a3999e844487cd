import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Key, remote } from 'webdriverio';
import { sleep, type Engine } from './engine';

const DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER =
	process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Processes to end at the end: each driver with its MiniBrowser and WebKit processes, and Xvfb. */
const groups: ChildProcess[] = [];
const endAll = () => {
	for (const child of groups.splice(0)) {
		try {
			// Each was started as the leader of its own process group: this ends the whole tree.
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}
};
process.on('exit', endAll);

/**
 * Debian's WebKitGTK (MiniBrowser) through WebKitWebDriver and webdriverio, WebDriver classic (this
 * driver has no BiDi). Reduced motion and JavaScript are settings of the browser process, so each
 * tab is a driver and browser of its own (a third of a second). The driver cannot read the
 * console: the engine server injects tests/engines/probe.js, which records errors in the page.
 */
export const webkitEngine: Engine = {
	name: 'webkit',
	missing: () => {
		for (const file of [DRIVER, MINIBROWSER])
			if (!existsSync(file)) return `no ${file} (apt-get install -y webkit2gtk-driver xvfb)`;
		if (!process.env.DISPLAY && !onPath('Xvfb'))
			return 'no display and no Xvfb (apt-get install -y xvfb)';
		return undefined;
	},
	async open({ width, height, reducedMotion = false, javaScript = true }) {
		await ensureDisplay();
		const config = gtkConfig(reducedMotion);
		const port = await freePort();
		const driver = spawn(DRIVER, [`--port=${port}`], {
			env: { ...process.env, XDG_CONFIG_HOME: config, GTK_THEME: 'Adwaita', NO_AT_BRIDGE: '1' },
			stdio: 'ignore',
			detached: true
		});
		groups.push(driver);
		await listening(port);
		const browser = await remote({
			hostname: '127.0.0.1',
			port,
			path: '/',
			logLevel: 'error',
			connectionRetryCount: 1,
			capabilities: {
				browserName: 'MiniBrowser',
				'wdio:enforceWebDriverClassic': true,
				// @ts-expect-error: WebKitGTK's own capability, not in webdriverio's types.
				'webkitgtk:browserOptions': {
					binary: MINIBROWSER,
					args: ['--automation', ...(javaScript ? [] : ['--enable-javascript=false'])]
				}
			}
		});
		await sizeWindow(browser, width, height);
		let pointer: [number, number] = [0, 0];
		// Typed for the Tab interface: one argument in, a serializable result out.
		const execute = browser.execute.bind(browser) as unknown as <R>(
			fn: (arg: unknown) => R,
			arg: unknown
		) => Promise<R>;
		return {
			goto: async (url) => void (await browser.url(url)),
			run: (fn, arg) => execute(fn as (arg: unknown) => never, arg),
			press: async (name) => {
				// A chord ('Shift+Space') is the modifier held around the key.
				const keys = name.split(/\+(?=.)/).map((k) => (Key as Record<string, string>)[k] ?? k);
				const key = keys.pop()!;
				const action = browser.action('key');
				for (const modifier of keys) action.down(modifier);
				action.down(key).up(key);
				for (const modifier of keys.reverse()) action.up(modifier);
				await action.perform();
			},
			move: async (x, y) => {
				pointer = [Math.round(x), Math.round(y)];
				await browser
					.action('pointer')
					.move({ x: pointer[0], y: pointer[1], origin: 'viewport', duration: 0 })
					.perform();
			},
			wheel: async (dy) => {
				// WebDriver's wheel turns at a point: where the pointer last went. Not released after:
				// WebKitWebDriver releases a wheel by turning it back (a second event, -dy at 0,0).
				const [x, y] = pointer;
				await browser
					.action('wheel')
					.scroll({ x, y, deltaX: 0, deltaY: dy, duration: 0 })
					.perform(true);
			},
			click: async (selector) => void (await (await browser.$(selector)).click()),
			resize: (width, height) => sizeWindow(browser, width, height),
			reload: async () => void (await browser.refresh()),
			back: async () => void (await browser.back()),
			capture: async () => Buffer.from(await browser.takeScreenshot(), 'base64'),
			enterFrame: async (selector) => void (await browser.switchFrame(await browser.$(selector))),
			leaveFrame: async () => void (await browser.switchFrame(null)),
			screenshot: async (path) => void (await browser.saveScreenshot(path)),
			close: async () => {
				await browser.deleteSession().catch(() => {});
				try {
					process.kill(-driver.pid!, 'SIGKILL');
				} catch {
					// Already gone.
				}
				rmSync(config, { recursive: true, force: true });
			}
		};
	},
	shutdown: async () => endAll()
};

/**
 * GTK settings for one browser: no minimum widths (else windows stay wider than a phone, about
 * 450 px) and animations on or off, which is what WebKitGTK reports as prefers-reduced-motion.
 */
function gtkConfig(reducedMotion: boolean): string {
	const dir = mkdtempSync(join(tmpdir(), 'webkit-gtk-'));
	mkdirSync(join(dir, 'gtk-3.0'));
	writeFileSync(
		join(dir, 'gtk-3.0', 'gtk.css'),
		'* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; border-width: 0; }\n'
	);
	writeFileSync(
		join(dir, 'gtk-3.0', 'settings.ini'),
		`[Settings]\ngtk-enable-animations=${!reducedMotion}\n`
	);
	return dir;
}

/** Under xvfb-run the display exists; otherwise start a virtual one, larger than any window asked for. */
async function ensureDisplay(): Promise<void> {
	if (process.env.DISPLAY) return;
	// A screen larger than every window the tests open (a portrait 800x1280 and its chrome): X
	// clips a window to its screen, and the page in it would be shorter than asked.
	const xvfb = spawn(
		'Xvfb',
		['-displayfd', '3', '-screen', '0', '2560x2560x24', '-nolisten', 'tcp'],
		{
			stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
			detached: true
		}
	);
	groups.push(xvfb);
	const display = await new Promise<string>((resolve, reject) => {
		let out = '';
		xvfb.stdio[3]!.on('data', (chunk) => {
			out += chunk;
			if (out.includes('\n')) resolve(out.trim());
		});
		xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
	});
	process.env.DISPLAY = `:${display}`;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

async function listening(port: number): Promise<void> {
	for (let i = 0; i < 200; i++) {
		const open = await new Promise((resolve) => {
			const socket = connect(port, '127.0.0.1', () => {
				socket.end();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`WebKitWebDriver did not listen on ${port}`);
}

function onPath(command: string): boolean {
	return (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, command)));
}

/** Sizes the window so that the page inside its GTK chrome is width x height. */
async function sizeWindow(
	browser: WebdriverIO.Browser,
	width: number,
	height: number
): Promise<void> {
	// The window manager sizes the window a moment after the command, and the viewport is the
	// window less its frame: size, wait until the viewport stops changing, correct by what is off.
	// A walk once went on in a viewport 20 px short, and its picture was of another page.
	const viewport = () => browser.execute(() => [innerWidth, innerHeight]);
	let [w, h] = [width, height];
	let seen: number[] = [];
	for (let attempt = 0; attempt < 5; attempt++) {
		await browser.setWindowSize(w, h);
		for (let still = 0, i = 0; still < 2 && i < 40; i++) {
			await sleep(50);
			const now = await viewport();
			still = now.join() === seen.join() ? still + 1 : 0;
			seen = now;
		}
		const [iw, ih] = seen as [number, number];
		if (iw === width && ih === height) return;
		[w, h] = [w + width - iw, h + height - ih];
	}
	throw new Error(
		`the window would not size its viewport to ${width}x${height}: ${seen.join('x')}`
	);
}
