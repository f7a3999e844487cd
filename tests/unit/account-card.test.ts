import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadContent } from '$lib/content/load.server';
import { storyMap } from '$lib/map/story-map.server';
import { accountCard } from '$lib/share/account-card.server';
import { allCards, cardAlt, cardFiles } from '$lib/share/cards';
import { buildStory } from '$lib/story/model';
import { GET, entries } from '../../src/routes/cards/[file]/+server';
import { ACCOUNT_IDS } from '../source-text';

const story = buildStory(loadContent());
const { map } = storyMap();
const caption = (id: string) => map.states.find((s) => s.step === id)!.caption;
// To look at the pictures: CARDS_OUT=/tmp/cards npx vitest run tests/unit/account-card.test.ts
const out = process.env.CARDS_OUT;

describe('account cards', () => {
	const ids = story.sections.map((s) => s.id);

	it('names two files for each account', () => {
		const id = ACCOUNT_IDS[0]!;
		expect(ids).toEqual(ACCOUNT_IDS);
		expect(allCards(ids).map((c) => c.name)).toHaveLength(2 * ids.length);
		expect(cardFiles(id)).toEqual({ x1: `cards/${id}.png`, x2: `cards/${id}@2x.png` });
	});

	it.each(allCards(ids))('draws $name at the Open Graph size', async ({ id, scale, name }) => {
		const png = await accountCard(story, map, id, scale);
		const meta = await sharp(png).metadata();
		expect(meta.format).toBe('png');
		expect([meta.width, meta.height]).toEqual([1200 * scale, 630 * scale]);
		if (out) {
			mkdirSync(out, { recursive: true });
			writeFileSync(join(out, name), png);
		}
	});

	it.each(story.sections)(
		'describes $id in its own words and no one else’s',
		({ id, who, where, quote }) => {
			const alt = cardAlt({ who, where, quote }, caption(id));
			for (const words of [who, where, quote, caption(id)]) expect(alt).toContain(words);
			for (const other of story.sections.filter((s) => s.id !== id)) {
				for (const words of [other.who, other.quote, caption(other.id)])
					expect(alt).not.toContain(words);
			}
		}
	);

	it('has no card for an unknown account', async () => {
		await expect(accountCard(story, map, 'nobody', 1)).rejects.toThrow(/nobody/);
	});
});

describe('the cards route', () => {
	const get = (file: string) => GET({ params: { file } } as Parameters<typeof GET>[0]);

	it('prerenders every card', async () => {
		expect(await entries()).toEqual(
			ACCOUNT_IDS.flatMap((id) => [{ file: `${id}.png` }, { file: `${id}@2x.png` }])
		);
	});

	it('serves a card as a PNG, and no other name', async () => {
		const id = ACCOUNT_IDS[0]!;
		const response = await get(`${id}@2x.png`);
		expect(response.headers.get('content-type')).toBe('image/png');
		const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
		expect([meta.width, meta.height]).toEqual([2400, 1260]);
		await expect(get(`${id}@3x.png`)).rejects.toMatchObject({ status: 404 });
	});
});
