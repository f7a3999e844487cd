/**
 * Size-adjusted local fallbacks for the two web fonts, computed from real font metrics (Capsize).
 * While the web fonts load, text set in a fallback takes the same space, so the swap moves nothing.
 * Served as the virtual stylesheet `virtual:font-fallbacks.css` by the plugin in vite.config.ts.
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

/** A Capsize stack starts with the web font: without it, only the size-matched local fonts. */
const family = (stack: string, withWebFont: boolean) =>
	withWebFont ? stack : stack.slice(stack.indexOf(',') + 1).trim();

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
	const stacks = (withWebFonts: boolean) =>
		`--font-serif: ${family(serif.fontFamily, withWebFonts)}, serif; ` +
		`--font-sans: ${family(sans.fontFamily, withWebFonts)}, sans-serif;`;
	// The web fonts load after the first paint (paint-first.server.ts), which then sets
	// `web-fonts`; without JavaScript they load as the page is parsed.
	return [
		`:root { ${stacks(false)} }`,
		`:root.web-fonts { ${stacks(true)} }`,
		`@media (scripting: none) { :root { ${stacks(true)} } }`,
		serif.fontFaces,
		sans.fontFaces
	].join('\n');
}
