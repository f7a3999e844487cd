/**
 * The generated walks' surfaces for any engine of tests/engines (Firefox ESR, WebKitGTK; Chromium
 * too), through its Tab: the story, the embed on a partner's page on another origin, and the
 * presenter, each compared with the same engine's deep link. What Playwright's surfaces do with
 * touch emulation, a second window (the speaker view) and WordPress stays in Chromium.
 */
import { sleep, waitIn, type Engine, type Tab } from '../engines/engine';
import { HOST, ROOT } from '../engines/servers';
import fc from 'fast-check';
import {
	allBlack,
	crop,
	decode,
	motionBusy,
	overhang,
	scrollStill,
	settle,
	SETTLE_LIMIT,
	wholePixelScroll
} from './pictures';
import {
	addressOf,
	embedActions,
	ASIDE,
	DeckModel,
	pause,
	PRESENT_KEYS,
	presenterAddress,
	setTextSize,
	SIDE_BY_SIDE,
	STEPS,
	stepsAt,
	storyActions,
	type PresentAction,
	type ReadAction,
	type Seen,
	type Size,
	type Surface,
	storyWrong,
	STORY_PAGING,
	presenterPaging
} from './reading';

/**
 * Pixels a picture may lie off its deep link's (pictures.ts, difference): Firefox rests 0.1–0.4 px
 * off a deep link's scroll; WebKitGTK draws a map label 1–2 px off after an animated move (a
 * patch of 15 px forgiven at 2 px, not at 1). A route's gap of 12 px still counts at 2.
 */
const SHIFT = 2;

/** In the page: whether the story's graphic is drawn by script yet. */
const enhanced = (root: string) =>
	!!document.querySelector(`${root} [data-graphic] svg[data-enhanced]`);

/**
 * Brings the graphic (its box from `box`, viewport pixels) wholly into view the least a reader
 * would, as the Chromium surfaces do, and the page's scroll onto a whole pixel, so the walk's page
 * and its deep link's rest alike. Answers false when it scrolled.
 */
async function graphicInView(tab: Tab, box: () => Promise<Box>, viewport: number) {
	const off = overhang(await box(), viewport);
	if (off !== 0) {
		await tab.run((by) => window.scrollBy({ top: by, behavior: 'instant' }), off);
		return false;
	}
	await tab.run(wholePixelScroll);
	return true;
}

type Box = { x: number; y: number; width: number; height: number };

/** In the page: the graphic's box in the viewport. */
function graphicBox() {
	const { x, y, width, height } = document.querySelector('[data-graphic]')!.getBoundingClientRect();
	return { x, y, width, height };
}

/**
 * The viewport's right edge where an overlay scrollbar shows while the page scrolls and fades a
 * second after (WebKitGTK): not part of the story's picture.
 */
const SCROLLBAR = 16;

/**
 * The graphic in the viewport's picture, 2 px in from each edge (as the Chromium surfaces), short
 * of the scrollbar's strip.
 */
async function shootGraphic(tab: Tab, box: Box) {
	const viewport = decode(await tab.capture());
	const x = Math.max(0, Math.round(box.x) + 2);
	const y = Math.max(0, Math.round(box.y) + 2);
	return crop(viewport, {
		x,
		y,
		width: Math.min(Math.floor(box.width) - 4, viewport.width - SCROLLBAR - x),
		height: Math.min(Math.floor(box.height) - 4, viewport.height - y)
	}).png;
}

/** Types an address's fragment and waits until the page has heard it (as surfaces.ts's setHash). */
function typeAddress(hash: string): Promise<void> {
	return new Promise<void>((heard) => {
		addEventListener('hashchange', () => heard(), { once: true });
		setTimeout(heard, 300);
		location.hash = hash;
	});
}

const opened = (engine: Engine, size: Size, reducedMotion = false) =>
	engine.open({ ...size, reducedMotion });

/**
 * The story page (`./`) in an engine: wheel, keys, the chapter links, typed addresses, resizes,
 * pauses, reloads, leaving and coming back, text size. Compared: the settled [data-graphic] with
 * the deep link's (`./#step`), the address with the account shown.
 */
export function engineStorySurface(
	engine: Engine,
	size: Size,
	others: Size[]
): Surface<ReadAction, Engine> {
	const sizes = [size, ...others];
	const side = size.width >= 1024;

	async function open(start: string) {
		const tab = await opened(engine, size);
		await tab.goto(`${ROOT}${addressOf(start)}`);
		await waitIn(tab, 'the story enhanced', enhanced, '');
		return tab;
	}

	async function look(tab: Tab): Promise<Seen> {
		const picture = await settle({
			shoot: async () => shootGraphic(tab, await tab.run(graphicBox)),
			idle: async () => !(await tab.run(motionBusy)),
			rest: () => tab.run(scrollStill, SETTLE_LIMIT),
			inView: () => graphicInView(tab, () => tab.run(graphicBox), size.height)
		});
		const at = await tab.run(stepsAt, { side: SIDE_BY_SIDE });
		const { state, hash } = await tab.run(() => ({
			state: document.querySelector<HTMLElement>('[data-graphic]')!.dataset.active ?? '',
			hash: location.hash
		}));
		return { state, picture, wrong: storyWrong(state, at, hash) };
	}

	return {
		name: `story ${size.width}x${size.height}`,
		size,
		starts: STEPS,
		action: storyActions(sizes.length),
		...STORY_PAGING,
		shift: SHIFT,
		async open(_, start) {
			const tab = await open(start);
			// The reader's pointer over the text, below or beside the graphic: the wheel scrolls there.
			let text = 100;
			let current = size;
			const hand = () => tab.move(current.width * (side ? 0.25 : 0.5), current.height * 0.8);
			await hand();
			return {
				async apply(action) {
					switch (action.do) {
						case 'wheel':
							return tab.wheel(action.dy);
						case 'key':
							return tab.press(action.key);
						case 'chapter':
							await tab.click(`[data-graphic] nav a[href="#${action.step}"]`);
							return hand();
						case 'hash':
							return tab.run(typeAddress, addressOf(action.step));
						case 'resize':
							current = sizes[action.to]!;
							await tab.resize(current.width, current.height);
							// The hand stays on the window, which the wheel needs under it.
							return hand();
						case 'pause':
							return sleep(action.ms);
						case 'text':
							return tab.run(setTextSize, (text = action.percent));
						case 'reload':
						case 'away':
							if (action.do === 'reload') await tab.reload();
							else {
								await tab.goto(`${ROOT}share/`);
								await tab.back();
							}
							await waitIn(tab, 'the story enhanced', enhanced, '');
							// A text size is the browser's setting: the page comes back with it.
							return tab.run(setTextSize, text);
						default:
							throw new Error(`${action.do}: not a story action`);
					}
				},
				async observe() {
					if (current !== size) await tab.resize(size.width, size.height);
					current = size;
					if (text !== 100) await tab.run(setTextSize, (text = 100));
					// Off any link: a hovered chapter link is underlined, in this picture and not the deep link's.
					await tab.move(...ASIDE(size));
					return look(tab);
				},
				close: () => tab.close()
			};
		},
		async reference(_, state) {
			const tab = await open(state);
			try {
				await tab.move(...ASIDE(size));
				const seen = await look(tab);
				if (seen.state !== state) throw new Error(`the deep link to ${state} shows ${seen.state}`);
				if (seen.wrong) throw new Error(`the deep link to ${state}: ${seen.wrong}`);
				return seen.picture;
			} finally {
				await tab.close();
			}
		}
	};
}

/** The story's frame in the partner's page (scripts/embed-host.js with embed.js). */
const FRAME = 'iframe[src*="/embed/"]';

/**
 * The embed on a partner's page on another origin in an engine: the host page's wheel, keys and
 * jumps, the chapter links inside the frame, resizes, pauses. Compared: the settled graphic in
 * the frame with the deep link's there, which is the host page opened with motion reduced and
 * jumped straight to the step (as surfaces.ts's embedSurface).
 */
export function engineEmbedSurface(
	engine: Engine,
	size: Size,
	others: Size[]
): Surface<ReadAction, Engine> {
	const sizes = [size, ...others];

	/** Runs `fn` in the story's frame. */
	async function inFrame<R, A>(tab: Tab, fn: (arg: A) => R, arg?: A): Promise<R> {
		await tab.enterFrame(FRAME);
		try {
			return await tab.run(fn, arg);
		} finally {
			await tab.leaveFrame();
		}
	}

	async function open(reducedMotion: boolean) {
		const tab = await opened(engine, size, reducedMotion);
		await tab.goto(HOST);
		// The frame loads as the reader nears it (WebKit: only when close): bring it near, then back.
		for (let i = 0; i < 50; i++) {
			const ready = await tab.run(
				(frame) => (document.querySelector(frame)?.getBoundingClientRect().height ?? 0) > 3000,
				FRAME
			);
			if (ready && (await inFrame(tab, enhanced, '.scrolly[data-driven]'))) break;
			await tab.run(
				(frame) => document.querySelector(frame)?.scrollIntoView({ behavior: 'instant' }),
				FRAME
			);
			await sleep(200);
			if (i === 49) throw new Error('the embed never started');
		}
		await tab.run(() => window.scrollTo({ top: 0, behavior: 'instant' }));
		return tab;
	}

	async function look(tab: Tab): Promise<Seen> {
		const frameBox = () =>
			tab.run((frame) => {
				const { x, y } = document.querySelector(frame)!.getBoundingClientRect();
				return { x, y };
			}, FRAME);
		const box = async () => {
			const outer = await frameBox();
			const inner = await inFrame(tab, graphicBox);
			return { ...inner, x: inner.x + outer.x, y: inner.y + outer.y };
		};
		const picture = await settle({
			shoot: async () => shootGraphic(tab, await box()),
			idle: async () => !(await tab.run(motionBusy)) && !(await inFrame(tab, motionBusy)),
			rest: () => tab.run(scrollStill, SETTLE_LIMIT),
			inView: () => graphicInView(tab, box, size.height)
		});
		const view = await tab.run((frame) => {
			const b = document.querySelector(frame)!.getBoundingClientRect();
			return { top: -b.top, height: innerHeight };
		}, FRAME);
		const at = await inFrame(tab, stepsAt, { side: SIDE_BY_SIDE, view });
		const state = await inFrame(
			tab,
			() => document.querySelector<HTMLElement>('[data-graphic]')!.dataset.active ?? ''
		);
		return {
			state,
			picture,
			wrong: at.includes(state)
				? undefined
				: `shows ${state} where the reader reads ${at.join(' or ')} ${JSON.stringify({
						host: view,
						inside: await inFrame(tab, () => ({
							transform: document.querySelector<HTMLElement>('[data-graphic]')!.style.transform,
							height: innerHeight,
							steps: [...document.querySelectorAll<HTMLElement>('[data-step]')]
								.map(
									(step) =>
										`${step.dataset.step}@${Math.round(step.getBoundingClientRect().top + scrollY)}`
								)
								.join(' ')
						}))
					})}`
		};
	}

	return {
		name: `embed ${size.width}x${size.height}`,
		size,
		starts: ['intro'],
		action: embedActions(sizes.length),
		...STORY_PAGING,
		shift: SHIFT,
		async open() {
			const tab = await open(false);
			let current = size;
			// The reader's pointer over the partner's page, where the wheel scrolls it.
			const hand = () => tab.move(current.width * 0.5, current.height * 0.8);
			await hand();
			return {
				async apply(action) {
					switch (action.do) {
						case 'wheel':
							return tab.wheel(action.dy);
						case 'key':
							return tab.press(action.key);
						case 'chapter':
							await tab.enterFrame(FRAME);
							try {
								await tab.click(`[data-graphic] nav a[href="#${action.step}"]`);
							} finally {
								await tab.leaveFrame();
							}
							return hand();
						case 'jump':
							return tab.run(
								(at) =>
									window.scrollTo({
										top: at * (document.documentElement.scrollHeight - innerHeight),
										behavior: 'instant'
									}),
								action.at
							);
						case 'resize':
							current = sizes[action.to]!;
							await tab.resize(current.width, current.height);
							return hand();
						case 'pause':
							return sleep(action.ms);
						default:
							throw new Error(`${action.do}: not an embed action`);
					}
				},
				async observe() {
					if (current !== size) await tab.resize(size.width, size.height);
					current = size;
					await tab.move(...ASIDE(size));
					return look(tab);
				},
				close: () => tab.close()
			};
		},
		async reference(_, state) {
			const tab = await open(true);
			try {
				// Where the step's top is 20 px past the active line (the story's offset: phones 0.6).
				const stepTop = await inFrame(
					tab,
					(id) =>
						document.querySelector(`[data-step="${id}"]`)!.getBoundingClientRect().top + scrollY,
					state
				);
				await tab.run(
					({ stepTop, side, frame }) => {
						const frameTop = document.querySelector(frame)!.getBoundingClientRect().top + scrollY;
						const offset = matchMedia(side).matches ? 0.5 : 0.6;
						window.scrollTo({
							top: Math.round(frameTop + stepTop - innerHeight * offset + 20),
							behavior: 'instant'
						});
					},
					{ stepTop, side: SIDE_BY_SIDE, frame: FRAME }
				);
				await tab.move(...ASIDE(size));
				const seen = await look(tab);
				if (seen.state !== state)
					throw new Error(`the embed jumped to ${state} shows ${seen.state}`);
				return seen.picture;
			} finally {
				await tab.close();
			}
		}
	};
}

/**
 * The presenter (`./present/`) in an engine: every key but `f` (full screen takes the screen's
 * size, and its deep link is another size; present.test.ts covers it in Chromium) and `s` (a
 * second window), blank on and off, `#/N` addresses, reloads, pauses. The speaker view's
 * commands need its second window: Chromium's walks send them. Compared: the whole screen with
 * the deep link's (`./present/#/N`), or black when blank; the address with the slide.
 */
export function enginePresenterSurface(
	engine: Engine,
	size: Size,
	total: number
): Surface<PresentAction, Engine> {
	const starts = Array.from({ length: total }, (_, i) => String(i + 1));
	const keys = PRESENT_KEYS.filter((k) => k !== 'f');

	async function open(slide: string) {
		const tab = await opened(engine, size);
		await tab.goto(`${ROOT}present/#/${slide}`);
		await waitIn(
			tab,
			'the deck enhanced',
			() => !!document.querySelector('[data-present] svg[data-enhanced]')
		);
		return tab;
	}

	const deckState = (tab: Tab) =>
		tab.run(() => {
			const present = document.querySelector<HTMLElement>('[data-present]')!;
			return {
				slide: Number(present.dataset.slide),
				blank: present.dataset.blank === 'true',
				hash: location.hash
			};
		});

	const screen = (tab: Tab) =>
		settle({
			shoot: () => tab.capture(),
			idle: async () => !(await tab.run(motionBusy)),
			rest: async () => {}
		});

	return {
		name: `presenter ${size.width}x${size.height}`,
		size,
		starts,
		action: fc.oneof(
			{
				weight: 6,
				arbitrary: fc.constantFrom(...keys).map((key) => ({ do: 'key', key }) as const)
			},
			{ weight: 1, arbitrary: presenterAddress(total) },
			{ weight: 3, arbitrary: pause.map((ms) => ({ do: 'pause', ms }) as const) }
		),
		...presenterPaging(total),
		shift: SHIFT,
		async open(_, start) {
			const tab = await open(start);
			const deck = new DeckModel(total, Number(start));
			/** Until the deck shows what the model says, at most 5 s. */
			const heard = async () => {
				for (let i = 0; i < 100; i++) {
					const shown = await deckState(tab);
					if (shown.slide === deck.slide && shown.blank === deck.blank) return;
					await sleep(50);
				}
			};
			return {
				async apply(action) {
					if (action.do === 'pause') return sleep(action.ms);
					if (action.do === 'hash') {
						// The address follows the deck: setting the one it has already changes nothing.
						const before = (await deckState(tab)).hash;
						await tab.run(typeAddress, action.hash);
						if (action.hash !== before && !(action.hash === '#' && before === ''))
							deck.hash(action.hash);
						return heard();
					}
					if (action.do === 'key') {
						await tab.press(action.key);
						deck.key(action.key);
						return;
					}
					throw new Error(`${action.do}: not an engine presenter action`);
				},
				async observe() {
					await heard();
					const shown = await deckState(tab);
					if (shown.slide !== deck.slide || shown.blank !== deck.blank)
						return {
							state: String(shown.slide),
							picture: await screen(tab),
							wrong: `shows slide ${shown.slide}${shown.blank ? ' blank' : ''} where the deck is at ${deck.slide}${deck.blank ? ' blank' : ''}`
						};
					if (shown.blank) {
						const dark = await screen(tab);
						if (!allBlack(dark))
							return { state: String(shown.slide), picture: dark, wrong: 'blanked, but not black' };
						await tab.press('b');
						deck.key('b');
						await heard();
					}
					const picture = await screen(tab);
					const { hash } = await deckState(tab);
					return {
						state: String(shown.slide),
						picture,
						wrong:
							hash === `#/${shown.slide}`
								? undefined
								: `shows slide ${shown.slide} at the address "${hash}"`
					};
				},
				close: () => tab.close()
			};
		},
		async reference(_, state) {
			const tab = await open(state);
			try {
				return await screen(tab);
			} finally {
				await tab.close();
			}
		}
	};
}
