/**
 * What the generated walks share in every browser: the actions a reader or presenter takes, the
 * pages' shape (surfaces, sessions, what is seen), and the in-page measures of where the reader
 * is. The drivers are elsewhere: surfaces.ts (Playwright's Chromium), engine-surfaces.ts (Firefox
 * ESR and WebKitGTK through tests/engines).
 */
import fc from 'fast-check';
import type { Browser } from '@playwright/test';
import { ACCOUNT_IDS } from '../source-text';
import { SLIDES as deck } from '../story';
import type { Picture } from './pictures';

export type Size = { width: number; height: number };

/** What a reader does to the story, in the page or in the partner page around the embed. */
export type ReadAction =
	| { do: 'wheel'; dy: number }
	| { do: 'key'; key: string }
	| { do: 'chapter'; step: string }
	| { do: 'hash'; step: string }
	| { do: 'jump'; at: number }
	| { do: 'resize'; to: number }
	| { do: 'pause'; ms: number }
	| { do: 'reload' }
	/** Leaves for another page of the site and comes back with the back button. */
	| { do: 'away' }
	/** The browser's text size, in percent (TEXT_SIZES). */
	| { do: 'text'; percent: number };

/** What a presenter does: keys in the deck or in the notes window, an address, waiting. */
export type PresentAction =
	| { do: 'key'; key: string }
	| { do: 'notes'; key: string }
	| { do: 'hash'; hash: string }
	| { do: 'pause'; ms: number };

/** What the reader sees once everything has settled. */
export interface Seen {
	/** The step (story, embed) or slide (presenter) the picture claims to show. */
	state: string;
	picture: Picture;
	/** What the reader's position says it should be, when that is not the state: a wrong picture. */
	wrong?: string;
}

/** One page (or pair of pages) being walked. */
export interface Session<A> {
	apply(action: A): Promise<unknown>;
	/** Ends the walk (the original window size back) and looks: settled state and picture. */
	observe(): Promise<Seen>;
	close(): Promise<void>;
}

/** A page a walk drives, in one browser: `D` is what opens it (a Playwright Browser, an engine). */
export interface Surface<A, D = Browser> {
	name: string;
	size: Size;
	/** Where a walk starts: a step or slide, opened by its deep link. */
	starts: string[];
	action: fc.Arbitrary<A>;
	/** The first and last state: a deterministic walk pages from one to the other and back. */
	ends: [string, string];
	/** The keys a deterministic walk pages with, forward and back. */
	forward: A;
	back: A;
	open(browser: D, start: string): Promise<Session<A>>;
	/** The deep link's settled picture of `state`, in a fresh page. */
	reference(browser: D, state: string): Promise<Picture>;
	/** Whole pixels a picture may lie off its deep link's (difference() says why). */
	shift?: number;
}

export const STEPS = ['intro', ...ACCOUNT_IDS];
/** Slides in the deck (title, figures, accounts, credits): walks.pw.ts checks the page has them. */
export const SLIDES = deck.length;
/** The story's layout switch (ScrollyStory.svelte): beside the text, the active line is at half the screen. */
/**
 * Where the reader's pointer goes before a picture: the page's margin, left of any link. It moves
 * on from the link it clicked, and a graphic scrolled into view must not land under it: a hovered
 * chapter link is underlined, in this picture and not the deep link's. It moves there as a hand
 * does, through what lies between (in steps): a frame learns that the pointer left its link from
 * the moves it sees, and one jump straight out of the frame left the link underlined.
 */
export const ASIDE = (size: Size) => [4, Math.round(size.height * 0.8)] as const;
export { SIDE_BY_SIDE } from '../../src/lib/scroll/layout';

/** Pauses: mostly short, some long enough to cut a map move (about 1.9 s) off midway or let it end. */
export const pause = fc.oneof(
	fc.integer({ min: 0, max: 150 }),
	fc.integer({ min: 150, max: 1200 }),
	fc.integer({ min: 1200, max: 2500 })
);
export const wheel = fc.oneof(
	fc.integer({ min: 1, max: 2500 }),
	fc.integer({ min: -2500, max: -1 })
);
export const READ_KEYS = [
	'PageDown',
	'PageUp',
	'Space',
	'Shift+Space',
	'End',
	'Home',
	'ArrowDown',
	'ArrowUp'
];

/**
 * The steps whose text the reader is at: the step under the active line, or either neighbour
 * in the gap between two steps (and within 2 px of a boundary, where the engine may see either).
 * Runs in the story's document; `top` and `height` are the reader's view in its coordinates.
 */
export function stepsAt({
	view,
	side
}: {
	view?: { top: number; height: number };
	side: string;
}): string[] {
	const { top, height } = view ?? { top: scrollY, height: innerHeight };
	const line = top + height * (matchMedia(side).matches ? 0.5 : 0.6);
	const steps = [...document.querySelectorAll<HTMLElement>('[data-step]')].map((s) => {
		const box = s.getBoundingClientRect();
		return { id: s.dataset.step!, top: box.top + scrollY, bottom: box.bottom + scrollY };
	});
	const near = steps.filter((s) => s.top - 2 <= line && line < s.bottom + 2).map((s) => s.id);
	if (steps.some((s) => s.top <= line && line < s.bottom)) return near;
	// In a gap (a line 1.8 px short of Oleg's top, in WebKit's embed, is still Anna's gap).
	const above = steps.filter((s) => s.bottom <= line).at(-1);
	const below = steps.find((s) => s.top > line);
	if (!above) return [steps[0]!.id];
	return [...new Set([above.id, ...(below ? [below.id] : []), ...near])];
}

/**
 * Every key the presenter knows (README), `f` (full screen) included; not `s`, which opens the
 * speaker view in another window and leaves the deck as it is (present.test.ts).
 */
export const PRESENT_KEYS = [
	'ArrowRight',
	'ArrowDown',
	'PageDown',
	'Space',
	'Enter',
	'ArrowLeft',
	'ArrowUp',
	'PageUp',
	'Home',
	'End',
	'b',
	'B',
	'.',
	'Escape',
	'f'
];

/** The deck as the README's key table describes it: where it should be after each key. */
export class DeckModel {
	constructor(
		readonly total: number,
		public slide: number,
		public blank = false
	) {}

	key(key: string) {
		const go = (n: number) => (this.slide = Math.min(Math.max(n, 1), this.total));
		if (['ArrowRight', 'ArrowDown', 'PageDown', 'Space', 'Enter'].includes(key)) go(this.slide + 1);
		else if (['ArrowLeft', 'ArrowUp', 'PageUp'].includes(key)) go(this.slide - 1);
		else if (key === 'Home') go(1);
		else if (key === 'End') go(this.total);
		else if (['b', 'B', '.'].includes(key)) this.blank = !this.blank;
		else if (key === 'Escape') this.blank = false;
	}

	/** `#/N` opens slide N (within the deck); any other address, the first. */
	hash(hash: string) {
		const n = /^#\/(\d+)$/.exec(hash);
		this.slide = Math.min(Math.max(n ? Number(n[1]) : 1, 1), this.total);
	}
}

/**
 * Text sizes a reader sets: Android's font scale and browsers' larger-text settings raise the
 * default font size, which the story's rem and em follow. Emulated alike in every engine by the
 * root's font size (setTextSize), kept across reloads as a setting is.
 */
export const TEXT_SIZES = [100, 150, 200];

/** In the page: the text size, as a percentage of the default. */
export function setTextSize(percent: number): void {
	document.documentElement.style.fontSize = percent === 100 ? '' : `${percent}%`;
}

/** The address that names a state of the story page: the account's id, none at the intro. */
export const addressOf = (state: string) => (state === STEPS[0] ? '' : `#${state}`);

/** What is wrong with the story's address when the page shows `state`, if anything. */
export const addressWrong = (state: string, hash: string) =>
	hash === addressOf(state)
		? undefined
		: `shows ${state} where the address reads "${hash}" (a link shared now would open elsewhere)`;

/**
 * What is wrong when the story shows `state` where the reader reads one of `at` (stepsAt), at the
 * address `hash`, if anything: the graphic first, then the address.
 */
export const storyWrong = (state: string, at: string[], hash: string) =>
	at.includes(state)
		? addressWrong(state, hash)
		: `shows ${state} where the reader reads ${at.join(' or ')}`;

/** How every surface of the story pages through it: intro to the last account and back, by page keys. */
export const STORY_PAGING = {
	ends: ['intro', STEPS.at(-1)!],
	forward: { do: 'key', key: 'PageDown' },
	back: { do: 'key', key: 'PageUp' }
} satisfies Pick<Surface<ReadAction>, 'ends' | 'forward' | 'back'>;

/** How the presenter's surfaces page through its `total` slides: by arrow keys. */
export const presenterPaging = (total: number) =>
	({
		ends: ['1', String(total)],
		forward: { do: 'key', key: 'ArrowRight' },
		back: { do: 'key', key: 'ArrowLeft' }
	}) satisfies Pick<Surface<PresentAction>, 'ends' | 'forward' | 'back'>;

/** An action and how often, among a surface's actions, a walk takes it. */
type Weighted<A> = { weight: number; arbitrary: fc.Arbitrary<A> };

/**
 * What a reader does wherever the story is (its page, a partner's page, WordPress's frame): wheel,
 * keys (Space too), the chapter links, resizes among `sizes`, pauses; and the surface's `own`.
 */
export const readingActions = (sizes: number, own: Weighted<ReadAction>[] = []) =>
	fc.oneof<Weighted<ReadAction>[]>(
		{ weight: 4, arbitrary: wheel.map((dy) => ({ do: 'wheel', dy }) as const) },
		{
			weight: 3,
			arbitrary: fc.constantFrom(...READ_KEYS).map((key) => ({ do: 'key', key }) as const)
		},
		{
			weight: 1,
			arbitrary: fc.constantFrom(...ACCOUNT_IDS).map((step) => ({ do: 'chapter', step }) as const)
		},
		{
			weight: 1,
			arbitrary: fc.integer({ min: 0, max: sizes - 1 }).map((to) => ({ do: 'resize', to }) as const)
		},
		{ weight: 3, arbitrary: pause.map((ms) => ({ do: 'pause', ms }) as const) },
		...own
	);

/** On the story's own page, also: typed addresses, reloads, leaving and coming back, text size. */
export const storyActions = (sizes: number) =>
	readingActions(sizes, [
		{
			weight: 1,
			arbitrary: fc.constantFrom(...STEPS).map((step) => ({ do: 'hash', step }) as const)
		},
		{ weight: 1, arbitrary: fc.constant({ do: 'reload' } as const) },
		{ weight: 1, arbitrary: fc.constant({ do: 'away' } as const) },
		{
			weight: 1,
			arbitrary: fc.constantFrom(...TEXT_SIZES).map((percent) => ({ do: 'text', percent }) as const)
		}
	]);

/** In a partner's page around the embed, also: the host page jumped anywhere. */
export const embedActions = (sizes: number) =>
	readingActions(sizes, [
		{
			weight: 1,
			arbitrary: fc
				.integer({ min: 0, max: 1000 })
				.map((at) => ({ do: 'jump', at: at / 1000 }) as const)
		}
	]);

/** Addresses a presenter types: every slide, some past the deck, and some that name none. */
export const presenterAddress = (total: number) =>
	fc
		.oneof(
			fc.integer({ min: 0, max: total + 2 }).map((n) => `#/${n}`),
			fc.constantFrom('#/', '#/x', '#', '#3', '#/2/')
		)
		.map((hash) => ({ do: 'hash', hash }) as const);
