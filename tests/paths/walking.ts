import fc from 'fast-check';
import { difference, keep, SPECK, type Picture } from './pictures';
import { RUN, writeReport } from './report';
import type { Seen, Session, Surface } from './reading';

/** A walk: where it opens (a deep link) and what the reader or presenter then does. */
const walkOf = <A, D>(surface: Surface<A, D>) =>
	fc.record({
		start: fc.constantFrom(...surface.starts),
		actions: fc.array(surface.action, { minLength: 1, maxLength: 8 })
	});

/** Each surface its own stream of walks from the run's seed (the same in every engine). */
const seedOf = (name: string) =>
	[...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, RUN.seed);

/**
 * Walks surfaces in one browser (Playwright's Chromium, or an engine of tests/engines) and
 * compares each settled look with the same browser's deep link, whose pictures it keeps.
 * `prefix` names the browser in walk names ("firefox "), so a failing walk replays by its name.
 */
export class Walker<D> {
	private references = new Map<string, Promise<Picture>>();

	constructor(
		readonly driver: D,
		readonly prefix = ''
	) {}

	private reference<A>(surface: Surface<A, D>, state: string) {
		const key = `${surface.name} ${state}`;
		if (!this.references.has(key)) this.references.set(key, surface.reference(this.driver, state));
		return this.references.get(key)!;
	}

	/** What is wrong with a settled look, if anything: the state claimed, the address, or the picture. */
	private async judge<A>(surface: Surface<A, D>, name: string, look: () => Promise<Seen>) {
		const seen = await look();
		if (seen.wrong) return seen.wrong;
		const expected = await this.reference(surface, seen.state);
		const { pixels, patch, diff } = difference(seen.picture, expected, surface.shift ?? 0);
		if (patch <= SPECK) return undefined;
		return `${pixels} pixels differ from the deep link to ${seen.state}, ${patch} together (${keep(name, seen.picture, expected, diff)})`;
	}

	/** The walk `RUN.only` names on this surface, or undefined; null when it names another surface. */
	only<A>(surface: Surface<A, D>): number | null | undefined {
		if (!RUN.only) return undefined;
		const name = `${this.prefix}${surface.name}#`;
		return RUN.only.startsWith(name) ? Number(RUN.only.slice(name.length)) : null;
	}

	/** `count` generated walks (or the one RUN.only names), each ending in a judged look. */
	async generated<A>(surface: Surface<A, D>, count: number) {
		const seed = seedOf(surface.name);
		const walks = fc.sample(walkOf(surface), { seed, numRuns: count });
		const only = this.only(surface);
		const failures: string[] = [];
		let runs = 0;
		for (const [i, walk] of walks.entries()) {
			if (only !== undefined && i !== only) continue;
			runs++;
			const name = `${this.prefix}${surface.name}#${i}`;
			let wrong: string | undefined;
			let session: Session<A> | undefined;
			try {
				session = await surface.open(this.driver, walk.start);
				for (const action of walk.actions) await session.apply(action);
				wrong = await this.judge(surface, name, () => session!.observe());
			} catch (error) {
				wrong = `failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`;
			} finally {
				await session?.close();
			}
			if (wrong) {
				failures.push(
					`${name} (seed ${seed}) from ${walk.start}: ${JSON.stringify(walk.actions)}\n    ${wrong}`
				);
				console.log(`WRONG ${failures.at(-1)}`);
			}
		}
		return { runs, pictures: runs, failures };
	}

	/** Pages forward from the first state to the last and back, each stop judged as a deep link. */
	async paging<A>(surface: Surface<A, D>) {
		const failures: string[] = [];
		let pictures = 0;
		const session = await surface.open(this.driver, surface.starts[0]!);
		try {
			for (const [direction, action] of [
				['forward', surface.forward],
				['back', surface.back]
			] as const) {
				const goal = direction === 'forward' ? surface.ends[1] : surface.ends[0];
				for (let press = 0; press < 60; press++) {
					let state = '';
					const wrong = await this.judge(
						surface,
						`${this.prefix}${surface.name}-${direction}-${press}`,
						async () => {
							const seen = await session.observe();
							state = seen.state;
							return seen;
						}
					);
					pictures++;
					if (wrong)
						failures.push(
							`${direction}, after ${press} presses of ${JSON.stringify(action)}: ${wrong}`
						);
					if (state === goal) break;
					await session.apply(action);
				}
			}
		} finally {
			await session.close();
		}
		return { runs: 2, pictures, failures };
	}
}

/**
 * Writes one surface's walks (each wrong walk counts) or paging (both directions one run, wrong
 * if any stop is) to the run's report, and answers the failures.
 */
export function reported(
	engine: string,
	kind: 'walks' | 'paging',
	surface: string,
	{ runs, pictures, failures }: { runs: number; pictures: number; failures: string[] }
): string[] {
	const wrong = kind === 'walks' ? failures.length : Math.min(failures.length, 1);
	writeReport(`${kind} ${engine} ${surface}`, { engine, surface, runs, wrong, pictures });
	return failures;
}
