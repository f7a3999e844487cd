import { error } from '@sveltejs/kit';
import { loadContent } from '$lib/content/load.server';
import { ACCOUNT_IDS } from '$lib/content/schema';
import { storyMap } from '$lib/map/story-map.server';
import { accountCard } from '$lib/share/account-card.server';
import { allCards } from '$lib/share/cards';
import { buildStory } from '$lib/story/model';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

const cards = allCards(ACCOUNT_IDS);

/** build/cards/oleg.png and oleg@2x.png: each account's picture, for share pages and image-only apps. */
export const entries: EntryGenerator = () => cards.map((card) => ({ file: card.name }));

export const GET: RequestHandler = async ({ params }) => {
	const card = cards.find((c) => c.name === params.file);
	if (!card) error(404, 'No such card');
	const png = await accountCard(buildStory(loadContent()), storyMap().map, card.id, card.scale);
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
