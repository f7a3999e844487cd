import type { Figure } from '$lib/content/schema';
import type { Story, StorySection } from '$lib/story/model';

/** One screen of the presentation: what it shows, which map state is behind it, what to say. */
export type Slide =
	| { kind: 'title'; title: string; map: string; notes: string[] }
	| { kind: 'figure'; title: string; map: string; notes: string[]; figure: Figure }
	| {
			kind: 'account';
			title: string;
			map: string;
			notes: string[];
			section: StorySection;
			caption: string;
	  }
	| { kind: 'credits'; title: string; map: string; notes: string[] };

/**
 * The presentation, generated from the same story: title, the 200,000, each account (the 51 right
 * after the account that tells it), credits. Every word comes from the content file.
 */
export function buildSlides(story: Story, captions: Record<string, string>): Slide[] {
	const figureSlide = (figure: Figure, map: string): Slide => ({
		kind: 'figure',
		title: `${figure.lead} ${figure.display} ${figure.tail}`,
		map,
		notes: [figure.sentence],
		figure
	});
	const slides: Slide[] = [
		{ kind: 'title', title: story.headline, map: 'intro', notes: [story.dek, ...story.intro] }
	];
	for (const { figure } of story.introFigures) slides.push(figureSlide(figure, 'intro'));
	for (const section of story.sections) {
		slides.push({
			kind: 'account',
			title: `${section.who}, ${section.where}`,
			map: section.id,
			notes: [captions[section.id] ?? '', ...section.paragraphs].filter(Boolean),
			section,
			caption: captions[section.id] ?? ''
		});
		for (const { figure } of section.figures) slides.push(figureSlide(figure, section.id));
	}
	slides.push({
		kind: 'credits',
		title: story.labels.sourceHeading,
		map: 'intro',
		notes: [story.source.credit, story.source.printed]
	});
	return slides;
}

export type Command =
	'next' | 'previous' | 'first' | 'last' | 'blank' | 'fullscreen' | 'escape' | 'speaker';

/** The keys presentation clickers send, and a keyboard's. */
export function commandForKey(key: string): Command | undefined {
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
		case ' ':
		case 'Enter':
			return 'next';
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
			return 'previous';
		case 'Home':
			return 'first';
		case 'End':
			return 'last';
		case 'b':
		case 'B':
		case '.':
			return 'blank';
		case 'f':
		case 'F':
			return 'fullscreen';
		case 's':
		case 'S':
			return 'speaker';
		case 'Escape':
			return 'escape';
		default:
			return undefined;
	}
}

/** Slide number from a "#/N" hash, within 1…total; anything else is the first slide. */
export function slideFromHash(hash: string, total: number): number {
	const match = /^#\/(\d+)$/.exec(hash);
	const n = match ? Number(match[1]) : 1;
	return Math.min(Math.max(n, 1), total);
}
