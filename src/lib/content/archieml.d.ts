declare module 'archieml' {
	const archieml: {
		/** Parses ArchieML text; every value is a string, a list or an object. */
		load(text: string, options?: { comments?: boolean }): Record<string, unknown>;
	};
	export default archieml;
}
