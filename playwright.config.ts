import { defineConfig } from '@playwright/test';
import { args, executablePath } from './scripts/chromium.js';
import { ROOT, webServers } from './tests/e2e/servers';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: process.env.CI ? 2 : undefined,
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	use: {
		baseURL: ROOT,
		browserName: 'chromium',
		viewport: { width: 1280, height: 800 },
		launchOptions: { executablePath, args },
		trace: 'retain-on-failure'
	},
	webServer: webServers
});
