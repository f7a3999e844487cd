import { loadContent } from '$lib/content/load.server';
import { mapForPage } from '$lib/map/story-map.server';
import { buildStory } from '$lib/story/model';
import { cardAlt, cardFiles } from './cards';
import { siteUrl } from './site-url.server';

/** What an account's share page (./oleg/) says, in its body and in its head; none for other ids. */
export function accountShare(id: string) {
	const story = buildStory(loadContent());
	const section = story.sections.find((s) => s.id === id);
	if (!section) return undefined;
	const caption = mapForPage().states.find((s) => s.step === section.id)?.caption ?? '';
	const site = siteUrl();
	const card = cardFiles(section.id);
	return {
		title: story.title,
		labels: { read: story.labels.accountRead },
		section: { id: section.id, who: section.who, where: section.where, quote: section.quote },
		caption,
		card: { ...card, alt: cardAlt(section, caption) },
		/** Absolute addresses for the share tags, when the build knows where it is published. */
		share: site && {
			url: new URL(`${section.id}/`, site).href,
			image: new URL(card.x1, site).href
		}
	};
}

export type AccountShare = NonNullable<ReturnType<typeof accountShare>>;
