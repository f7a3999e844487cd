import { defineConfig } from '@playwright/test';
import { args, executablePath } from '../../scripts/chromium.js';

// npm run test:wordpress: the story embedded in a real WordPress (Debian's packages), four ways
// (oEmbed, the one-line script, the iframe-only snippet, oEmbed of a trusted provider: the plugin),
// on a phone and a desktop. globalSetup builds and serves the story, starts WordPress and publishes
// the posts; see README.md, "The test bed: a real WordPress".
export default defineConfig({
	testDir: '.',
	testMatch: '**/*.test.ts',
	globalSetup: './global-setup.ts',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	reporter: 'list',
	// A test reads the whole story, wheel step by wheel step.
	timeout: 240_000,
	expect: { timeout: 10_000 },
	outputDir: '../../wordpress-results/artifacts',
	use: {
		browserName: 'chromium',
		trace: 'retain-on-failure'
	},
	// Playwright's screen emulation reaches the top page only: a frame sees headless Chromium's own
	// 800x600 screen, and the oEmbed frame sizes itself from screen.height. --screen-info gives
	// every frame the device's screen.
	projects: [
		{
			name: 'phone',
			use: {
				viewport: { width: 390, height: 844 },
				isMobile: true,
				hasTouch: true,
				deviceScaleFactor: 2,
				launchOptions: { executablePath, args: [...args, '--screen-info={390x844}'] }
			}
		},
		{
			name: 'desktop',
			use: {
				viewport: { width: 1280, height: 800 },
				launchOptions: { executablePath, args: [...args, '--screen-info={1280x800}'] }
			}
		}
	]
});
