// Neither package ships types; @types/subset-font (2.3) predates the keepFeatures option.
declare module 'subset-font' {
	interface SubsetFontOptions {
		targetFormat?: 'sfnt' | 'woff' | 'woff2';
		/** OpenType feature tags to keep; by default all are kept. */
		keepFeatures?: string[];
		/** Pins an axis to a value, or narrows it to a range. */
		variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
	}
	export default function subsetFont(
		font: Buffer,
		text: string,
		options?: SubsetFontOptions
	): Promise<Buffer>;
}

declare module 'fontverter' {
	const fontverter: {
		convert(font: Buffer, to: 'sfnt' | 'woff' | 'woff2'): Promise<Buffer>;
	};
	export default fontverter;
}
