import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { storyContent } from './src/lib/content/vite-plugin.ts';
import { fontFallbacksCss } from './src/lib/styles/font-fallbacks.ts';

/** Serves the computed fallback @font-face rules as a stylesheet, so they ship as CSS, not inline. */
function fontFallbacks(): Plugin {
	const id = 'virtual:font-fallbacks.css';
	return {
		name: 'font-fallbacks',
		resolveId: (source) => (source === id ? `\0${id}` : undefined),
		load: (resolved) => (resolved === `\0${id}` ? fontFallbacksCss() : undefined)
	};
}

export default defineConfig({
	plugins: [storyContent(), fontFallbacks(), sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
