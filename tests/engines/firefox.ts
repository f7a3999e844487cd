import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Frame, type KeyInput, type Page } from 'puppeteer-core';
import type { Engine } from './engine';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** One browser per set of preferences, shared by the tabs that need those (tabs: private contexts). */
const browsers = new Map<string, Promise<Browser>>();

/**
 * Debian's Firefox ESR through puppeteer-core over WebDriver BiDi. BiDi cannot emulate media
 * features or switch JavaScript off in a running browser, so each set of preferences is a browser
 * of its own (launched once, about two seconds), and each tab a fresh browser context in it.
 */
export const firefoxEngine: Engine = {
	name: 'firefox',
	missing: () =>
		existsSync(FIREFOX)
			? undefined
			: `no Firefox at ${FIREFOX} (apt-get install -y firefox-esr, or set FIREFOX_PATH)`,
	async open({ width, height, reducedMotion = false, javaScript = true }) {
		const key = `${reducedMotion} ${javaScript}`;
		if (!browsers.has(key))
			browsers.set(
				key,
				puppeteer.launch({
					browser: 'firefox',
					executablePath: FIREFOX,
					headless: true,
					extraPrefsFirefox: {
						'ui.prefersReducedMotion': reducedMotion ? 1 : 0,
						'javascript.enabled': javaScript
					}
				})
			);
		const context = await (await browsers.get(key)!).createBrowserContext();
		const page = await context.newPage();
		await sizeViewport(page, width, height);
		let target: Page | Frame = page;
		return {
			goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
			run: (fn, arg) => target.evaluate(fn as (arg: unknown) => never, arg),
			press: (key) => pressKey(page.keyboard, key),
			move: (x, y) => page.mouse.move(x, y),
			wheel: (dy) => page.mouse.wheel({ deltaY: dy }),
			click: async (selector) => {
				const element = await target.$(selector);
				if (!element) throw new Error(`nothing at ${selector}`);
				await element.click();
			},
			resize: (width, height) => sizeViewport(page, width, height),
			reload: async () => void (await page.reload({ waitUntil: 'load' })),
			back: async () => void (await page.goBack({ waitUntil: 'load' })),
			capture: async () => Buffer.from(await page.screenshot()),
			enterFrame: async (selector) => {
				const frame = await (await page.$(selector))?.contentFrame();
				if (!frame) throw new Error(`no frame at ${selector}`);
				target = frame;
			},
			leaveFrame: async () => void (target = page),
			screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
			close: () => context.close()
		};
	},
	async shutdown() {
		const all = [...browsers.values()];
		browsers.clear();
		await Promise.all(all.map(async (b) => (await b).close()));
	}
};

/**
 * A key by Playwright's name: puppeteer calls the space bar ' ' (its 'Space' is unknown), and a
 * chord such as 'Shift+Space' is the modifier held around the key.
 */
async function pressKey(keyboard: Page['keyboard'], name: string): Promise<void> {
	const keys = name.split(/\+(?=.)/).map((k) => (k === 'Space' ? ' ' : k)) as KeyInput[];
	const key = keys.pop()!;
	for (const modifier of keys) await keyboard.down(modifier);
	await keyboard.press(key);
	for (const modifier of keys.reverse()) await keyboard.up(modifier);
}

/**
 * Sizes the viewport. puppeteer sends BiDi's browsingContext.setViewport and, beside it,
 * emulation.setScreenOrientationOverride, which Firefox ESR 140 does not know: it answers "unknown
 * command" although the size is set. So an unknown command is tolerated, and the size checked.
 */
export async function sizeViewport(
	page: Pick<Page, 'setViewport' | 'evaluate'>,
	width: number,
	height: number
): Promise<void> {
	try {
		await page.setViewport({ width, height });
	} catch (error) {
		if (!String(error).includes('unknown command')) throw error;
	}
	const [w, h] = await page.evaluate(() => [innerWidth, innerHeight]);
	if (w !== width || h !== height) {
		throw new Error(`Firefox's viewport is ${w}x${h}, not the ${width}x${height} asked for`);
	}
}
