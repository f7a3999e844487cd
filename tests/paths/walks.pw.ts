import { test, expect, type Browser } from '@playwright/test';
import fc from 'fast-check';
import { difference, keep, SPECK, type Picture } from './pictures';
import { RUN, writeReport } from './report';
import {
	embedSurface,
	presenterSurface,
	storySurface,
	wordpressSurface,
	type Seen,
	type Surface
} from './surfaces';

/** Slides in the deck (title, 200,000, five accounts, 51, credits): checked against the page below. */
const SLIDES = 9;

const SURFACES: Surface<never>[] = [
	storySurface({ width: 360, height: 640 }, true, [
		{ width: 640, height: 360 },
		{ width: 412, height: 915 }
	]),
	storySurface({ width: 1280, height: 800 }, false, [
		{ width: 800, height: 1280 },
		{ width: 1024, height: 768 }
	]),
	embedSurface({ width: 390, height: 844 }, true, [{ width: 844, height: 390 }]),
	embedSurface({ width: 1280, height: 800 }, false, [
		{ width: 800, height: 1280 },
		{ width: 1024, height: 768 }
	]),
	wordpressSurface({ width: 390, height: 844 }, true, [{ width: 844, height: 390 }]),
	wordpressSurface({ width: 1280, height: 800 }, false, [
		{ width: 800, height: 1280 },
		{ width: 1024, height: 768 }
	]),
	presenterSurface({ width: 1920, height: 1080 }, SLIDES),
	presenterSurface({ width: 1024, height: 768 }, SLIDES)
] as Surface<never>[];

/** A walk: where it opens (a deep link) and what the reader or presenter then does. */
const walkOf = <A>(surface: Surface<A>) =>
	fc.record({
		start: fc.constantFrom(...surface.starts),
		actions: fc.array(surface.action, { minLength: 1, maxLength: 8 })
	});

/** Each surface its own stream of walks from the run's seed. */
const seedOf = (name: string) =>
	[...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, RUN.seed);

/** Deep links' pictures, taken once per worker. */
const references = new Map<string, Promise<Picture>>();
function reference<A>(surface: Surface<A>, browser: Browser, state: string) {
	const key = `${surface.name} ${state}`;
	if (!references.has(key)) references.set(key, surface.reference(browser, state));
	return references.get(key)!;
}

/** What is wrong with a settled look, if anything: the state claimed, or the picture. */
async function judge<A>(surface: Surface<A>, browser: Browser, seen: Seen, name: string) {
	if (seen.wrong) return seen.wrong;
	const expected = await reference(surface, browser, seen.state);
	const { pixels, patch, diff } = difference(seen.picture, expected);
	if (patch <= SPECK) return undefined;
	return `${pixels} pixels differ from the deep link to ${seen.state}, ${patch} together (${keep(name, seen.picture, expected, diff)})`;
}

for (const surface of SURFACES) {
	test(`${surface.name}: generated walks settle on the deep link's picture`, async ({
		browser
	}) => {
		const share = Math.max(1, Math.round(RUN.walks / SURFACES.length));
		const seed = seedOf(surface.name);
		const walks = fc.sample(walkOf(surface), { seed, numRuns: share });
		const only = RUN.only?.startsWith(`${surface.name}#`)
			? Number(RUN.only.split('#')[1])
			: undefined;
		if (RUN.only && only === undefined) test.skip(true, `replaying ${RUN.only} only`);
		const failures: string[] = [];
		let runs = 0;
		for (const [i, walk] of walks.entries()) {
			if (only !== undefined && i !== only) continue;
			runs++;
			const name = `${surface.name}#${i}`;
			const session = await surface.open(browser, walk.start);
			let wrong: string | undefined;
			try {
				for (const action of walk.actions) await session.apply(action);
				wrong = await judge(surface, browser, await session.observe(), name);
			} catch (error) {
				wrong = `failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`;
			} finally {
				await session.close();
			}
			if (wrong) {
				failures.push(
					`${name} (seed ${seed}) from ${walk.start}: ${JSON.stringify(walk.actions)}\n    ${wrong}`
				);
				console.log(`WRONG ${failures.at(-1)}`);
			}
		}
		writeReport(`walks ${surface.name}`, {
			surface: surface.name,
			runs,
			wrong: failures.length,
			pictures: runs
		});
		expect(
			failures,
			`replay one with: npm run test:paths -- --seed ${RUN.seed} --runs ${RUN.walks} --only "<name>"`
		).toEqual([]);
	});

	test(`${surface.name}: paging forward through everything and back, each stop as its deep link`, async ({
		browser
	}) => {
		test.skip(!!RUN.only, `replaying ${RUN.only} only`);
		const failures: string[] = [];
		let pictures = 0;
		const session = await surface.open(browser, surface.starts[0]!);
		try {
			for (const [direction, action] of [
				['forward', surface.forward],
				['back', surface.back]
			] as const) {
				const goal = direction === 'forward' ? surface.ends[1] : surface.ends[0];
				for (let press = 0; press < 60; press++) {
					const seen = await session.observe();
					pictures++;
					const wrong = await judge(
						surface,
						browser,
						seen,
						`${surface.name}-${direction}-${press}`
					);
					if (wrong)
						failures.push(
							`${direction}, after ${press} presses of ${JSON.stringify(action)}: ${wrong}`
						);
					if (seen.state === goal) break;
					await session.apply(action);
				}
			}
		} finally {
			await session.close();
		}
		writeReport(`paging ${surface.name}`, {
			surface: surface.name,
			runs: 2,
			wrong: failures.length ? 1 : 0,
			pictures
		});
		expect(failures).toEqual([]);
	});
}

test('the deck has the slides these walks expect', async ({ page }) => {
	await page.goto('present/');
	await expect(page.locator('[data-present]')).toHaveAttribute('data-slides', String(SLIDES));
});
