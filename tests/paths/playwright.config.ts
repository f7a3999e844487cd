import { defineConfig } from '@playwright/test';
import { args, executablePath } from '../../scripts/chromium.js';
import { ROOT, webServers } from '../e2e/servers';

// npm run test:paths (scripts/paths.js sets the run's size and seed): generated reading paths and
// fuzzed messages in Chromium, against the same servers as the e2e suite.
export default defineConfig({
	testDir: '.',
	testMatch: '**/*.pw.ts',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	reporter: 'list',
	// A surface's walks run in one test: its time grows with --runs.
	timeout: 0,
	outputDir: '../../test-results/paths',
	use: {
		baseURL: ROOT,
		browserName: 'chromium',
		launchOptions: { executablePath, args },
		trace: 'off'
	},
	webServer: webServers.map((s) => ({ ...s, cwd: '../..' }))
});
