/** The built site, served twice by scripts/serve.js: at an origin's root and under a subpath. */
export const ROOT = 'http://localhost:4173/';
export const SUBPATH = 'http://localhost:4174/graphics/2022/mobilization/';
