import fc from 'fast-check';
import type {
	Browser,
	BrowserContextOptions,
	Frame,
	FrameLocator,
	Locator,
	Page
} from '@playwright/test';
import { HOST_ORIGIN, ROOT } from '../e2e/servers';
import { allBlack, overhang, scrollRest, settled } from './pictures';
import {
	ASIDE,
	addressOf,
	embedActions,
	DeckModel,
	pause,
	PRESENT_KEYS,
	presenterAddress,
	readingActions,
	SIDE_BY_SIDE,
	STEPS,
	setTextSize,
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
 * Pixels a picture may lie off its deep link's (pictures.ts, difference): after a resize and back
 * in WordPress's frame, Chromium laid the chapter row out a pixel lower than a fresh page did (a
 * patch of 51 px, none at a 1 px shift).
 */
const SHIFT = 1;

function contextOptions(size: Size, phone: boolean): BrowserContextOptions {
	return { viewport: size, isMobile: phone, hasTouch: phone, deviceScaleFactor: 1 };
}

/**
 * The graphic, wholly in the reader's view, for `settled`: `inView` scrolls the least a reader
 * would when it is not (above the accounts it sits under the headline; past the end it leaves)
 * and answers false; `shoot` pictures it 2 px in from each edge, where the box's fractional
 * edges blend with the page beneath. Both measure anew, so a page still scrolling is never
 * pictured at a stale place.
 */
function graphicView(graphic: Locator, page: Page, scroll: (by: number) => Promise<unknown>) {
	const box = async () => {
		const b = await graphic.boundingBox();
		if (!b) throw new Error('the graphic is not displayed');
		return b;
	};
	return {
		async inView() {
			const b = await box();
			const off = overhang(b, page.viewportSize()!.height);
			if (off !== 0) await scroll(off);
			return off === 0;
		},
		async shoot() {
			const b = await box();
			return page.screenshot({
				clip: {
					x: Math.round(b.x) + 2,
					y: Math.round(b.y) + 2,
					width: Math.floor(b.width) - 4,
					height: Math.floor(b.height) - 4
				}
			});
		}
	};
}

/** Settled picture of the graphic (see graphicView). */
function settledGraphic(graphic: Locator, page: Page, frames: (Page | Frame)[]) {
	const view = graphicView(graphic, page, scrollBy(page));
	return settled(view.shoot, frames, page, view.inView);
}

const scrollBy = (page: Page) => (by: number) =>
	page.evaluate((by) => window.scrollBy({ top: by, behavior: 'instant' }), by);

/**
 * The story page (`./`): wheel, keys, the chapter links under the map, hash changes, rotation and
 * resizes and back, pauses. Compared: the settled [data-graphic] with the deep link's (`./#step`).
 */
export function storySurface(size: Size, phone: boolean, others: Size[]): Surface<ReadAction> {
	const sizes = [size, ...others];
	const options = contextOptions(size, phone);

	async function open(browser: Browser, start: string) {
		const context = await browser.newContext(options);
		const page = await context.newPage();
		await page.goto(start === 'intro' ? ROOT : `${ROOT}#${start}`);
		await page.locator('[data-graphic] svg[data-enhanced]').waitFor({ state: 'attached' });
		return { context, page };
	}

	async function look(page: Page): Promise<Seen> {
		const graphic = page.locator('[data-graphic]');
		const picture = await settledGraphic(graphic, page, [page]);
		const state = (await graphic.getAttribute('data-active')) ?? '';
		const at = await page.evaluate(stepsAt, { side: SIDE_BY_SIDE });
		const hash = await page.evaluate(() => location.hash);
		return { state, picture, wrong: storyWrong(state, at, hash) };
	}

	return {
		name: `story ${size.width}x${size.height}`,
		size,
		starts: STEPS,
		action: storyActions(sizes.length),
		...STORY_PAGING,
		shift: SHIFT,
		async open(browser, start) {
			const { context, page } = await open(browser, start);
			// The reader's pointer over the text, below or beside the graphic: the wheel scrolls there.
			await page.mouse.move(size.width * (phone ? 0.5 : 0.25), size.height * 0.8);
			let text = 100;
			return {
				async apply(action) {
					if (action.do === 'reload' || action.do === 'away') {
						if (action.do === 'reload') await page.reload();
						else {
							await page.goto(`${ROOT}share/`);
							await page.goBack();
						}
						await page.locator('[data-graphic] svg[data-enhanced]').waitFor({ state: 'attached' });
						// A text size is the browser's setting: the page comes back with it.
						return page.evaluate(setTextSize, text);
					}
					if (action.do === 'text') return page.evaluate(setTextSize, (text = action.percent));
					await readerAction(page, action, sizes, {
						chapter: (step) => page.locator(`[data-graphic] nav a[href="#${step}"]`),
						hash: (step) => setHash(page, addressOf(step)),
						jump: () => Promise.reject(new Error('the story page has no jump'))
					});
				},
				async observe() {
					if (
						page.viewportSize()!.width !== size.width ||
						page.viewportSize()!.height !== size.height
					)
						await page.setViewportSize(size);
					// As the window's size, the text size comes back to the deep link's.
					if (text !== 100) await page.evaluate(setTextSize, (text = 100));
					await page.mouse.move(...ASIDE(size), { steps: 8 });
					return look(page);
				},
				close: () => context.close()
			};
		},
		async reference(browser, state) {
			const { context, page } = await open(browser, state);
			try {
				const seen = await look(page);
				if (seen.state !== state) throw new Error(`the deep link to ${state} shows ${seen.state}`);
				return seen.picture;
			} finally {
				await context.close();
			}
		}
	};
}

/**
 * Types an address's fragment and waits for the page to have heard it (its hashchange listeners
 * run before ours): a key pressed at once after must find the page where the address put it.
 * The same fragment again fires nothing, hence the time limit.
 */
const setHash = (page: Page, hash: string) =>
	page.evaluate(
		(hash) =>
			new Promise<void>((heard) => {
				addEventListener('hashchange', () => heard(), { once: true });
				setTimeout(heard, 300);
				location.hash = hash;
			}),
		hash
	);

/** Applies one reader action; the surface says how chapter links, hash changes and jumps reach its page. */
async function readerAction(
	page: Page,
	action: ReadAction,
	sizes: Size[],
	via: {
		chapter: (step: string) => Locator;
		hash?: (step: string) => Promise<unknown>;
		jump: (at: number) => Promise<unknown>;
	}
) {
	switch (action.do) {
		case 'wheel':
			return page.mouse.wheel(0, action.dy);
		case 'key':
			return page.keyboard.press(action.key);
		case 'chapter':
			return via.chapter(action.step).click();
		case 'hash':
			return via.hash ? void (await via.hash(action.step)) : undefined;
		case 'jump':
			return void (await via.jump(action.at));
		case 'resize':
			return page.setViewportSize(sizes[action.to]!);
		case 'pause':
			return page.waitForTimeout(action.ms);
		default:
			throw new Error(`${action.do}: the surface applies it itself`);
	}
}

/**
 * The embed on a partner's page on another origin (scripts/embed-host.js, embed.js): the host
 * page's wheel, keys and jumps, the chapter links inside the frame, rotation. Compared: the
 * settled [data-graphic] in the frame with what a deep link would show there. The frame has no
 * address of its own in the host's page, so its deep link is the host page jumped straight to
 * the step with motion reduced: every change then a cut, as a deep link's arrival is.
 */
export function embedSurface(size: Size, phone: boolean, others: Size[]): Surface<ReadAction> {
	const sizes = [size, ...others];

	async function open(browser: Browser, reducedMotion: 'reduce' | 'no-preference') {
		const context = await browser.newContext({ ...contextOptions(size, phone), reducedMotion });
		const page = await context.newPage();
		await page.goto(HOST_ORIGIN);
		const element = page.locator('iframe[src*="/embed/"]');
		const story = page.frameLocator('iframe[src*="/embed/"]');
		await story
			.locator('.scrolly[data-driven] [data-graphic] svg[data-enhanced]')
			.waitFor({ state: 'attached' });
		const frame = (await (await element.elementHandle())!.contentFrame())!;
		return { context, page, story, frame };
	}

	async function look(page: Page, story: FrameLocator, frame: Frame): Promise<Seen> {
		const graphic = story.locator('[data-graphic]');
		const picture = await settledGraphic(graphic, page, [page, frame]);
		const state = (await graphic.getAttribute('data-active')) ?? '';
		const view = await page.evaluate(() => {
			const box = document.querySelector('iframe[src*="/embed/"]')!.getBoundingClientRect();
			return { top: -box.top, height: innerHeight };
		});
		const at = await frame.evaluate(stepsAt, { view, side: SIDE_BY_SIDE });
		return {
			state,
			picture,
			wrong: at.includes(state)
				? undefined
				: `shows ${state} where the reader reads ${at.join(' or ')} ${await frameGeometry(page, frame, view)}`
		};
	}

	/**
	 * What the frame believes against what the host shows, for a wrong look: tells a frame left
	 * with a stale geometry (a message lost) from a frame that judged a fresh one wrongly.
	 */
	async function frameGeometry(page: Page, frame: Frame, view: { top: number; height: number }) {
		const iframe = await page.evaluate(() => {
			const element = document.querySelector<HTMLIFrameElement>('iframe[src*="/embed/"]')!;
			return { height: element.getBoundingClientRect().height, style: element.style.height };
		});
		const inside = await frame.evaluate(() => {
			const graphic = document.querySelector<HTMLElement>('[data-graphic]')!;
			const frameTop = graphic.parentElement!.getBoundingClientRect().top + scrollY;
			const steps = [...document.querySelectorAll<HTMLElement>('[data-step]')].map(
				(step) => `${step.dataset.step}@${Math.round(step.getBoundingClientRect().top + scrollY)}`
			);
			return {
				transform: graphic.style.transform,
				frameTop: Math.round(frameTop),
				documentHeight: document.documentElement.getBoundingClientRect().height,
				width: innerWidth,
				steps: steps.join(' ')
			};
		});
		return JSON.stringify({ host: view, iframe, inside });
	}

	return {
		name: `embed ${size.width}x${size.height}`,
		size,
		starts: ['intro'],
		action: embedActions(sizes.length),
		...STORY_PAGING,
		shift: SHIFT,
		async open(browser) {
			const { context, page, story, frame } = await open(browser, 'no-preference');
			await page.mouse.move(size.width * 0.5, size.height * 0.8);
			return {
				async apply(action) {
					await readerAction(page, action, sizes, {
						chapter: (step) => story.locator(`[data-graphic] nav a[href="#${step}"]`),
						jump: (at) =>
							page.evaluate(
								(at) =>
									window.scrollTo({
										top: at * (document.documentElement.scrollHeight - innerHeight),
										behavior: 'instant'
									}),
								at
							)
					});
				},
				async observe() {
					if (
						page.viewportSize()!.width !== size.width ||
						page.viewportSize()!.height !== size.height
					)
						await page.setViewportSize(size);
					// Headless Chromium tells a frame of the pointer only through moves over it: a link
					// the host scrolled away (or out of view and back) can stay hovered until the pointer
					// crosses the frame again. A hand on its way to the margin does; so does this one,
					// once the graphic is in view.
					await scrollRest(page);
					const view = graphicView(story.locator('[data-graphic]'), page, scrollBy(page));
					for (let i = 0; i < 10 && !(await view.inView()); i++) await scrollRest(page);
					// Onto the map, out level with it (no link on the way: the chapters lie below it), then
					// down the page's margin.
					const map = (await story.locator('[data-graphic] svg[data-enhanced]').boundingBox())!;
					const [x, y] = ASIDE(size);
					await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2, { steps: 4 });
					await page.mouse.move(x, map.y + map.height / 2, { steps: 8 });
					await page.mouse.move(x, y, { steps: 4 });
					return look(page, story, frame);
				},
				close: () => context.close()
			};
		},
		async reference(browser, state) {
			const { context, page, story, frame } = await open(browser, 'reduce');
			try {
				// Where the step's top is 20 px past the active line (the story's offset: phones 0.6).
				const stepTop = await frame.evaluate(
					(id) =>
						document.querySelector(`[data-step="${id}"]`)!.getBoundingClientRect().top + scrollY,
					state
				);
				await page.evaluate(
					({ stepTop, side }) => {
						const frameTop =
							document.querySelector('iframe[src*="/embed/"]')!.getBoundingClientRect().top +
							scrollY;
						const offset = matchMedia(side).matches ? 0.5 : 0.6;
						window.scrollTo({
							top: frameTop + stepTop - innerHeight * offset + 20,
							behavior: 'instant'
						});
					},
					{ stepTop, side: SIDE_BY_SIDE }
				);
				const seen = await look(page, story, frame);
				if (seen.state !== state)
					throw new Error(`the embed jumped to ${state} shows ${seen.state}`);
				return seen.picture;
			} finally {
				await context.close();
			}
		}
	};
}

/** The partner's page as WordPress makes it of the story's oEmbed html (scripts/embed-host.js). */
const WORDPRESS = `${HOST_ORIGIN}wordpress`;
/** WordPress's frame of the story: sandboxed (origin "null"), `#?secret=…` in its address. */
const WP_FRAME = 'iframe.wp-embedded-content';

/**
 * A point on the frame's text where the reader's hand rests to wheel or click (frame coordinates):
 * down the text column (below the graphic on phones, beside it otherwise), on words and not on a
 * link, within the part of the frame the host shows (`from`…`to`, frame pixels). Null when that
 * part shows no text.
 */
function textPoint({ from, to }: { from: number; to: number }) {
	const graphic = document.querySelector('[data-graphic]')!.getBoundingClientRect();
	const beside = graphic.left > innerWidth / 3;
	const x = beside ? graphic.left / 2 : innerWidth / 2;
	const bottom = Math.min(innerHeight, to);
	for (let y = Math.floor(bottom - 12); y >= Math.max(from, 0) + 12; y -= 8) {
		const element = document.elementFromPoint(x, y);
		if (
			element?.closest('p, h1, h2, h3, li, blockquote, figcaption') &&
			!element.closest('a, button, input, [tabindex], [data-graphic]')
		)
			return { x, y };
	}
	return null;
}

/**
 * The story in WordPress's oEmbed frame on a partner's page (scripts/embed-host.js `/wordpress`:
 * what WordPress makes of the story's oEmbed html, and WordPress's own wp-embed.js). The frame
 * is whole in itself, sandboxed, of the height it asks for; the story scrolls inside it with its
 * own steps and sticky graphic. The reader wheels over the frame (past the frame's end the host
 * scrolls), clicks into its text and pages with keys, follows the chapter links under the map,
 * pauses, rotates and resizes. Compared: the settled [data-graphic] in the frame with its deep
 * link's. The frame has no address of its own in the host's page (its fragment is WordPress's
 * secret), so its deep link is the host page opened afresh with motion reduced and the frame's
 * story jumped straight to the step (scrollIntoView, no reader input: the story cuts to it as it
 * does for a deep link). Walks start at each step the same way, with motion.
 */
export function wordpressSurface(size: Size, phone: boolean, others: Size[]): Surface<ReadAction> {
	const sizes = [size, ...others];

	async function open(browser: Browser, reducedMotion: 'reduce' | 'no-preference', start: string) {
		const context = await browser.newContext({ ...contextOptions(size, phone), reducedMotion });
		const page = await context.newPage();
		await page.goto(WORDPRESS);
		const element = page.locator(WP_FRAME);
		const story = page.frameLocator(WP_FRAME);
		await story
			.locator('html[data-engine="running"] [data-graphic] svg[data-enhanced]')
			.waitFor({ state: 'attached' });
		// wp-embed.js shows the frame (drops its clipping style) once the frame has spoken.
		await page.locator(`${WP_FRAME}:not([style])`).waitFor({ state: 'attached' });
		const frame = (await (await element.elementHandle())!.contentFrame())!;
		// The reader scrolls to the frame before reading in it. Out of the host's view, a frame on
		// another origin is not rendered, and its story does not follow its own scroll. Once shown,
		// the frame's story places itself (wp-embed.js's reveal changed its width, and the engine
		// moves back to the active step), and holds its step meanwhile: a jump must come after.
		await element.scrollIntoViewIfNeeded();
		await scrollRest(frame);
		if (start !== 'intro') {
			await frame.evaluate((id) => document.getElementById(id)!.scrollIntoView(), start);
			await story
				.locator(`[data-graphic][data-active="${start}"]`)
				.waitFor({ state: 'attached', timeout: 10_000 })
				.catch(async () => {
					const [shows, y] = await frame.evaluate(() => [
						document.querySelector<HTMLElement>('[data-graphic]')!.dataset.active,
						scrollY
					]);
					throw new Error(`the frame jumped to ${start} (scrolled to ${y}) shows ${shows}`);
				});
		}
		return { context, page, element, story, frame };
	}

	/** The frame's box in the host's view, and the part of the frame the host shows. */
	const shown = (page: Page) =>
		page.evaluate((selector) => {
			const box = document.querySelector(selector)!.getBoundingClientRect();
			return {
				left: box.left,
				top: box.top,
				from: Math.max(0, -box.top),
				to: Math.min(box.height, innerHeight - box.top)
			};
		}, WP_FRAME);

	/** The reader's hand onto the frame's text, if the host shows any; answers whether it is there. */
	async function handOnText(page: Page, frame: Frame) {
		const view = await shown(page);
		if (view.to - view.from < 24) return false;
		const point = await frame.evaluate(textPoint, view);
		if (!point) return false;
		await page.mouse.move(view.left + point.x, view.top + point.y, { steps: 4 });
		return true;
	}

	/** Both scrolls at rest: the host's, then (the frame in view, or it is not rendered) the frame's own. */
	async function rest(page: Page, element: Locator, frame: Frame) {
		await scrollRest(page);
		const host = graphicView(element, page, scrollBy(page));
		for (let i = 0; i < 10 && !(await host.inView()); i++) await scrollRest(page);
		await scrollRest(frame);
	}

	/**
	 * The graphic wholly in view: in the frame's own view first (scrolled the least a reader
	 * would, as graphicView does on a page), then the frame's part of it in the host's.
	 */
	function framedView(page: Page, story: FrameLocator, frame: Frame) {
		const graphic = story.locator('[data-graphic]');
		const host = graphicView(graphic, page, scrollBy(page));
		return {
			async inView() {
				// To the pixel: the graphic sticks at the frame's top from the headline's fractional
				// height on, and a graphic 0.4 px short of sticking draws its labels a pixel off.
				const inFrame = await frame.evaluate(() => {
					const b = document.querySelector('[data-graphic]')!.getBoundingClientRect();
					const off =
						b.top < -0.01 || b.height > innerHeight + 0.01
							? Math.floor(b.top)
							: b.bottom > innerHeight + 0.01
								? Math.ceil(b.bottom - innerHeight)
								: 0;
					if (off !== 0) window.scrollBy({ top: off, behavior: 'instant' });
					return off === 0;
				});
				return (await host.inView()) && inFrame;
			},
			shoot: host.shoot
		};
	}

	async function look(page: Page, story: FrameLocator, frame: Frame): Promise<Seen> {
		const graphic = story.locator('[data-graphic]');
		const view = framedView(page, story, frame);
		const picture = await settled(view.shoot, [page, frame], page, view.inView);
		const state = (await graphic.getAttribute('data-active')) ?? '';
		const at = await frame.evaluate(stepsAt, { side: SIDE_BY_SIDE });
		return {
			state,
			picture,
			wrong: at.includes(state)
				? undefined
				: `shows ${state} where the reader reads ${at.join(' or ')} (the frame scrolled to ${await frame.evaluate(() => scrollY)})`
		};
	}

	return {
		name: `wordpress ${size.width}x${size.height}`,
		size,
		starts: STEPS,
		action: readingActions(sizes.length),
		...STORY_PAGING,
		shift: SHIFT,
		async open(browser, start) {
			const { context, page, element, story, frame } = await open(browser, 'no-preference', start);
			await handOnText(page, frame);
			return {
				async apply(action) {
					// The wheel scrolls what lies under the hand: the frame where the host shows it.
					if (action.do === 'wheel') await handOnText(page, frame);
					// Keys go to the frame once the reader has clicked into its text.
					if (action.do === 'key') {
						const focused = () =>
							page.evaluate((s) => document.activeElement === document.querySelector(s), WP_FRAME);
						// The host may still be placing the frame as the hand lands (once, in a fresh-clone CI
						// run, a first click left the frame unfocused): a reader whose click missed clicks
						// again; two misses are the harness's error.
						for (let click = 0; click < 2 && !(await focused()); click++) {
							if (!(await handOnText(page, frame))) {
								await element.scrollIntoViewIfNeeded();
								if (!(await handOnText(page, frame)))
									throw new Error('no text in the frame to click into');
							}
							await page.mouse.down();
							await page.mouse.up();
						}
						if (!(await focused())) throw new Error('two clicks into the frame left it unfocused');
					}
					await readerAction(page, action, sizes, {
						chapter: (step) => story.locator(`[data-graphic] nav a[href="#${step}"]`),
						jump: (at) =>
							page.evaluate(
								(at) =>
									window.scrollTo({
										top: at * (document.documentElement.scrollHeight - innerHeight),
										behavior: 'instant'
									}),
								at
							)
					});
				},
				async observe() {
					if (
						page.viewportSize()!.width !== size.width ||
						page.viewportSize()!.height !== size.height
					)
						await page.setViewportSize(size);
					await rest(page, element, frame);
					const view = framedView(page, story, frame);
					for (let i = 0; i < 10 && !(await view.inView()); i++) await rest(page, element, frame);
					// As for the embed: onto the map, out level with it, then down the host's margin, so the
					// frame sees the pointer leave whatever it hovered.
					const map = (await story.locator('[data-graphic] svg[data-enhanced]').boundingBox())!;
					const [x, y] = ASIDE(size);
					await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2, { steps: 4 });
					await page.mouse.move(x, map.y + map.height / 2, { steps: 8 });
					await page.mouse.move(x, y, { steps: 4 });
					return look(page, story, frame);
				},
				close: () => context.close()
			};
		},
		async reference(browser, state) {
			const { context, page, element, story, frame } = await open(browser, 'reduce', state);
			try {
				await rest(page, element, frame);
				const seen = await look(page, story, frame);
				if (seen.state !== state)
					throw new Error(`the frame jumped to ${state} shows ${seen.state}`);
				return seen.picture;
			} finally {
				await context.close();
			}
		}
	};
}

/**
 * The presenter (`./present/`): every key, blank on and off, `#/N` addresses, commands from the
 * notes window, pauses. A model of the deck (the README's key table) says which slide and whether
 * blank; compared: the whole screen with the deep link's (`./present/#/N`), or black when blank.
 */
export function presenterSurface(size: Size, total: number): Surface<PresentAction> {
	const options: BrowserContextOptions = { viewport: size, deviceScaleFactor: 1 };
	const starts = Array.from({ length: total }, (_, i) => String(i + 1));

	async function open(browser: Browser, slide: string) {
		const context = await browser.newContext(options);
		const page = await context.newPage();
		await page.goto(`${ROOT}present/#/${slide}`);
		await page.locator('[data-present] svg[data-enhanced]').waitFor({ state: 'attached' });
		return { context, page };
	}

	return {
		name: `presenter ${size.width}x${size.height}`,
		size,
		starts,
		action: fc.oneof(
			{
				weight: 6,
				arbitrary: fc.constantFrom(...PRESENT_KEYS).map((key) => ({ do: 'key', key }) as const)
			},
			{
				weight: 2,
				arbitrary: fc
					.constantFrom(...PRESENT_KEYS.filter((k) => k !== 'f'))
					.map((key) => ({ do: 'notes', key }) as const)
			},
			{ weight: 1, arbitrary: presenterAddress(total) },
			{ weight: 3, arbitrary: pause.map((ms) => ({ do: 'pause', ms }) as const) }
		),
		...presenterPaging(total),
		shift: SHIFT,
		async open(browser, start) {
			const { context, page } = await open(browser, start);
			const deck = new DeckModel(total, Number(start));
			let notes: Page | undefined;
			const present = page.locator('[data-present]');
			/** Until the deck shows what the model says (commands from the notes window arrive over a channel), at most 5 s. */
			const heard = async () => {
				for (
					let i = 0;
					i < 100 &&
					((await slideShown()) !== deck.slide ||
						((await present.getAttribute('data-blank')) === 'true') !== deck.blank);
					i++
				) {
					await page.waitForTimeout(50);
				}
			};
			const slideShown = async () =>
				Number(await page.locator('[data-present]').getAttribute('data-slide'));
			return {
				async apply(action) {
					if (action.do === 'pause') return page.waitForTimeout(action.ms);
					if (action.do === 'hash') {
						// The address follows the deck: setting the one it has already changes nothing.
						const before = await page.evaluate(() => location.hash);
						await setHash(page, action.hash);
						if (action.hash !== before && !(action.hash === '#' && before === ''))
							deck.hash(action.hash);
						return;
					}
					if (action.do === 'notes') {
						if (!notes) {
							notes = await context.newPage();
							await notes.goto(`${ROOT}present/notes/`);
							await notes
								.locator(`[data-present-notes][data-connected][data-slide="${await slideShown()}"]`)
								.waitFor();
						}
						await notes.bringToFront();
						await notes.keyboard.press(action.key);
						// Headless Chromium animates only the page in front; on a stage both windows show.
						await page.bringToFront();
						deck.key(action.key);
						// A speaker's hand takes longer to reach the other window than the channel: a key in
						// the deck pressed at once after could overtake the command on a busy machine.
						return heard();
					}
					await page.keyboard.press(action.key);
					deck.key(action.key);
				},
				async observe() {
					await heard();
					const shown = await slideShown();
					const blank = (await present.getAttribute('data-blank')) === 'true';
					if (shown !== deck.slide || blank !== deck.blank) {
						const picture = await settled(() => page.screenshot(), [page], page);
						return {
							state: String(shown),
							picture,
							wrong: `shows slide ${shown}${blank ? ' blank' : ''} where the deck is at ${deck.slide}${deck.blank ? ' blank' : ''}`
						};
					}
					if (blank) {
						const dark = await settled(() => page.screenshot(), [page], page);
						if (!allBlack(dark))
							return { state: String(shown), picture: dark, wrong: 'blanked, but not black' };
						await page.keyboard.press('b');
						deck.key('b');
						await present.and(page.locator(':not([data-blank])')).waitFor();
					}
					const picture = await settled(() => page.screenshot(), [page], page);
					const hash = await page.evaluate(() => location.hash);
					return {
						state: String(shown),
						picture,
						wrong:
							hash === `#/${shown}` ? undefined : `shows slide ${shown} at the address "${hash}"`
					};
				},
				close: () => context.close()
			};
		},
		async reference(browser, state) {
			const { context, page } = await open(browser, state);
			try {
				return await settled(() => page.screenshot(), [page], page);
			} finally {
				await context.close();
			}
		}
	};
}
