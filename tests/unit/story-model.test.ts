import { describe, expect, it } from 'vitest';
import { browserStory } from '$lib/story/model';
import { HEADINGS, normalize, sourceSentences } from '../source-text';
import { STORY as story } from '../story';

describe('the story model', () => {
	it('has the intro then each account as steps', () => {
		expect(story.steps).toEqual(['intro', ...HEADINGS.map((h) => h.id)]);
	});

	it('heads each account as the source names the person', () => {
		expect(story.sections.map((s) => `${s.who}, ${s.where}`)).toEqual(HEADINGS.map((h) => h.shown));
		expect(story.sections.map((s) => s.quote)).toEqual(HEADINGS.map((h) => h.quote));
	});

	it('holds every sentence of the source body', () => {
		const paragraphs = [...story.intro, ...story.sections.flatMap((s) => s.paragraphs)];
		const text = normalize([...paragraphs, story.source.printed].join(' '));
		const sentences = sourceSentences();
		// Not a vacuous check: at least a sentence for each paragraph.
		expect(sentences.length).toBeGreaterThanOrEqual(paragraphs.length);
		expect(sentences.filter((s) => !text.includes(s))).toEqual([]);
	});

	it('sets each figure once, after the paragraph that states it', () => {
		const placed = [
			...story.introFigures.map((p) => ({ ...p, paragraphs: story.intro })),
			...story.sections.flatMap((s) => s.figures.map((p) => ({ ...p, paragraphs: s.paragraphs })))
		];
		expect(placed.map((p) => p.figure.id).sort()).toEqual(Object.keys(story.figures).sort());
		for (const { after, figure, paragraphs } of placed)
			expect(paragraphs[after], figure.id).toContain(figure.sentence);
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
