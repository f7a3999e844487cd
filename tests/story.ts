/**
 * The story as the tests read it: the content file parsed by the project's own parser, so that
 * ids, names, figures, labels and slides reach the tests from the copy, not from a second list.
 * What the tests hold the page to independently of the copy (the source's headings and sentences)
 * is in source-text.ts. Shared by the unit, e2e, engine and path tests.
 */
import { readFileSync } from 'node:fs';
import { parseContent } from '../src/lib/content/parse';
import { buildSlides } from '../src/lib/present/slides';
import { buildStory } from '../src/lib/story/model';
import { SOURCE } from './source-text';

export const CONTENT = parseContent(
	readFileSync(new URL('../src/content/story.aml', import.meta.url), 'utf8'),
	SOURCE
);
export const STORY = buildStory(CONTENT);
export const { accounts: ACCOUNTS, figures: FIGURES, labels: LABELS } = CONTENT;
/** The scroll steps: the intro, then each account. */
export const STEPS: string[] = STORY.steps;
const ids = ACCOUNTS.map((a) => a.id);
/** Account ids by their place in the story (of two accounts or more), for tests about "an account past the first" or "the last". */
export const ID = {
	first: ids[0]!,
	second: ids[1]!,
	middle: ids[Math.floor(ids.length / 2)]!,
	beforeLast: ids.at(-2)!,
	last: ids.at(-1)!
};
/** An account's name in the chapter control. */
export const shortOf = (id: string) => ACCOUNTS.find((a) => a.id === id)!.short;
/** The presenter's slides, with the map captions the pages give them. */
export const SLIDES = buildSlides(
	STORY,
	Object.fromEntries(ACCOUNTS.map((a) => [a.id, a.mapCaption]))
);
/** Slide `n` (from 1) as the deck numbers it, of the account or figure `id`. */
export const slideOf = (id: string) =>
	SLIDES.findIndex(
		(s) =>
			(s.kind === 'account' && s.section.id === id) || (s.kind === 'figure' && s.figure.id === id)
	) + 1;
/** The figures drawn as a unit chart too (one mark per unit). */
export const UNIT_CHARTS = FIGURES.filter((f) => f.chart === 'units');
