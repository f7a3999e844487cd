import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// npm run test:engines: the smoke scenarios in Chromium, Firefox ESR and WebKitGTK, one at a time.
export default defineConfig({
	test: {
		root: fileURLToPath(new URL('../..', import.meta.url)),
		include: ['tests/engines/**/*.test.ts'],
		globalSetup: ['tests/engines/servers.ts'],
		testTimeout: 180_000,
		hookTimeout: 60_000,
		fileParallelism: false
	}
});
