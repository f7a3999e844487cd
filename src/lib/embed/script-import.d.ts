/** A module bundled into one classic script, as a string (vite/script-bundle.ts). */
declare module '*?script' {
	const code: string;
	export default code;
}
