import { describe, expect, it } from 'vitest';
import { loadContent } from '$lib/content/load.server';
import type { MapState } from '$lib/map/types';
import { mapForPage } from '$lib/map/story-map.server';
import { slidesOf } from '$lib/present/slides-of';
import { buildStory } from '$lib/story/model';
import { ID } from '../story';

const story = buildStory(loadContent());
const { states } = mapForPage();

describe('slidesOf', () => {
	it('gives each account slide its own map state’s caption, first in its notes', () => {
		const accounts = slidesOf(story, states).filter((s) => s.kind === 'account');
		expect(accounts.map((s) => s.section.id)).toEqual(story.sections.map((s) => s.id));
		for (const slide of accounts) {
			const caption = states.find((s) => s.step === slide.section.id)!.caption;
			expect(slide.caption).toBe(caption);
			expect(slide.notes[0]).toBe(caption);
		}
	});

	it('matches captions to accounts by step, not by the order of the states', () => {
		const reversed = slidesOf(story, [...states].reverse());
		expect(reversed).toEqual(slidesOf(story, states));
	});

	it('leaves an account without a state captionless rather than borrowing another’s', () => {
		const without: MapState[] = states.filter((s) => s.step !== ID.middle);
		const slide = slidesOf(story, without).find(
			(s) => s.kind === 'account' && s.section.id === ID.middle
		);
		expect(slide).toMatchObject({ caption: '' });
		expect(slide?.notes).toEqual(story.sections.find((s) => s.id === ID.middle)!.paragraphs);
	});
});
