import { fileURLToPath } from 'node:url';
import type { Role, Site } from './wordpress';

/** What globalSetup made and the tests visit, passed to Playwright's workers in the environment. */
export interface Run {
	/** The story's address (PUBLIC_SITE_URL of its build), on another origin than WordPress. */
	story: string;
	wordpress: Site;
	posts: Record<PostId, Post>;
	/** WordPress's oEmbed result for the story's address (`/oembed/1.0/proxy`). */
	oembed: unknown;
	/**
	 * The same story at another address (another host name, the same server), which the plugin
	 * (wordpress/flee-hide-or-fight.php) makes a trusted oEmbed provider; and WordPress's oEmbed
	 * result for it.
	 */
	trusted: { url: string; oembed: unknown };
	/** The iframe-only snippet the administrator and the Author pasted (src/lib/share/snippets.ts). */
	snippet: string;
	/** Seconds each step of the setup took. */
	timings: Record<string, number>;
}

export interface Post {
	id: number;
	link: string;
	as: Role;
	/** The content as saved (after WordPress's filters, for an Author). */
	saved: string;
	/** …and as WordPress renders it for readers (kept for the trusted embed only). */
	rendered?: string;
}

/**
 * The posts: the story by its address (oEmbed, as an Author), the one-line script and the
 * iframe-only snippet as an administrator, the same two as an Author (whose kses takes <script>
 * and <iframe> out), and the story by its trusted address (the plugin, as an Author).
 */
export type PostId = 'oembed' | 'script' | 'iframe' | 'script-author' | 'iframe-author' | 'plugin';

/** Screenshots, per-test findings, logs and Playwright's own output (gitignored). */
export const RESULTS = fileURLToPath(new URL('../../wordpress-results/', import.meta.url));

const KEY = 'WORDPRESS_TEST_RUN';

export function saveRun(run: Run): void {
	process.env[KEY] = JSON.stringify(run);
}

export function readRun(): Run {
	const json = process.env[KEY];
	if (!json) throw new Error(`${KEY} is not set: run through tests/wordpress/playwright.config.ts`);
	return JSON.parse(json) as Run;
}
