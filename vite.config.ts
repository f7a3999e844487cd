import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { serverCss } from './src/lib/components/server-css.ts';
import { storyContent } from './src/lib/content/vite-plugin.ts';
import { webFonts } from './src/lib/styles/web-fonts.ts';

export default defineConfig({
	plugins: [storyContent(), webFonts(), serverCss(), sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
