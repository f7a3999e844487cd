import { test as base, expect, type Page } from '@playwright/test';
import { normalize } from '../source-text';

/** The smallest phone the story promises to serve. */
export const phone = {
	viewport: { width: 360, height: 640 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 2
};

/**
 * Every test fails on a console error, an uncaught exception or a request to another origin:
 * the page must be quiet and self-hosted whatever the test is about.
 */
export const test = base.extend<{ problems: string[] }>({
	problems: [
		async ({ page }, use) => {
			const problems: string[] = [];
			page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
			page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
			page.on('request', (r) => {
				const url = new URL(r.url());
				// The local test servers: localhost, and 127.0.0.1 as the embed's other origin.
				if (
					!['data:', 'blob:', 'about:'].includes(url.protocol) &&
					!['localhost', '127.0.0.1'].includes(url.hostname)
				) {
					problems.push(`request to another origin: ${r.url()}`);
				}
			});
			page.on(
				'response',
				(r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`)
			);
			// The Content-Security-Policy must never have to block anything the page does.
			await page.exposeFunction('reportCspViolation', (text: string) =>
				problems.push(`CSP: ${text}`)
			);
			await page.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (e) =>
					(window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(
						`${e.violatedDirective} ${e.blockedURI}`
					)
				);
			});
			await use(problems);
			expect(problems).toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** The page's text as a reader sees it (hidden elements excluded), whitespace collapsed. */
export async function visibleText(page: Page): Promise<string> {
	return normalize(await page.locator('body').innerText());
}

/** Waits until the page's script has taken over (the scrolling graphic is measured and driven). */
export async function enhanced(page: Page): Promise<void> {
	await page.locator('[data-graphic] svg[data-enhanced]').waitFor({ state: 'attached' });
}
