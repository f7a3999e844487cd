// A Lighthouse run on a Chromium of its own, for the benches.
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { args, executablePath } from './chromium.js';

/**
 * Lighthouse's mobile preset (slow 4G, 4x CPU) on a fresh Chromium: the category scores and the
 * paint, blocking and shift figures. `devtools` throttles the browser for real (the paint is
 * observed); the default simulates it from an unthrottled load. Lighthouse 12 (13 needs Node 22).
 * @param {string} url
 * @param {{ throttlingMethod?: 'simulate' | 'devtools', onlyCategories?: string[] }} [options]
 */
export async function lighthouseRun(url, options = {}) {
	const port = 9333; // DevTools for Lighthouse (not a fetch "bad port")
	const chrome = await chromium.launch({
		executablePath: process.env.CHROME_PATH || executablePath,
		args: [`--remote-debugging-port=${port}`, ...args]
	});
	try {
		const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', ...options });
		if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
		const { categories, audits } = result.lhr;
		const score = (/** @type {string} */ id) =>
			categories[id] ? Math.round((categories[id].score ?? 0) * 100) : undefined;
		const ms = (/** @type {string} */ id) => Math.round(audits[id]?.numericValue ?? NaN);
		return {
			performance: score('performance'),
			accessibility: score('accessibility'),
			bestPractices: score('best-practices'),
			seo: score('seo'),
			fcpMs: ms('first-contentful-paint'),
			lcpMs: ms('largest-contentful-paint'),
			tbtMs: ms('total-blocking-time'),
			cls: audits['cumulative-layout-shift']?.numericValue ?? NaN
		};
	} finally {
		await chrome.close();
	}
}
