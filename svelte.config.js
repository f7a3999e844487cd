import { execSync } from 'node:child_process';
import adapter from '@sveltejs/adapter-static';

/**
 * The commit names the build. Kit's default, the build's time, puts a new number into the JS on
 * every build, so two builds of one commit differed by a few bytes and the byte budget flickered.
 */
function commit() {
	try {
		return execSync('git rev-parse --short=12 HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
			.toString()
			.trim();
	} catch {
		return process.env.npm_package_version ?? 'dev';
	}
}

/**
 * A second build with every script inline, into a folder of its own: for the offline file
 * (scripts/export.js; a `file://` page can load no module) and for ./embed/frame/, the page a
 * sandboxed frame of origin `null` can run whole (scripts/frame-page.js).
 */
const offline = process.env.STORY_OFFLINE === '1';
/** Where the site is written: `build/`, or another folder (the WordPress tests build their own copy). */
const out = process.env.STORY_OUT ?? (offline ? 'export/.site' : 'build');

/** @type {import('@sveltejs/kit').Config} */
const config = {
	// discloseVersion off: the version marker is a request of its own on the first load.
	compilerOptions: { runes: true, discloseVersion: false },
	kit: {
		version: { name: commit() },
		// Every route is prerendered to plain files; no fallback page, so a missing route is a build error.
		adapter: adapter({
			pages: out,
			assets: out,
			fallback: undefined,
			precompress: !offline,
			strict: true
		}),
		// Relative asset and route paths let one build be served at any origin's root or under any subpath.
		paths: { relative: true },
		// The stylesheets are small (about 15 KB raw): inlined, they cost no render-blocking round trip on
		// a slow phone network. Kit hashes them into the CSP.
		inlineStyleThreshold: 20_000,
		output: { bundleStrategy: offline ? 'inline' : 'split' },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// The build's own code (vite/: the content, fonts and static styles plugins) is type-checked
		// with the rest.
		typescript: {
			config: (tsconfig) => ({ ...tsconfig, include: [...tsconfig.include, '../vite/**/*.ts'] })
		},
		// A strict policy, written into each page as a <meta>: only this origin, no eval, inline
		// scripts only by hash (Kit hashes its own bootstrap), no plugins, no <base> tricks.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// SvelteKit's route announcer is the one element with a style attribute in its markup:
				// allow exactly that style (the CSP test in tests/e2e fails if a Kit upgrade changes it).
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'frame-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
