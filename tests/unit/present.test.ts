import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deck, isDeckMessage } from '$lib/present/deck.svelte';
import { commandForKey, slideFromHash } from '$lib/present/slides';
import { SLIDES as slides, STORY as story } from '../story';

describe('the slides', () => {
	it('run title, the intro’s figures, each account followed by the figures it states, credits', () => {
		expect(
			slides.map((s) =>
				s.kind === 'account' ? s.section.id : s.kind === 'figure' ? s.figure.id : s.kind
			)
		).toEqual([
			'title',
			...story.introFigures.map((p) => p.figure.id),
			...story.sections.flatMap((s) => [s.id, ...s.figures.map((p) => p.figure.id)]),
			'credits'
		]);
	});

	it('say nothing the content file does not: the figure titles are their sentences’ own words', () => {
		for (const slide of slides)
			if (slide.kind === 'figure') expect(slide.figure.sentence).toContain(slide.title);
		for (const slide of slides)
			for (const note of slide.notes) expect(note.length).toBeGreaterThan(0);
	});

	it('keep a map state behind every slide: a figure’s is the step that states it', () => {
		expect(slides.map((s) => s.map)).toEqual([
			'intro',
			...story.introFigures.map(() => 'intro'),
			...story.sections.flatMap((s) => [s.id, ...s.figures.map(() => s.id)]),
			'intro'
		]);
	});
});

describe('keys and hash', () => {
	it('maps the keys clickers send', () => {
		for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter'])
			expect(commandForKey(key)).toBe('next');
		for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp'])
			expect(commandForKey(key)).toBe('previous');
		expect([
			commandForKey('Home'),
			commandForKey('End'),
			commandForKey('b'),
			commandForKey('.'),
			commandForKey('F'),
			commandForKey('Escape'),
			commandForKey('s'),
			commandForKey('S')
		]).toEqual(['first', 'last', 'blank', 'blank', 'fullscreen', 'escape', 'speaker', 'speaker']);
		expect(commandForKey('x')).toBeUndefined();
	});

	it('reads #/N and clamps it', () => {
		expect(slideFromHash('#/4', 9)).toBe(4);
		expect(slideFromHash('#/40', 9)).toBe(9);
		expect(slideFromHash('#/0', 9)).toBe(1);
		expect(slideFromHash('#anna', 9)).toBe(1);
	});

	it('moves within the deck and blanks', () => {
		const deck = new Deck(9, 9);
		deck.run('next');
		expect(deck.current).toBe(9);
		deck.run('first');
		deck.run('previous');
		expect(deck.current).toBe(1);
		deck.run('blank');
		expect(deck.blank).toBe(true);
		deck.run('escape');
		expect(deck.blank).toBe(false);
	});
});

describe('messages between the presenter and the speaker view', () => {
	it('are ours only when shaped as ours: other windows may post anything', () => {
		expect(isDeckMessage({ type: 'hello' })).toBe(true);
		expect(isDeckMessage({ type: 'command', command: 'next' })).toBe(true);
		expect(isDeckMessage({ type: 'state', slide: 3, blank: false })).toBe(true);
		expect(isDeckMessage({ type: 'command', command: 'reload' })).toBe(false);
		expect(isDeckMessage({ type: 'state', slide: 0, blank: false })).toBe(false);
		expect(isDeckMessage({ type: 'state', slide: 2.5, blank: false })).toBe(false);
		expect(isDeckMessage({ type: 'state', slide: 2 })).toBe(false);
		expect(isDeckMessage('{"type":"hello"}')).toBe(false);
		expect(isDeckMessage(null)).toBe(false);
	});

	it('never take a message that a command or a state could not run', () => {
		// Every command some key gives.
		const keys = ['ArrowRight', 'ArrowLeft', 'Home', 'End', 'b', 'f', 's', 'Escape'];
		const commands = keys.map(commandForKey);
		const deckish = fc.record(
			{
				type: fc.constantFrom('hello', 'command', 'state', 'other'),
				command: fc.oneof(
					fc.constantFrom('next', 'previous', 'speaker'),
					fc.string(),
					fc.integer()
				),
				slide: fc.oneof(fc.integer({ min: -3, max: 30 }), fc.double(), fc.string()),
				blank: fc.oneof(fc.boolean(), fc.string())
			},
			{ requiredKeys: ['type'] }
		);
		fc.assert(
			fc.property(fc.oneof(deckish, fc.anything()), (message) => {
				if (!isDeckMessage(message)) return;
				if (message.type === 'command') expect(commands).toContain(message.command);
				if (message.type === 'state') {
					expect(Number.isInteger(message.slide) && message.slide >= 1).toBe(true);
					expect(typeof message.blank).toBe('boolean');
				}
			}),
			{ seed: 14, numRuns: 2000 }
		);
	});
});
