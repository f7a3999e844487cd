/** The built site, served twice by scripts/serve.js: at an origin's root and under a subpath. */
export const ROOT = 'http://localhost:4173/';
export const SUBPATH = 'http://localhost:4174/graphics/2022/mobilization/';
/** The build again, as a partner embeds it: another origin than the host page's. */
export const EMBED_ORIGIN = 'http://127.0.0.1:4175/';
/** A news site's article page with the story embedded (scripts/embed-host.js). */
export const HOST_ORIGIN = 'http://localhost:4176/';
