// ESLint as Svelte's project template (npx sv create) sets it up: flat config, typescript-eslint,
// eslint-plugin-svelte, and eslint-config-prettier so formatting is Prettier's alone.
import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignore = fileURLToPath(new URL('./.gitignore', import.meta.url));

export default ts.config(
	includeIgnoreFile(gitignore),
	// The bench's floor is a Kit app of its own (bench/floor), built and measured by scripts/bench.js.
	{ ignores: ['bench/floor/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint's advice: TypeScript itself reports undefined names, and knows the DOM's.
			'no-undef': 'off',
			// replaceState here only writes the address's fragment (#oleg, #/3), never a route.
			'svelte/no-navigation-without-resolve': ['error', { ignoreReplaceState: true }],
			// Every page holds markup only the server writes (static-markup.ts): Kit's client router,
			// rendering another page, would show it blank. Links load pages whole (app.html's
			// data-sveltekit-reload; tests/e2e/story.test.ts follows one); these would not.
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '$app/navigation',
							importNames: ['goto', 'pushState', 'preloadData', 'invalidate', 'invalidateAll'],
							message:
								'A page holds server-only markup: load another page whole (a link), never through the client router.'
						}
					]
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
