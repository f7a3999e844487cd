import sharp from 'sharp';
import type { Story } from '$lib/story/model';
import type { MapData } from './types';
import { escapeText } from '$lib/escape';
import { lightColour } from '$lib/styles/tokens.server';

/** The light scheme of tokens.css: a picture cannot follow the reader's scheme. */
export const COLORS = {
	paper: lightColour('paper'),
	ink: lightColour('ink'),
	muted: lightColour('ink-muted'),
	accent: lightColour('accent'),
	land: lightColour('map-land'),
	subject: lightColour('map-subject'),
	named: lightColour('map-named'),
	danger: lightColour('map-danger'),
	border: lightColour('map-border')
};

/**
 * Greedy line breaks for a number of characters a line (SVG text does not wrap). Only spaces
 * break: a no-break space keeps a name with its age.
 */
export function wrap(text: string, perLine: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && `${line} ${word}`.length > perLine) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * The 1200x630 share image, drawn at build time from the intro's map state and the headline:
 * no hand-made image file to fall out of date with the copy.
 */
export async function shareCard(story: Story, map: MapData): Promise<Buffer> {
	const intro = map.states.find((s) => s.step === 'intro')!;
	const named = new Set(intro.countries.filter((c) => c.role !== 'subject').map((c) => c.name));
	const path = (d: string, fill: string) => `<path d="${d}" fill="${fill}"/>`;
	const countries = map.countries
		.map((c) =>
			path(
				c.d,
				c.name === 'Russia' ? COLORS.subject : named.has(c.name) ? COLORS.named : COLORS.land
			)
		)
		.join('');
	const lines = (text: string, perLine: number, top: number, step: number, attrs: string) =>
		wrap(text, perLine)
			.map((l, i) => `<text x="64" y="${top + i * step}" ${attrs}>${escapeText(l)}</text>`)
			.join('');
	const headlineLines = wrap(story.headline, 11).length;
	const headline = lines(
		story.headline,
		11,
		150,
		84,
		`font-size="78" font-weight="700" fill="${COLORS.ink}"`
	);
	// The description, whole: a share card never cuts a sentence.
	const dek = lines(
		story.description,
		30,
		150 + headlineLines * 84 + 30,
		38,
		`font-size="28" fill="${COLORS.muted}"`
	);
	const credit = lines(
		story.source.credit,
		46,
		560,
		26,
		`font-size="19" font-family="sans-serif" fill="${COLORS.muted}"`
	);
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" font-family="serif">
<rect width="1200" height="630" fill="${COLORS.paper}"/>
<svg x="600" y="0" width="600" height="630" viewBox="${intro.view.join(' ')}" preserveAspectRatio="xMidYMid slice">${countries}
<path d="${map.borders}" fill="none" stroke="${COLORS.border}" stroke-width="${intro.unitsPerPixel * 0.6}"/></svg>
<rect x="0" y="0" width="8" height="630" fill="${COLORS.accent}"/>
${headline}${dek}${credit}
</svg>`;
	return sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer();
}
