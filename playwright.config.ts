import { defineConfig } from '@playwright/test';
import { args, executablePath } from './scripts/chromium.js';
import { EMBED_ORIGIN, HOST_ORIGIN, ROOT, SUBPATH } from './tests/e2e/servers';

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
	webServer: [
		{ command: 'node scripts/serve.js --port 4173', url: ROOT, reuseExistingServer: !process.env.CI },
		{
			command: 'node scripts/serve.js --port 4174 --base /graphics/2022/mobilization/',
			url: SUBPATH,
			reuseExistingServer: !process.env.CI
		},
		{ command: 'node scripts/serve.js --port 4175 --host 127.0.0.1', url: EMBED_ORIGIN, reuseExistingServer: !process.env.CI },
		{ command: `node scripts/embed-host.js --port 4176 --embed ${EMBED_ORIGIN}`, url: HOST_ORIGIN, reuseExistingServer: !process.env.CI }
	]
});
