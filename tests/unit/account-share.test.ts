import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadContent } from '$lib/content/load.server';
import { mapForPage } from '$lib/map/story-map.server';
import { accountShare } from '$lib/share/account-share.server';
import { cardAlt } from '$lib/share/cards';
import { buildStory } from '$lib/story/model';
import { ID } from '../story';

// The published address is the build's setting (site-url.test.ts); here it is the test's choice.
const site = vi.hoisted(() => ({ url: undefined as URL | undefined }));
vi.mock('$lib/share/site-url.server', () => ({ siteUrl: () => site.url }));
afterEach(() => {
	site.url = undefined;
});

const story = buildStory(loadContent());
const { states } = mapForPage();

describe('accountShare', () => {
	it.each(story.sections)(
		'says what $id’s share page shows, with its own map caption',
		(section) => {
			const caption = states.find((s) => s.step === section.id)!.caption;
			expect(caption).not.toBe('');
			expect(accountShare(section.id)).toEqual({
				title: story.title,
				labels: { read: story.labels.accountRead },
				section: {
					id: section.id,
					who: section.who,
					where: section.where,
					quote: section.quote
				},
				caption,
				card: {
					x1: `cards/${section.id}.png`,
					x2: `cards/${section.id}@2x.png`,
					alt: cardAlt(section, caption)
				},
				share: undefined
			});
		}
	);

	it('has none for the intro or an id that is no account', () => {
		expect(accountShare('intro')).toBeUndefined();
		expect(accountShare('nobody')).toBeUndefined();
	});

	it('gives absolute share addresses under where the story is published', () => {
		site.url = new URL('https://example.org/graphics/mobilization/');
		expect(accountShare(ID.middle)?.share).toEqual({
			url: `https://example.org/graphics/mobilization/${ID.middle}/`,
			image: `https://example.org/graphics/mobilization/cards/${ID.middle}.png`
		});
	});
});
