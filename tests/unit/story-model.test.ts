import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContent } from '$lib/content/parse';
import { browserStory, buildStory } from '$lib/story/model';
import { HEADINGS, SOURCE, normalize, sourceSentences } from '../source-text';

const story = buildStory(parseContent(readFileSync('src/content/story.aml', 'utf8'), SOURCE));

describe('the story model', () => {
	it('has the intro then the five accounts as steps', () => {
		expect(story.steps).toEqual(['intro', ...HEADINGS.map((h) => h.id)]);
	});

	it('heads each account as the source names the person', () => {
		expect(story.sections.map((s) => `${s.who}, ${s.where}`)).toEqual(HEADINGS.map((h) => h.shown));
		expect(story.sections.map((s) => s.quote)).toEqual(HEADINGS.map((h) => h.quote));
	});

	it('holds every sentence of the source body', () => {
		const text = normalize(
			[...story.intro, ...story.sections.flatMap((s) => s.paragraphs), story.source.printed].join(
				' '
			)
		);
		const sentences = sourceSentences();
		expect(sentences.length).toBeGreaterThan(100);
		expect(sentences.filter((s) => !text.includes(s))).toEqual([]);
	});

	it('sets each figure after the paragraph that states it: 200,000 in the intro, 51 with Konstantin and Roman', () => {
		expect(story.introFigures.map((f) => [f.after, f.figure.id])).toEqual([[0, 'fled']]);
		const roman = story.sections.find((s) => s.id === 'konstantin-roman')!;
		expect(roman.figures.map((f) => [f.after, f.figure.id])).toEqual([[0, 'colleagues']]);
		expect(story.sections.filter((s) => s.figures.length > 0)).toHaveLength(1);
	});

	it('splits the accounts where each speaker paragraph opens with “', () => {
		for (const section of story.sections) {
			for (const p of section.paragraphs) expect(p.startsWith('“')).toBe(true);
		}
	});

	it('goes to the browser without its running text, and with all that scripts read', () => {
		const sent = browserStory(story);
		const json = JSON.stringify(sent);
		const long = sourceSentences().filter((s) => s.length > 40);
		expect(long.filter((s) => json.includes(s.slice(0, 40)))).toEqual([]);
		// No field at all rather than a blank: a hydrated part that reads the words fails to type-check.
		expect(json).not.toMatch(/"\s*"/);
		expect(sent.steps).toEqual(story.steps);
		expect(sent.sections).toEqual(story.sections.map(({ id, short }) => ({ id, short })));
		expect(sent.labels).toEqual(story.labels);
		expect(sent.figures).toEqual(
			Object.fromEntries(Object.values(story.figures).map(({ id, value }) => [id, { value }]))
		);
	});
});
