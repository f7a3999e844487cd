/**
 * Size-adjusted local fallbacks for the two web fonts, computed from real font metrics (Capsize).
 * While the web fonts load, text set in a fallback takes the same space, so the swap moves nothing.
 * Served as the virtual stylesheet `virtual:font-fallbacks.css` by the web-fonts plugin (vite/web-fonts.ts).
 */
import { createFontStack } from '@capsizecss/core';
import arial from '@capsizecss/metrics/arial';
import georgia from '@capsizecss/metrics/georgia';
import inter from '@capsizecss/metrics/inter';
import notoSerif from '@capsizecss/metrics/notoSerif';
import roboto from '@capsizecss/metrics/roboto';
import sourceSerif4 from '@capsizecss/metrics/sourceSerif4';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';

type Metrics = typeof arial;

/** Liberation fonts (Linux) are metric-compatible clones: same metrics, other local names. */
const alias = (metrics: Metrics, name: string): Metrics => ({
	...metrics,
	familyName: name,
	fullName: name,
	postscriptName: name.replace(/ /g, '')
});

/** Family names of the @font-face rules in app.css (as @fontsource-variable names them). */
export const SERIF = 'Source Serif 4 Variable';
export const SANS = 'Inter Variable';

export function fontFallbacksCss(): string {
	const serif = createFontStack(
		[
			{ ...sourceSerif4, familyName: SERIF },
			georgia,
			timesNewRoman,
			alias(timesNewRoman, 'Liberation Serif'),
			notoSerif
		],
		{ fontFaceFormat: 'styleString' }
	);
	const sans = createFontStack(
		[{ ...inter, familyName: SANS }, arial, alias(arial, 'Liberation Sans'), roboto],
		{
			fontFaceFormat: 'styleString'
		}
	);
	return [
		`:root {\n  --font-serif: ${serif.fontFamily}, serif;\n  --font-sans: ${sans.fontFamily}, sans-serif;\n}`,
		serif.fontFaces,
		sans.fontFaces
	].join('\n');
}
