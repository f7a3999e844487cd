import sharp from 'sharp';
import { escapeText as escape } from '$lib/escape';
import { COLORS, wrap } from '$lib/map/share-card.server';
import type { MapCountryMark, MapData, MapState } from '$lib/map/types';
import type { Story } from '$lib/story/model';
import { CARD_SIZES, type CardScale } from './cards';

const TONES: Record<MapCountryMark['role'], string> = {
	subject: COLORS.subject,
	named: COLORS.named,
	wish: COLORS.named,
	danger: COLORS.danger
};

const { width: W, height: H } = CARD_SIZES;
/** The map takes the right half; the words the left, with a margin either side. */
const PANE = { x: 600, width: 600 };
const LEFT = 64;
const COLUMN = PANE.x - LEFT - 48;
/**
 * Card pixels per pixel of the story's phone map, for marks and labels: the phone's map is about
 * 267 px wide, this one 600, so marks are a little smaller relative to the map than on the phone,
 * where their labels were placed not to collide.
 */
const MARK_SCALE = 2;

/**
 * Characters a line of the column holds at a font size, for a font whose characters average `em`:
 * measured on DejaVu, the widest of the usual system fonts, so a narrower one only leaves room.
 */
const perLine = (size: number, em: number) => Math.floor(COLUMN / (size * em));

/** The account's map as the story draws it at that step: tones, borders, routes, places, names. */
function drawMap(map: MapData, state: MapState, labels: Story['labels']): string {
	const [vx, vy, vw, vh] = state.view;
	const roles = new Map(state.countries.map((c) => [c.name, c.role]));
	const countries = map.countries
		.map((c) => {
			const role = c.name === 'Russia' ? 'subject' : roles.get(c.name);
			return `<path d="${c.d}" fill="${role ? TONES[role] : COLORS.land}"/>`;
		})
		.join('');
	// The view fills the pane's width; the map beyond it fills the rest of its height.
	const unitsPerPx = Math.max(vw / PANE.width, vh / H);
	const u = unitsPerPx * MARK_SCALE;
	const routes = state.routes
		.map((r) =>
			r.kind === 'wish'
				? `<path d="${r.d}" fill="none" stroke="${COLORS.accent}" stroke-width="${2 * u}" stroke-linecap="round" stroke-dasharray="${6 * u} ${5 * u}"/>`
				: `<path d="${r.d}" fill="none" stroke="${COLORS.accent}" stroke-width="${2.5 * u}" stroke-linecap="round"/>`
		)
		.join('');
	// The story's white halo behind every name on the map.
	const halo = (width: number) =>
		`paint-order="stroke" stroke="${COLORS.paper}" stroke-width="${width}" stroke-linejoin="round"`;
	const countryNames = state.countries
		.filter((c) => c.label)
		.map(
			(c) =>
				`<text transform="translate(${c.label!.x} ${c.label!.y}) scale(${u})" text-anchor="middle" font-size="11" font-weight="500" letter-spacing="1.3" fill="${c.role === 'subject' ? COLORS.ink : COLORS.muted}" ${halo(3)}>${escape(c.name.toUpperCase())}</text>`
		)
		.join('');
	const radius = { home: 6, destination: 5, origin: 4, via: 3.5 };
	const places = state.places
		.map((p) => {
			const strong = p.role === 'home' || p.role === 'destination';
			return (
				`<g transform="translate(${p.x} ${p.y}) scale(${u})">` +
				`<circle r="${radius[p.role]}" fill="${strong ? COLORS.accent : COLORS.ink}" stroke="${COLORS.paper}" stroke-width="1.5"/>` +
				`<text x="${p.label.dx}" y="${p.label.dy}" text-anchor="${p.label.anchor}" font-size="12" font-weight="${p.role === 'home' ? 700 : 600}" fill="${COLORS.ink}" ${halo(3)}>${escape(p.name)}</text></g>`
			);
		})
		.join('');
	// The key names the kinds of route the map draws, as under the story's map.
	const kinds = (['fled', 'wish'] as const).filter((k) => state.routes.some((r) => r.kind === k));
	const key = kinds
		.map((kind, i) => {
			const y = H - 36 - (kinds.length - 1 - i) * 30;
			const dash = kind === 'wish' ? ' stroke-dasharray="8 6"' : '';
			const label = kind === 'fled' ? labels.routeFled : labels.routeWish;
			return (
				`<line x1="${PANE.x + 28}" y1="${y - 6}" x2="${PANE.x + 68}" y2="${y - 6}" stroke="${COLORS.accent}" stroke-width="${kind === 'wish' ? 3 : 4}" stroke-linecap="round"${dash}/>` +
				`<text x="${PANE.x + 80}" y="${y}" font-size="18" fill="${COLORS.ink}" ${halo(5)}>${escape(label)}</text>`
			);
		})
		.join('');
	return (
		`<svg x="${PANE.x}" y="0" width="${PANE.width}" height="${H}" viewBox="${vx} ${vy} ${vw} ${vh}" preserveAspectRatio="xMidYMid meet" font-family="sans-serif">` +
		countries +
		`<path d="${map.borders}" fill="none" stroke="${COLORS.border}" stroke-width="${0.8 * u}"/>` +
		routes +
		countryNames +
		places +
		`</svg><g font-family="sans-serif">${key}</g>`
	);
}

/**
 * One account's picture, drawn at build time from the story's words and that account's map
 * state: the headline quote, who said it and where, and the map the story shows beside them.
 * `scale` 2 draws the same card at twice the pixels.
 */
export async function accountCard(
	story: Story,
	map: MapData,
	id: string,
	scale: CardScale
): Promise<Buffer> {
	const section = story.sections.find((s) => s.id === id);
	const state = map.states.find((s) => s.step === id);
	if (!section || !state) throw new Error(`No account "${id}" to draw a card of`);

	// The largest quote size that keeps it to four lines; the closing mark hangs on its last.
	const quoteText = `${section.quote}’`;
	const size = [60, 54, 48, 44].find((s) => wrap(quoteText, perLine(s, 0.6)).length <= 4) ?? 40;
	const quoteLines = wrap(quoteText, perLine(size, 0.6));
	const leading = Math.round(size * 1.15);
	// A no-break space inside each person's name and age: two people break between them.
	const who = wrap(
		section.who
			.split(' and ')
			.map((p) => p.replace(/ /g, '\u00a0'))
			.join(' and '),
		perLine(28, 0.6)
	);
	const where = wrap(section.where, perLine(24, 0.55));

	const { publication } = story.source;
	const credit = wrap(`${publication} · ${story.title}`, perLine(18, 0.5)).map(escape);
	// The publication's name stands out; it always opens the first line.
	credit[0] = `<tspan font-weight="700" fill="${COLORS.ink}">${escape(publication)}</tspan>${credit[0]!.slice(escape(publication).length)}`;
	const creditTop = H - 48 - (credit.length - 1) * 26;

	// The quote and who said it, as one block, centred in the space above the credit.
	const gap = Math.round(size * 0.25) + 52;
	const whoBelowQuote = (quoteLines.length - 1) * leading + gap;
	const whereBelowWho = (who.length - 1) * 36 + 34;
	const height = size * 0.75 + whoBelowQuote + whereBelowWho + (where.length - 1) * 30;
	const first = Math.round((48 + creditTop - 40 - height) / 2 + size * 0.75);
	const quote = quoteLines.map((line, i) =>
		i === quoteLines.length - 1
			? `${escape(line.slice(0, -1))}<tspan fill="${COLORS.accent}">’</tspan>`
			: escape(line)
	);
	const lines = (texts: string[], top: number, step: number, attrs = '') =>
		texts.map((t, i) => `<text x="${LEFT}" y="${top + i * step}" ${attrs}>${t}</text>`).join('');

	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W * scale}" height="${H * scale}" viewBox="0 0 ${W} ${H}">
<rect width="${W}" height="${H}" fill="${COLORS.paper}"/>
${drawMap(map, state, story.labels)}
<rect x="0" y="0" width="8" height="${H}" fill="${COLORS.accent}"/>
<g font-family="serif" font-size="${size}" font-weight="700" fill="${COLORS.ink}">
<text x="${LEFT}" y="${first}" text-anchor="end" fill="${COLORS.accent}">‘</text>${lines(quote, first, leading)}</g>
<g font-family="sans-serif">
${lines(who.map(escape), first + whoBelowQuote, 36, `font-size="28" font-weight="700" fill="${COLORS.ink}"`)}
${lines(where.map(escape), first + whoBelowQuote + whereBelowWho, 30, `font-size="24" fill="${COLORS.muted}"`)}
${lines(credit, creditTop, 26, `font-size="18" fill="${COLORS.muted}"`)}
</g>
</svg>`;
	return sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer();
}
