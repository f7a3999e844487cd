import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import svelteConfig from './svelte.config.js';
import { scriptBundle } from './vite/script-bundle.ts';
import { staticParts } from './vite/static-parts.ts';
import { storyContent } from './vite/story-content.ts';
import { webFonts } from './vite/web-fonts.ts';

export default defineConfig(({ mode }) => ({
	plugins: [storyContent(), webFonts(), staticParts(svelteConfig), scriptBundle(), sveltekit()],
	// vitest resolves packages as node does, to Svelte's server runtime, where `$effect` never runs:
	// the happy-dom tests need the client one. In vitest's mode only, not in a build a test spawns.
	resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// The share pictures read their colours from tokens.css (`?raw`): vitest leaves CSS empty
		// unless told.
		css: { include: [/tokens\.css/] }
	}
}));
