import type { Handle } from '@sveltejs/kit';

// Both fonts set the first screen: fetch them with the HTML instead of after the CSS is parsed.
// Kit writes these preload links with relative paths, so they work under any subpath.
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { preload: ({ type }) => type === 'js' || type === 'css' || type === 'font' });
