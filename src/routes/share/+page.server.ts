import { loadContent } from '$lib/content/load.server';
import { mapForPage } from '$lib/map/story-map.server';
import { cardAlt, cardFiles } from '$lib/share/cards';
import { siteUrl } from '$lib/share/site-url.server';
import { ampSnippet, iframeSnippet, oembedUrl } from '$lib/share/snippets';
import { buildStory } from '$lib/story/model';

/** Everything an editor copies to put the story somewhere else, written at build time. */
export function load() {
	const story = buildStory(loadContent());
	const states = mapForPage().states;
	const site = siteUrl();
	const absolute = (path: string) => (site ? new URL(path, site).href : `../${path}`);
	return {
		title: story.title,
		labels: story.labels,
		snippets: site && {
			script: `<script async src="${new URL('embed.js', site).href}"></script>`,
			iframe: iframeSnippet(site, story.title, story.description),
			oembed: oembedUrl(site),
			amp: ampSnippet(site, story.title)
		},
		accounts: story.sections.map((section) => {
			const caption = states.find((s) => s.step === section.id)?.caption ?? '';
			return {
				id: section.id,
				name: `${section.who}, ${section.where}`,
				address: absolute(`${section.id}/`),
				card: cardFiles(section.id),
				alt: cardAlt(section, caption)
			};
		}),
		storyCard: { file: 'share.png', alt: story.description }
	};
}
