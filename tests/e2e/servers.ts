/** The built site, served twice by scripts/serve.js: at an origin's root and under a subpath. */
export const ROOT = 'http://localhost:4173/';
export const SUBPATH = 'http://localhost:4174/graphics/2022/mobilization/';
/** The build again, as a partner embeds it: another origin than the host page's. */
export const EMBED_ORIGIN = 'http://127.0.0.1:4175/';
/** A news site's article page with the story embedded (scripts/embed-host.js). */
export const HOST_ORIGIN = 'http://localhost:4176/';

/** Playwright's webServer list for these four (the e2e suite and the generated paths share it). */
export const webServers = [
	{ command: 'node scripts/serve.js --port 4173', url: ROOT, reuseExistingServer: !process.env.CI },
	{ command: 'node scripts/serve.js --port 4174 --base /graphics/2022/mobilization/', url: SUBPATH, reuseExistingServer: !process.env.CI },
	{ command: 'node scripts/serve.js --port 4175 --host 127.0.0.1', url: EMBED_ORIGIN, reuseExistingServer: !process.env.CI },
	{ command: `node scripts/embed-host.js --port 4176 --embed ${EMBED_ORIGIN}`, url: HOST_ORIGIN, reuseExistingServer: !process.env.CI }
];
