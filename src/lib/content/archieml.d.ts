declare module 'archieml' {
	/** Parses ArchieML text; every value is a string, a list or an object. */
	function load(text: string, options?: { comments?: boolean }): Record<string, unknown>;
	const archieml: { load: typeof load };
	export default archieml;
}
