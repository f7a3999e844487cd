import { existsSync } from 'node:fs';
import puppeteer, { type Frame, type Page } from 'puppeteer-core';
import type { Engine } from './engine';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/**
 * Debian's Firefox ESR through puppeteer-core over WebDriver BiDi. BiDi cannot emulate media
 * features or switch JavaScript off in a running browser, so each tab is a browser launched with
 * the preferences it needs (about two seconds).
 */
export const firefoxEngine: Engine = {
	name: 'firefox',
	missing: () =>
		existsSync(FIREFOX)
			? undefined
			: `no Firefox at ${FIREFOX} (apt-get install -y firefox-esr, or set FIREFOX_PATH)`,
	async open({ width, height, reducedMotion = false, javaScript = true }) {
		const browser = await puppeteer.launch({
			browser: 'firefox',
			executablePath: FIREFOX,
			headless: true,
			extraPrefsFirefox: {
				'ui.prefersReducedMotion': reducedMotion ? 1 : 0,
				'javascript.enabled': javaScript
			}
		});
		const page = (await browser.pages())[0] ?? (await browser.newPage());
		await sizeViewport(page, width, height);
		let target: Page | Frame = page;
		return {
			goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
			run: (fn, arg) => target.evaluate(fn as (arg: unknown) => never, arg),
			press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
			enterFrame: async (selector) => {
				const frame = await (await page.$(selector))?.contentFrame();
				if (!frame) throw new Error(`no frame at ${selector}`);
				target = frame;
			},
			leaveFrame: async () => void (target = page),
			screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
			close: () => browser.close()
		};
	},
	shutdown: async () => {}
};

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
