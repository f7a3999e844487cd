// The floor is built with the story's own Kit configuration (CSP, inlined styles, precompression,
// relative paths), run from this folder so src/ and build/ are the floor's.
export { default } from '../../svelte.config.js';
