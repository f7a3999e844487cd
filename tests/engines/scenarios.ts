/**
 * The smoke scenarios, written once against the Tab interface and run in every engine. The
 * Playwright suite (tests/e2e) holds the detailed assertions in Chromium; these check that what a
 * reader meets works in the engines readers use.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ACCOUNT_IDS, normalize, sourceSentences } from '../source-text';
import { ACCOUNTS, FIGURES, ID, STEPS } from '../story';
import { sleep, waitIn, type Engine, type Tab, type TabOptions } from './engine';
import { HOST, ROOT } from './servers';

/** Each counter's final text: its figure as the sentence writes it. */
const FINAL = Object.fromEntries(FIGURES.map((f) => [f.id, f.display]));
/** The first account whose map has a hoped-for route, if the story has one. */
const WISHING = ACCOUNTS.filter((a) => a.routes.some((r) => r.kind === 'wish')).slice(0, 1);
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

export interface Scenario {
	name: string;
	run(engine: Engine): Promise<void>;
}

/** Screenshots for people to look at, per engine (git-ignored). */
const shot = (tab: Tab, engine: Engine, name: string) => {
	const dir = join('engine-screenshots', engine.name);
	mkdirSync(dir, { recursive: true });
	return tab.screenshot(join(dir, `${name}.png`));
};

/**
 * Opens a tab, runs `body`, and fails on anything the page's error probe recorded (a partner's
 * page has no probe: the embed scenario checks its frame).
 */
async function withTab(
	engine: Engine,
	options: TabOptions,
	body: (tab: Tab) => Promise<void>,
	probed = true
): Promise<void> {
	const tab = await engine.open(options);
	try {
		await body(tab);
		if (probed && options.javaScript !== false) expect(await errors(tab)).toEqual([]);
	} finally {
		await tab.close();
	}
}

const errors = (tab: Tab) =>
	tab.run(
		() =>
			(window as unknown as { __probe?: { errors: string[] } }).__probe?.errors ?? [
				'no error probe: not served by the engine server'
			]
	);

const enhanced = (tab: Tab, root = '[data-graphic]') =>
	waitIn(
		tab,
		'the map to be driven by script',
		(selector) => !!document.querySelector(`${selector} svg[data-enhanced]`),
		root
	);

async function everySentenceVisible(tab: Tab): Promise<void> {
	const text = normalize(await tab.run(() => document.body.innerText));
	expect(sourceSentences().filter((s) => !text.includes(s))).toEqual([]);
}

interface Reading {
	/** Each change of step, with where the graphic was on screen then. */
	steps: { step: string; top: number; bottom: number; viewport: number }[];
	/** Every value each counter showed. */
	counts: { [name: string]: string[] };
	/** Whether the map ever moved by its camera (an animated change). */
	moved: boolean;
}

/** Watches the graphic, the counters and the map while the reader scrolls. */
const watch = (tab: Tab) =>
	tab.run(() => {
		const graphic = document.querySelector<HTMLElement>('[data-graphic]')!;
		const svg = graphic.querySelector('svg')!;
		const log: Reading = { steps: [], counts: {}, moved: false };
		(window as unknown as { __reading: Reading }).__reading = log;
		const note = () => {
			const box = graphic.getBoundingClientRect();
			log.steps.push({
				step: graphic.dataset.active ?? '',
				top: box.top,
				bottom: box.bottom,
				viewport: innerHeight
			});
		};
		note();
		new MutationObserver(note).observe(graphic, { attributeFilter: ['data-active'] });
		new MutationObserver(() => (log.moved ||= svg.hasAttribute('data-moving'))).observe(svg, {
			attributeFilter: ['data-moving']
		});
		for (const counter of document.querySelectorAll<HTMLElement>('[data-counter]')) {
			const seen = (log.counts[counter.dataset.counter!] = [counter.textContent ?? '']);
			new MutationObserver(() => seen.push(counter.textContent ?? '')).observe(counter, {
				childList: true,
				characterData: true,
				subtree: true
			});
		}
	});

/**
 * Waits two rendering steps: IntersectionObserver reports where the counters are only then, and a
 * counter first sighted on screen counts as shown at load (final value, no count). On a loaded
 * machine a key pressed before that report jumped the 200,000 into view unseen (WebKitGTK, 1280x800).
 */
async function nextFrames(tab: Tab): Promise<void> {
	await tab.run(() => {
		const w = window as unknown as { __framed: boolean };
		w.__framed = false;
		requestAnimationFrame(() => requestAnimationFrame(() => (w.__framed = true)));
	});
	while (!(await tab.run(() => (window as unknown as { __framed: boolean }).__framed)))
		await sleep(20);
}

/** Pages down like a reader to the end of the story, then reads what was seen. */
async function readToTheEnd(tab: Tab): Promise<Reading> {
	for (let i = 0; i < 150; i++) {
		if (await tab.run(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2))
			break;
		await tab.press('PageDown');
		await sleep(300);
	}
	await sleep(2500); // the last count and move finish
	return tab.run(() => (window as unknown as { __reading: Reading }).__reading);
}

/** Consecutive repeats collapsed: the order in which steps were shown. */
const sequence = (steps: { step: string }[]) =>
	steps.map((s) => s.step).filter((s, i, all) => s !== all[i - 1]);

function expectGraphicInViewAtEachAccount(steps: Reading['steps']): void {
	for (const id of ACCOUNT_IDS) {
		const first = steps.find((s) => s.step === id)!;
		expect(first, `the graphic when ${id} began`).toBeDefined();
		expect(first.top, `top of the graphic at ${id}`).toBeGreaterThanOrEqual(-1);
		expect(first.bottom, `bottom of the graphic at ${id}`).toBeLessThanOrEqual(first.viewport + 1);
	}
}

const readThrough = (size: { width: number; height: number }, label: string): Scenario => ({
	name: `at ${size.width}x${size.height}, the story reads whole and the graphic follows the accounts in order; counters count up to their final values`,
	run: (engine) =>
		withTab(engine, size, async (tab) => {
			await tab.goto(ROOT);
			await enhanced(tab);
			await everySentenceVisible(tab);
			await watch(tab);
			await nextFrames(tab);
			const log = await readToTheEnd(tab);
			await shot(tab, engine, `end-${label}`);
			expect(sequence(log.steps)).toEqual(STEPS);
			expectGraphicInViewAtEachAccount(log.steps);
			expect(log.moved, 'the map moved between states').toBe(true);
			for (const [name, value] of Object.entries(FINAL)) {
				expect(log.counts[name]!.at(-1), `${name} at the end`).toBe(value);
				expect(log.counts[name]!.length, `${name} counted`).toBeGreaterThan(2);
			}
		})
});

export const scenarios: Scenario[] = [
	readThrough(PHONE, 'phone'),
	readThrough(DESKTOP, 'desktop'),
	{
		name: `a deep link (#${ID.last}) opens on that account, with its map`,
		run: (engine) =>
			withTab(engine, PHONE, async (tab) => {
				await tab.goto(`${ROOT}#${ID.last}`);
				await enhanced(tab);
				await waitIn(
					tab,
					`the graphic on ${ID.last}`,
					(id) => document.querySelector<HTMLElement>('[data-graphic]')?.dataset.active === id,
					ID.last
				);
				const top = await tab.run(
					(id) => document.getElementById(id)!.getBoundingClientRect().top,
					ID.last
				);
				expect(top).toBeGreaterThanOrEqual(-1);
				expect(top).toBeLessThan(PHONE.height);
				await shot(tab, engine, `deep-link-${ID.last}`);
			})
	},
	{
		// Safari and WebKitGTK fire no scrollend: the walks found the page at the top there and the
		// graphic still on the last account.
		name: 'Home from an account, and an emptied address, take the reader to the intro',
		run: (engine) =>
			withTab(engine, DESKTOP, async (tab) => {
				const graphicOn = (step: string) =>
					waitIn(
						tab,
						`the graphic on ${step}`,
						(s) => document.querySelector<HTMLElement>('[data-graphic]')?.dataset.active === s,
						step
					);
				await tab.goto(`${ROOT}#${ID.middle}`);
				await enhanced(tab);
				await graphicOn(ID.middle);
				await tab.press('Home');
				// The glide up passes the accounts: the top, then the intro.
				await waitIn(tab, 'the top', () => scrollY === 0 && location.hash === '');
				await graphicOn('intro');
				await tab.press('End');
				await graphicOn(ID.last);
				await tab.run(() => (location.hash = ''));
				await graphicOn('intro');
			})
	},
	...WISHING.map(({ id }): Scenario => ({
		name: 'the hoped-for routes are dashed, as the map key draws them',
		run: (engine) =>
			withTab(engine, DESKTOP, async (tab) => {
				await tab.goto(`${ROOT}#${id}`);
				await enhanced(tab);
				const dashes = await waitIn(tab, `the routes of ${id}`, () => {
					const routes = document.querySelectorAll('[data-graphic] .route-wish');
					return routes.length > 0
						? [...routes].map((r) => getComputedStyle(r).strokeDasharray)
						: undefined;
				});
				// Firefox once computed `none` for a dash array of calc() numbers: a solid line.
				expect(dashes!.filter((d) => !/\d/.test(d))).toEqual([]);
			})
	})),
	{
		name: 'with reduced motion, nothing moves: the map cuts and counters stay at their final values',
		run: (engine) =>
			withTab(engine, { ...PHONE, reducedMotion: true }, async (tab) => {
				await tab.goto(ROOT);
				await enhanced(tab);
				expect(await tab.run(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(
					true
				);
				await watch(tab);
				const log = await readToTheEnd(tab);
				expect(sequence(log.steps)).toEqual(STEPS);
				expect(log.moved).toBe(false);
				for (const [name, value] of Object.entries(FINAL))
					expect(log.counts[name], name).toEqual([value]);
			})
	},
	{
		name: 'without JavaScript, the whole story reads, each account with its map, final numbers',
		run: (engine) =>
			withTab(engine, { ...PHONE, javaScript: false }, async (tab) => {
				await tab.goto(ROOT);
				await everySentenceVisible(tab);
				const page = await tab.run(() => ({
					maps: [...document.querySelectorAll('[data-inline-map]')].filter(
						(m) => m.getBoundingClientRect().height > 50
					).length,
					graphic: document.querySelector('[data-graphic]')?.getClientRects().length ?? 0,
					counters: [...document.querySelectorAll<HTMLElement>('[data-counter]')].map(
						(c) => c.textContent
					)
				}));
				expect(page).toEqual({ maps: STEPS.length, graphic: 0, counters: Object.values(FINAL) });
				await shot(tab, engine, 'no-javascript');
			})
	},
	{
		name: "the presenter follows a clicker's and a keyboard's keys",
		run: (engine) =>
			withTab(engine, DESKTOP, async (tab) => {
				await tab.goto(`${ROOT}present/`);
				await enhanced(tab, '[data-present]');
				const deck = () =>
					tab.run(() => {
						const { slide, slides } =
							document.querySelector<HTMLElement>('[data-present]')!.dataset;
						return { slide, slides, hash: location.hash };
					});
				const expectSlide = (slide: string) =>
					waitIn(
						tab,
						`slide ${slide}`,
						(n) => document.querySelector<HTMLElement>('[data-present]')?.dataset.slide === n,
						slide
					);
				expect((await deck()).slide).toBe('1');
				for (const [key, slide] of [
					['ArrowRight', '2'],
					['PageDown', '3'],
					['PageUp', '2'],
					['End', (await deck()).slides!],
					['Home', '1']
				] as const) {
					await tab.press(key);
					await expectSlide(slide);
				}
				await tab.press('ArrowRight');
				await expectSlide('2');
				expect((await deck()).hash).toBe('#/2');
				await tab.press('b');
				await waitIn(
					tab,
					'a blank screen',
					() => document.querySelector<HTMLElement>('[data-present]')?.dataset.blank === 'true'
				);
				await tab.press('b');
				await waitIn(
					tab,
					'the slide back',
					() => document.querySelector<HTMLElement>('[data-present]')?.dataset.blank !== 'true'
				);
				// WebKitGTK's screenshot can show the frame before the last change: let it paint.
				await sleep(500);
				await shot(tab, engine, 'presenter');
			})
	},
	{
		name: "embedded in a partner's page on another origin, it sizes itself and the host's scroll drives its steps",
		run: (engine) =>
			withTab(
				engine,
				PHONE,
				async (tab) => {
					await tab.goto(HOST);
					// The frame loads lazily, as the reader nears it (WebKit only when it is close), and
					// then takes the story's height from the loader.
					const sized = () =>
						tab.run(
							() => (document.querySelector('iframe')?.getBoundingClientRect().height ?? 0) > 3000
						);
					const seen: { step: string; top: number; bottom: number; viewport: number }[] = [];
					for (let i = 0; i < 200; i++) {
						if (
							await tab.run(
								() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2
							)
						)
							break;
						await tab.press('PageDown');
						await sleep(300);
						if (!(await sized())) continue;
						const frameTop = await tab.run(
							() => document.querySelector('iframe')!.getBoundingClientRect().top
						);
						await tab.enterFrame('iframe');
						const inFrame = await tab.run(() => {
							const graphic = document.querySelector<HTMLElement>('[data-graphic]')!;
							const box = graphic.getBoundingClientRect();
							return { step: graphic.dataset.active ?? '', top: box.top, bottom: box.bottom };
						});
						await tab.leaveFrame();
						seen.push({
							step: inFrame.step,
							top: frameTop + inFrame.top,
							bottom: frameTop + inFrame.bottom,
							viewport: PHONE.height
						});
						if (inFrame.step === ID.middle && !seen.slice(0, -1).some((s) => s.step === ID.middle))
							await shot(tab, engine, `embed-${ID.middle}`);
					}
					expect(sequence(seen)).toEqual(STEPS);
					expectGraphicInViewAtEachAccount(seen);
					await tab.enterFrame('iframe');
					expect(await errors(tab)).toEqual([]);
					await tab.leaveFrame();
				},
				false
			)
	}
];
