import { escapeText } from '$lib/escape';
import type { Figure, FigureId } from '$lib/content/schema';
import type { FigurePlacement, Story } from './model';

/**
 * Running text is in the page's HTML once. The data the browser hydrates with (serialized into
 * the same HTML) leaves it out: `forBrowser` blanks the paragraphs, quotes, standfirst, credit
 * lines and source sentences, which no script reads. Components set such text with ServerText.svelte, an {@html}
 * of `serverText(text)`: the server writes the text escaped, and hydrating with the blank keeps the
 * server's nodes, because Svelte never rewrites {@html} while hydrating (by design:
 * sveltejs/svelte#12362). The text never changes after load, so there is nothing to update. The
 * blank is a space, not '': an empty {@html} hydrates as nothing and leaves the server's nodes
 * unclaimed, which Svelte takes for a mismatch.
 */
export const BLANK = ' ';

/** Plain text as HTML: escaped, so copy is never markup. */
export const serverText = escapeText;

/** The story as the browser gets it: every id, label, number and placement; no running text. */
export function forBrowser(story: Story): Story {
	const blank = (texts: string[]) => texts.map(() => BLANK);
	const figures = Object.fromEntries(
		Object.entries(story.figures).map(([id, figure]) => [id, { ...figure, sentence: BLANK }])
	) as Record<FigureId, Figure>;
	// The same objects as in `figures`, so the serialized data holds each figure once.
	const placed = (placements: FigurePlacement[]) =>
		placements.map(({ after, figure }) => ({ after, figure: figures[figure.id] }));
	return {
		...story,
		dek: BLANK,
		source: { ...story.source, credit: BLANK, printed: BLANK },
		intro: blank(story.intro),
		introFigures: placed(story.introFigures),
		sections: story.sections.map((section) => ({
			...section,
			quote: BLANK,
			paragraphs: blank(section.paragraphs),
			figures: placed(section.figures)
		})),
		figures
	};
}
