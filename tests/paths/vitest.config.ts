import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The in-process part of npm run test:paths (mutated story.aml): no build, no browser. The main
// config gets $lib from the sveltekit() plugin; this one names it, so it loads no Svelte tooling.
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } },
	test: {
		root: fileURLToPath(new URL('../..', import.meta.url)),
		include: ['tests/paths/**/*.test.ts'],
		environment: 'node'
	}
});
