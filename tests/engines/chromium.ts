import { chromium, type Browser, type Frame, type Page } from '@playwright/test';
import { args, executablePath } from '../../scripts/chromium.js';
import type { Engine } from './engine';

let browser: Browser | undefined;

/** Chromium through Playwright, launched as every other tool here launches it. */
export const chromiumEngine: Engine = {
	name: 'chromium',
	missing: () => undefined,
	async open({ width, height, reducedMotion = false, javaScript = true }) {
		browser ??= await chromium.launch({ executablePath, args });
		const context = await browser.newContext({
			viewport: { width, height },
			reducedMotion: reducedMotion ? 'reduce' : 'no-preference',
			javaScriptEnabled: javaScript
		});
		const page = await context.newPage();
		let target: Page | Frame = page;
		return {
			goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
			run: (fn, arg) => target.evaluate(fn as (arg: unknown) => never, arg),
			press: (key) => page.keyboard.press(key),
			enterFrame: async (selector) => {
				const frame = await (await page.$(selector))?.contentFrame();
				if (!frame) throw new Error(`no frame at ${selector}`);
				target = frame;
			},
			leaveFrame: async () => void (target = page),
			move: (x, y) => page.mouse.move(x, y),
			wheel: (dy) => page.mouse.wheel(0, dy),
			click: (selector) => target.locator(selector).click(),
			resize: (width, height) => page.setViewportSize({ width, height }),
			reload: async () => void (await page.reload({ waitUntil: 'load' })),
			back: async () => void (await page.goBack({ waitUntil: 'load' })),
			capture: () => page.screenshot(),
			screenshot: async (path) => void (await page.screenshot({ path })),
			close: () => context.close()
		};
	},
	async shutdown() {
		await browser?.close();
		browser = undefined;
	}
};
