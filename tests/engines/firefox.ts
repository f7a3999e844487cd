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
		await page.setViewport({ width, height });
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
