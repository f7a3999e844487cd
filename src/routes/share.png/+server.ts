import { loadContent } from '$lib/content/load.server';
import { shareCard } from '$lib/map/share-card.server';
import { storyMap } from '$lib/map/story-map.server';
import { buildStory } from '$lib/story/model';

export const prerender = true;

/** build/share.png: the image social networks show with a link to the story. */
export async function GET() {
	const png = await shareCard(buildStory(loadContent()), storyMap().map);
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
}
