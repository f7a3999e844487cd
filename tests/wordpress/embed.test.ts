import { expect, test, type Frame, type Locator, type Page, type TestInfo } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNT_IDS } from '../source-text';
import { ID } from '../story';
import { readRun, RESULTS, type PostId } from './run';

// The story in a real WordPress (globalSetup publishes the posts): each way in, read as a reader
// reads it, on a phone and a desktop. Every check is soft, so one run reports all that fails, and
// every measure goes to wordpress-results/findings/<case>-<project>.json.

const run = readRun();
const STORY = run.story;
const ACCOUNTS: readonly string[] = ACCOUNT_IDS;

interface Case {
	id: PostId;
	title: string;
	/** Who scrolls: the host page (the frame is as tall as the story) or the frame itself. */
	scrolls: 'host' | 'frame';
	/** The frame's height in CSS px, once settled. */
	height: [min: number, max: number];
	/** Whether WordPress sandboxes the frame (a provider it does not know). */
	sandboxed: boolean;
	/** A block centred in the post's column (the snippet's own style). */
	centred: boolean;
	/** WordPress's oEmbed result for the address in the post (`/oembed/1.0/proxy`). */
	oembed?: unknown;
}

const CASES: Case[] = [
	{
		id: 'oembed',
		title: '(a) the address in an Embed block (oEmbed), by an Author',
		scrolls: 'frame',
		// wp-embed.js clamps the heights a frame asks for to 200–1000 px.
		height: [400, 1000],
		sandboxed: true,
		centred: false,
		oembed: run.oembed
	},
	{
		id: 'script',
		title: '(b) the one-line script in a Custom HTML block, by an administrator',
		scrolls: 'host',
		height: [2000, 200_000],
		sandboxed: false,
		centred: false
	},
	{
		id: 'iframe',
		title: '(c) the iframe-only snippet in a Custom HTML block, by an administrator',
		scrolls: 'frame',
		height: [480, 760],
		sandboxed: false,
		centred: true
	},
	{
		id: 'plugin',
		title: '(e) the address of a trusted provider (the plugin) in an Embed block, by an Author',
		scrolls: 'frame',
		// The frame's own style: 80vh, 480–760 px.
		height: [480, 760],
		sandboxed: false,
		centred: true,
		oembed: run.trusted.oembed
	}
];

/** The first <iframe …> tag of some html. */
const iframeTag = (html: string) => /<iframe\b[^>]*>/i.exec(html)?.[0] ?? '';

/** Everything measured in one test, written out for the report. */
interface Findings {
	case: string;
	project: string;
	viewport: { width: number; height: number };
	post: string;
	checks: Record<string, { ok: boolean; detail: string }>;
	measures: Record<string, unknown>;
	errors: string[];
	failedRequests: string[];
}

function start(page: Page, testInfo: TestInfo, id: PostId, input: Input = 'wheel'): Findings {
	const findings: Findings = {
		case: id,
		project: testInfo.project.name + (input === 'touch' ? '-touch' : ''),
		viewport: page.viewportSize()!,
		post: run.posts[id].link,
		checks: {},
		measures: {},
		errors: [],
		failedRequests: []
	};
	// Errors inside frames arrive here too; the location says whose they are.
	page.on('console', (message) => {
		if (message.type() === 'error') {
			const at = message.location().url;
			findings.errors.push(`console: ${message.text()}${at ? ` (${at})` : ''}`);
		}
	});
	page.on('pageerror', (error) => findings.errors.push(`pageerror: ${error.message}`));
	page.on('requestfailed', (request) =>
		findings.failedRequests.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`)
	);
	page.on('response', (response) => {
		if (response.status() >= 400)
			findings.failedRequests.push(`${response.status()} ${response.url()}`);
	});
	return findings;
}

/** A soft check: recorded, reported, and failing the test at its end. */
function check(findings: Findings, name: string, ok: boolean, detail: unknown) {
	const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
	findings.checks[name] = { ok, detail: text };
	expect.soft(ok, `${name}: ${text}`).toBe(true);
}

/** Repeated lines once, with their count. */
function counted(lines: string[]): string[] {
	const counts = new Map<string, number>();
	for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
	return [...counts].map(([line, n]) => (n > 1 ? `(${n}x) ${line}` : line));
}

function finish(findings: Findings, testInfo: TestInfo) {
	const name = `${findings.case}-${findings.project}`;
	findings.errors = counted(findings.errors);
	findings.failedRequests = counted(findings.failedRequests);
	writeFileSync(join(RESULTS, 'findings', `${name}.json`), JSON.stringify(findings, null, '\t'));
	const failed = Object.entries(findings.checks).filter(([, c]) => !c.ok);
	console.log(
		`[${name}] ${failed.length ? `FAILED: ${failed.map(([k]) => k).join(', ')}` : 'all checks pass'}; ` +
			JSON.stringify(findings.measures)
	);
	testInfo.annotations.push({ type: 'findings', description: JSON.stringify(findings.measures) });
}

const shoot = (page: Page, findings: Findings, moment: string) =>
	page.screenshot({
		path: join(RESULTS, 'screenshots', `${findings.case}-${findings.project}-${moment}.png`)
	});

/** Polls `read` until `done` holds or `timeout` ms pass; returns the last value either way. */
async function settle<T>(
	read: () => Promise<T>,
	done: (value: T) => boolean,
	timeout: number
): Promise<T> {
	let value = await read();
	for (const until = Date.now() + timeout; !done(value) && Date.now() < until;) {
		await new Promise((resolve) => setTimeout(resolve, 200));
		value = await read();
	}
	return value;
}

/** The story's frame, once it has loaded the story (a lazy frame loads when it nears the view). */
async function storyFrame(page: Page, iframe: Locator): Promise<Frame | null> {
	const handle = await iframe.elementHandle();
	const url = async () => (await handle?.contentFrame())?.url() ?? '';
	if (!(await settle(url, (u) => u.startsWith(STORY), 5_000)).startsWith(STORY)) {
		await iframe.scrollIntoViewIfNeeded();
		await settle(url, (u) => u.startsWith(STORY), 10_000);
	}
	const frame = await handle?.contentFrame();
	return frame && frame.url().startsWith(STORY) ? frame : null;
}

/** Where the graphic is, what it shows, and how the map is drawn, inside the frame. */
const mapState = (frame: Frame) =>
	frame.evaluate(() => {
		const graphic = document.querySelector<HTMLElement>('[data-graphic]');
		const use = [...document.querySelectorAll<SVGUseElement>('[data-graphic] use')].find(
			(u) => (u.getAttribute('href') ?? u.getAttribute('xlink:href')) === '#map-land'
		);
		return {
			graphic: !!graphic,
			display: graphic ? getComputedStyle(graphic).display : null,
			enhanced: !!document.querySelector('[data-graphic] svg[data-enhanced]'),
			mapLand: !!document.getElementById('map-land'),
			landWidth: use ? Math.round(use.getBBox().width * 10) / 10 : null
		};
	});

const fontFaces = (frame: Frame) =>
	frame.evaluate(async () => {
		await document.fonts.ready;
		return [...document.fonts].map((f) => `${f.family} ${f.weight} ${f.style}: ${f.status}`);
	});

/** The layers in the graphic's map, and whether it is still moving. */
const layers = (frame: Frame) =>
	frame.evaluate(() => ({
		active: document.querySelector('[data-graphic]')?.getAttribute('data-active') ?? null,
		moving: !!document.querySelector('[data-motion="running"]'),
		layers: [...document.querySelectorAll('[data-graphic] svg [data-layer]')].map((l) =>
			l.getAttribute('data-layer')
		)
	}));

/**
 * Whether the page is wider than the screen. A phone (isMobile) zooms out to show a page that
 * overflows, and innerWidth grows with it: the layout viewport (clientWidth) is the measure there.
 */
const sideways = (page: Page) =>
	page.evaluate(() => {
		const { scrollWidth, clientWidth } = document.documentElement;
		return {
			scrollWidth,
			clientWidth,
			innerWidth,
			fits: scrollWidth <= Math.min(clientWidth, innerWidth)
		};
	});

type Input = 'wheel' | 'touch';

/**
 * Reads the story as a reader does: ~300 px at a time, by the wheel or by a finger (Chromium's
 * synthesized touch scroll), over the host page (`host`) or over the frame (`frame`), to the end
 * of whichever scrolls. Returns every step the graphic showed, in order; at each account, once
 * the map has stopped moving, `atAccount` looks.
 */
async function read(
	page: Page,
	frame: Frame,
	iframe: Locator,
	{ scrolls, input }: { scrolls: 'host' | 'frame'; input: Input },
	atAccount: (id: string) => Promise<void>
): Promise<{ seen: string[]; stopped: string }> {
	const view = page.viewportSize()!;
	const seen: string[] = [];
	let at = { x: view.width / 2, y: view.height / 2 };
	if (scrolls === 'host') {
		await page.evaluate(() => scrollTo(0, 0));
	} else {
		await iframe.scrollIntoViewIfNeeded();
		const box = (await iframe.boundingBox())!;
		const bottom = Math.min(box.y + box.height, view.height);
		at = { x: box.x + box.width / 2, y: (Math.max(box.y, 0) + bottom) / 2 };
	}
	await page.mouse.move(at.x, at.y);
	// A finger: a 300 px drag up through `at`, in 30 px moves a frame apart (Chromium's synthesized
	// touch scroll gesture scrolls nothing in headless mode; touch events do).
	const cdp = input === 'touch' ? await page.context().newCDPSession(page) : null;
	const step = async () => {
		if (!cdp) return page.mouse.wheel(0, 300);
		const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y?: number) =>
			cdp.send('Input.dispatchTouchEvent', {
				type,
				touchPoints: y === undefined ? [] : [{ x: at.x, y, id: 1 }]
			});
		await touch('touchStart', at.y + 150);
		for (let y = at.y + 120; y >= at.y - 150; y -= 30) {
			await touch('touchMove', y);
			await page.waitForTimeout(16);
		}
		await touch('touchEnd');
	};
	const scroller = scrolls === 'host' ? page.mainFrame() : frame;
	const position = () =>
		scroller.evaluate(() => ({
			y: Math.round(scrollY),
			end: scrollY + innerHeight >= document.documentElement.scrollHeight - 2
		}));
	let stuck = 0;
	let last = -1;
	for (let i = 0; i < 300; i++) {
		const { active } = await layers(frame);
		if (active && seen.at(-1) !== active) {
			seen.push(active);
			if (ACCOUNTS.includes(active)) await atAccount(active);
		}
		const { y, end } = await position();
		if (end) return { seen, stopped: `at the end (${y} px)` };
		// Five steps without moving: nothing more will.
		stuck = y === last ? stuck + 1 : 0;
		if (stuck === 5) return { seen, stopped: `stuck at ${y} px` };
		last = y;
		await step();
		await page.waitForTimeout(60);
	}
	return { seen, stopped: `after 300 steps (${last} px)` };
}

for (const c of CASES)
	for (const input of ['wheel', 'touch'] as const) {
		test(`${c.title}${input === 'touch' ? ', read by touch' : ''}`, async ({ page }, testInfo) => {
			test.skip(input === 'touch' && !testInfo.project.use.hasTouch, 'by touch: on the phone');
			const findings = start(page, testInfo, c.id, input);
			const { measures } = findings;

			// What WordPress made of the story's oEmbed html (the block editor's preview gets the same).
			if (c.oembed) {
				const html = (c.oembed as { html?: unknown }).html;
				const tag = typeof html === 'string' ? iframeTag(html) : '';
				measures.oembedProxy = c.oembed;
				check(
					findings,
					`WordPress's oEmbed result ${c.sandboxed ? 'sandboxes' : 'does not sandbox'} the frame`,
					!!tag && /\ssandbox=/.test(tag) === c.sandboxed,
					tag || c.oembed
				);
				if (!c.sandboxed) {
					check(
						findings,
						"WordPress's oEmbed result keeps the frame's style and the hidden quote",
						/\sstyle="[^"]+"/.test(tag) &&
							typeof html === 'string' &&
							/<blockquote style="display:none">/.test(html),
						html
					);
				}
			}

			await page.goto(run.posts[c.id].link);

			// The story's frame, in the post.
			const iframe = page.locator(`iframe[src^="${STORY}"]`);
			await expect(iframe, `a frame whose src starts with ${STORY}`).toHaveCount(1, {
				timeout: 15_000
			});
			measures.src = await iframe.getAttribute('src');
			const frame = await storyFrame(page, iframe);
			check(findings, 'the frame loads the story', !!frame, frame?.url() ?? 'not loaded');
			if (!frame) return finish(findings, testInfo);

			// Its height, once settled; visible (wp-embed takes WordPress's clip away on a message).
			const box = () =>
				iframe.evaluate((el) => {
					const r = el.getBoundingClientRect();
					const style = getComputedStyle(el);
					return {
						width: Math.round(r.width),
						height: Math.round(r.height),
						clipped: style.position === 'absolute' && style.clip !== 'auto',
						border: style.borderTopWidth,
						style: el.getAttribute('style')
					};
				});
			const [min, max] = c.height;
			const asked = Date.now();
			const frameBox = await settle(
				box,
				(b) => b.height >= min && b.height <= max && !b.clipped,
				15_000
			);
			measures.frame = { ...frameBox, settledWithinMs: Date.now() - asked };
			// The oEmbed html's quote: WordPress's wp-embed.js hides it once the frame speaks (a); the
			// story's own style hides it (e, a trusted provider's html as it is).
			const quote = page.locator(`blockquote:has(a[href^="${STORY}"])`);
			const quotes = await quote.count();
			if (quotes || c.id === 'plugin') {
				const display = quotes
					? await quote.first().evaluate((q) => getComputedStyle(q).display)
					: null;
				measures.quoteDisplay = display;
				check(findings, "the oEmbed html's quote is hidden", display === 'none', display);
			}
			measures.frameDocumentHeight = await frame.evaluate(
				() => document.documentElement.scrollHeight
			);
			// What the frame takes for the reader's screen (the oEmbed frame's height comes from it).
			measures.frameScreen = await frame.evaluate(() => `${screen.width}x${screen.height}`);
			check(
				findings,
				`the frame's height is ${min}–${max} px`,
				frameBox.height >= min && frameBox.height <= max,
				`${frameBox.height} px`
			);
			check(
				findings,
				'the frame is visible (not clipped)',
				!frameBox.clipped && frameBox.width > 100,
				frameBox
			);
			check(findings, 'the frame has no border', frameBox.border === '0px', frameBox.border);
			const sandbox = await iframe.getAttribute('sandbox');
			measures.sandbox = sandbox;
			check(
				findings,
				c.sandboxed ? 'the frame is sandboxed' : 'the frame has no sandbox attribute',
				(sandbox !== null) === c.sandboxed,
				sandbox ?? 'no sandbox attribute'
			);
			if (c.centred) {
				// Inside the post's column (its padding included: Twenty Twenty-Three pads it).
				const placement = await iframe.evaluate((el) => {
					const column = el.closest('.wp-block-post-content, .entry-content');
					const r = el.getBoundingClientRect();
					const c = column?.getBoundingClientRect();
					return {
						display: getComputedStyle(el).display,
						column: c ? [Math.round(c.left), Math.round(c.right)] : null,
						left: c ? Math.round((r.left - c.left) * 10) / 10 : null,
						right: c ? Math.round((c.right - r.right) * 10) / 10 : null
					};
				});
				measures.placement = placement;
				check(findings, 'the frame is a block', placement.display === 'block', placement.display);
				check(
					findings,
					"the frame is centred in the post's column (margins equal within 1 px)",
					placement.left !== null &&
						placement.right !== null &&
						placement.left >= 0 &&
						Math.abs(placement.left - placement.right) <= 1,
					placement
				);
			}

			// The map: enhanced, shown, drawn; the fonts loaded.
			const map = await settle(
				() => mapState(frame),
				(m) => m.enhanced && (m.landWidth ?? 0) > 0,
				15_000
			);
			measures.map = map;
			check(findings, 'the map is enhanced ([data-graphic] svg[data-enhanced])', map.enhanced, map);
			check(
				findings,
				'the graphic is displayed',
				map.graphic && map.display !== 'none',
				map.display
			);
			check(findings, '#map-land is in the frame', map.mapLand, map);
			check(
				findings,
				'the map draws (<use href="#map-land"> has a width)',
				(map.landWidth ?? 0) > 0,
				map.landWidth
			);
			// The size-adjusted fallbacks (families "… Fallback") are local() faces: "error" there only
			// says this machine lacks Georgia or Arial. The web fonts themselves must load.
			const webFonts = (faces: string[]) => faces.filter((f) => !/ Fallback: /.test(f));
			const fonts = await settle(
				() => fontFaces(frame),
				(f) => webFonts(f).some((s) => s.endsWith(': loaded')),
				5_000
			);
			measures.fonts = fonts;
			check(
				findings,
				'a web font has loaded',
				webFonts(fonts).some((f) => f.endsWith(': loaded')),
				webFonts(fonts)
			);
			check(
				findings,
				'no web font failed',
				!webFonts(fonts).some((f) => f.endsWith(': error')),
				webFonts(fonts)
			);
			await shoot(page, findings, 'first');

			// A reader scrolls through every account; at each, the map shows that account alone.
			const shown: Record<string, unknown> = {};
			const reading = await read(page, frame, iframe, { scrolls: c.scrolls, input }, async (id) => {
				const still = await settle(
					() => layers(frame),
					(l) => !l.moving,
					8_000
				);
				shown[id] = still;
				check(
					findings,
					`at ${id} the map shows ${id} alone`,
					// A step has two layers (its tones under the borders, its marks above), both named by it.
					!still.moving && still.layers.length > 0 && still.layers.every((l) => l === id),
					still
				);
				if (id === ID.middle) await shoot(page, findings, ID.middle);
			});
			const { seen } = reading;
			if (!seen.includes(ID.middle)) await shoot(page, findings, `end-no-${ID.middle}`);
			measures.seen = seen;
			measures.readingStopped = reading.stopped;
			measures.atAccounts = shown;
			check(
				findings,
				'the reader passes every account in order',
				JSON.stringify(seen.filter((s) => ACCOUNTS.includes(s))) === JSON.stringify(ACCOUNT_IDS),
				seen
			);

			const width = await sideways(page);
			measures.sideways = width;
			check(findings, 'the host page never scrolls sideways', width.fits, width);
			check(
				findings,
				'no console errors or page errors',
				findings.errors.length === 0,
				counted(findings.errors)
			);
			finish(findings, testInfo);
		});
	}

for (const [id, what] of [
	['script-author', 'the one-line script'],
	['iframe-author', 'the iframe-only snippet']
] as const) {
	test(`(d) ${what} saved by an Author (kses takes it out): nothing overflows`, async ({
		page
	}, testInfo) => {
		const findings = start(page, testInfo, id);
		const { saved } = run.posts[id];
		findings.measures.saved = saved;
		if (id === 'iframe-author') {
			// kses deletes the <iframe> tags and keeps what was inside: the link with the picture.
			findings.measures.pasted = run.snippet;
			findings.measures.pictureStyleKept = saved.includes('style="max-width:100%;height:auto"');
			check(
				findings,
				'saved without the frame, with the picture linking to the story',
				!/<iframe/i.test(saved) &&
					new RegExp(`<a href="${STORY}"><img [^>]*share\\.png`).test(saved),
				saved
			);
		}
		await page.goto(run.posts[id].link);
		for (const size of [page.viewportSize()!, { width: 360, height: 640 }]) {
			await page.setViewportSize(size);
			const at = `${size.width}x${size.height}`;
			const width = await sideways(page);
			check(findings, `at ${at} the page never scrolls sideways`, width.fits, width);
			const column = await page.evaluate(() => {
				const content = document.querySelector('.wp-block-post-content, .entry-content');
				if (!content) return null;
				const c = content.getBoundingClientRect();
				const wide = [...content.querySelectorAll('*')].flatMap((el) => {
					const r = el.getBoundingClientRect();
					return r.width > 0 && (r.left < c.left - 0.5 || r.right > c.right + 0.5)
						? [`<${el.tagName.toLowerCase()}> ${Math.round(r.left)}–${Math.round(r.right)} px`]
						: [];
				});
				return {
					column: [Math.round(c.left), Math.round(c.right)],
					wide,
					html: content.innerHTML.trim()
				};
			});
			findings.measures[at] = column;
			check(
				findings,
				`at ${at} nothing in the post is wider than its column`,
				!!column && column.wide.length === 0,
				column ? { column: column.column, wide: column.wide } : 'no post content found'
			);
			if (id !== 'iframe-author') continue;
			// The picture, inside the column's padding: no wider than the text. (WordPress makes it lazy.)
			const img = page.locator('img[src$="share.png"]');
			if (await img.count()) {
				await img.first().scrollIntoViewIfNeeded();
				await img.first().evaluate((el: HTMLImageElement) =>
					Promise.race([
						// If it fails, reported below (loaded: false).
						el.decode().catch(() => undefined),
						new Promise((resolve) => setTimeout(resolve, 5_000))
					])
				);
			}
			const picture = await page.evaluate(() => {
				const content = document.querySelector('.wp-block-post-content, .entry-content');
				const img = content?.querySelector<HTMLImageElement>('img[src$="share.png"]');
				if (!content || !img) return null;
				const style = getComputedStyle(content);
				const c = content.getBoundingClientRect();
				const left = c.left + parseFloat(style.paddingLeft);
				const right = c.right - parseFloat(style.paddingRight);
				const round = (r: DOMRect) => [Math.round(r.left * 10) / 10, Math.round(r.right * 10) / 10];
				const link = img.closest('a');
				return {
					text: [Math.round(left * 10) / 10, Math.round(right * 10) / 10],
					img: round(img.getBoundingClientRect()),
					link: link ? round(link.getBoundingClientRect()) : null,
					loaded: img.complete && img.naturalWidth > 0,
					style: img.getAttribute('style'),
					maxWidth: getComputedStyle(img).maxWidth
				};
			});
			findings.measures[`${at} picture`] = picture;
			check(
				findings,
				`at ${at} the picture and its link are no wider than the column's text`,
				!!picture &&
					[picture.img, picture.link ?? picture.img].every(
						([l = 0, r = 0]) => l >= picture.text[0]! - 0.5 && r <= picture.text[1]! + 0.5
					),
				picture ?? 'no share.png in the post'
			);
			check(findings, `at ${at} the picture loads`, !!picture?.loaded, picture);
		}
		finish(findings, testInfo);
	});
}

test('(a) “Read it on its own page” in WordPress’s sandboxed frame opens the story in the top window', async ({
	page
}) => {
	await page.goto(run.posts.oembed.link);
	const iframe = page.locator(`iframe[src^="${STORY}"]`);
	await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
	const frame = await storyFrame(page, iframe);
	expect(frame, 'the story in the frame').not.toBeNull();
	// A sandboxed frame may open no window: the link goes through wp-embed's `link` message,
	// which WordPress follows only while the frame has the focus, as a click gives it.
	await frame!.locator('a[target="_blank"]').first().click();
	await expect(page).toHaveURL(STORY);
	await expect(page.locator('main#story')).toBeVisible();
});
