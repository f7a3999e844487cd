import type { StorySection } from '$lib/story/model';

/**
 * An account's picture, for news apps and aggregators that take only images: the Open Graph size,
 * so the same file is the og:image of the account's share page.
 */
export const CARD_SIZES = { width: 1200, height: 630 } as const;

/** Drawn once as is and once at twice the pixels, for sharp screens (srcset). */
export const CARD_SCALES = [1, 2] as const;
export type CardScale = (typeof CARD_SCALES)[number];

/** Its file name in cards/: oleg.png, oleg@2x.png. */
export const cardName = (id: string, scale: CardScale) =>
	scale === 1 ? `${id}.png` : `${id}@${scale}x.png`;

/** An account's pictures, relative to the site's root. */
export function cardFiles(id: string) {
	return { x1: `cards/${cardName(id, 1)}`, x2: `cards/${cardName(id, 2)}` };
}

/** Every picture of the given accounts: what the build writes into cards/. */
export function allCards<Id extends string>(ids: readonly Id[]) {
	return ids.flatMap((id) =>
		CARD_SCALES.map((scale) => ({ id, scale, name: cardName(id, scale) }))
	);
}

/**
 * The picture's text alternative, in the content's words only: who, where and the quote as the
 * picture sets them, then the map's caption for the map.
 */
export function cardAlt(section: Pick<StorySection, 'who' | 'where' | 'quote'>, caption: string) {
	return `${section.who}, ${section.where}: ‘${section.quote}’. Map: ${caption}`;
}
