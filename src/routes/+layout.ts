// Every route is prerendered to static HTML; trailing slashes give each route its own folder
// (embed/index.html), which any static server serves at any subpath.
export const prerender = true;
export const trailingSlash = 'always';
