import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import svelteConfig from './svelte.config.js';
import { scriptBundle } from './vite/script-bundle.ts';
import { staticParts } from './vite/static-parts.ts';
import { storyContent } from './vite/story-content.ts';
import { webFonts } from './vite/web-fonts.ts';

export default defineConfig({
	plugins: [storyContent(), webFonts(), staticParts(svelteConfig), scriptBundle(), sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// The share pictures read their colours from tokens.css (`?raw`): vitest leaves CSS empty
		// unless told.
		css: { include: [/tokens\.css/] }
	}
});
