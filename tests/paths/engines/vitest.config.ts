import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The generated walks in Firefox ESR and WebKitGTK (scripts/paths.js --engines), one file per
// engine, the two side by side. Against the engine smoke tests' servers: the built site with the
// error probe, its second origin, a partner's page.
const engines = (process.env.PATHS_ENGINES ?? 'firefox,webkit').split(',');

export default defineConfig({
	test: {
		root: fileURLToPath(new URL('../../..', import.meta.url)),
		include: engines
			.filter((e) => e !== 'chromium')
			.map((engine) => `tests/paths/engines/${engine}.walks.ts`),
		globalSetup: ['tests/engines/servers.ts'],
		// A surface's walks run in one test: its time grows with --runs.
		testTimeout: 0,
		hookTimeout: 60_000,
		maxWorkers: 2
	}
});
