import { test, expect, type Frame, type Page } from '@playwright/test';
import fc from 'fast-check';
import { inspect } from 'node:util';
import { EMBED_ORIGIN, HOST_ORIGIN, ROOT } from '../e2e/servers';
import { ID } from '../story';
import { decode, encode, own } from './messages-gen';
import { MARK, installRealm, post, type Step } from './messages-page';
import { scrollRest } from './pictures';
import { RUN, writeReport } from './report';

// Fuzzed messages to the story in WordPress's oEmbed frame (scripts/embed-host.js `/wordpress`:
// the frame as WordPress's filter makes it, sandboxed, origin "null", and WordPress's own
// wp-embed.js). The frame's side of wp-embed (src/lib/embed/wp-embed.ts, README "Embedding"):
// it answers `{ message: 'ready', secret }` from its parent window, with its own secret, by
// posting its height `{ message: 'height', value, secret }` to the parent, once; anything else it
// leaves unanswered, and nothing it receives changes the story.

const SURFACE = 'wp-embed messages';
const WP_FRAME = 'iframe.wp-embedded-content';

/** Every window that posts to the story's frame, put beside it by the test. */
const WINDOWS = {
	host: 'the host page (the frame’s parent)',
	self: 'the story’s frame itself',
	'null-origin': 'a sandboxed srcdoc frame (origin "null")',
	'story-origin': `a sibling frame on the story’s origin (${EMBED_ORIGIN})`,
	'host-origin': 'a sibling srcdoc frame (the host’s origin)',
	'other-origin': `a sibling frame on ${ROOT}`
};
type Label = keyof typeof WINDOWS;
const SIBLINGS: { name: Label; src?: string; srcdoc?: string; sandbox?: string }[] = [
	{
		name: 'null-origin',
		srcdoc: '<!doctype html><title>sandboxed</title>',
		sandbox: 'allow-scripts'
	},
	{ name: 'story-origin', src: `${EMBED_ORIGIN}favicon.svg` },
	{ name: 'host-origin', srcdoc: '<!doctype html><title>sibling</title>' },
	{ name: 'other-origin', src: `${ROOT}favicon.svg` }
];

/** Posted from in-page loops; each batch ends with every sender's sentinel. */
const BATCH = 1000;
/** What the frame's recorder posts to the host after each message it received: `${MARKS}${index}`. */
const MARKS = '\u0000wp-fuzz:';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HTML = '<img src=x onerror=alert(1)>';

/**
 * Anything a script on the host page or beside it might post to the frame: WordPress's `ready`
 * with the right secret and with near misses, other `message` values, extra and prototype keys,
 * strings, primitives, arrays, the frame's own messages sent back.
 */
export function wpPayload(secret: string) {
	const letters = [...secret].flatMap((c, i) => (/[a-z]/i.test(c) ? [i] : []));
	const oneOff = fc
		.tuple(fc.nat({ max: secret.length - 1 }), fc.constantFrom(...ALNUM))
		.map(
			([i, c]) =>
				secret.slice(0, i) +
				(c === secret[i] ? ALNUM[(ALNUM.indexOf(c) + 1) % ALNUM.length] : c) +
				secret.slice(i + 1)
		);
	const longer = fc.oneof(
		fc.string({ minLength: 1, maxLength: 4 }).map((tail) => secret + tail),
		fc.constantFrom(...ALNUM).map((c) => c + secret),
		fc.constant(secret + secret)
	);
	const part = fc.oneof(
		fc.nat({ max: secret.length - 1 }).map((k) => secret.slice(0, k)),
		fc.integer({ min: 1, max: secret.length - 1 }).map((k) => secret.slice(k))
	);
	const cased = fc.oneof(
		fc.constant(secret.toLowerCase()),
		fc.constant(secret.toUpperCase()),
		fc
			.constantFrom(...letters)
			.map(
				(i) =>
					secret.slice(0, i) +
					(secret[i] === secret[i]!.toUpperCase()
						? secret[i]!.toLowerCase()
						: secret[i]!.toUpperCase()) +
					secret.slice(i + 1)
			)
	);
	const padded = fc.constantFrom(
		` ${secret}`,
		`${secret} `,
		`${secret}\n`,
		`\t${secret}`,
		`${secret}\u0000`,
		`#?secret=${secret}`,
		`?secret=${secret}`,
		`${secret}&x=1`,
		`"${secret}"`
	);
	const notString = fc.constantFrom<unknown>(
		42,
		0,
		-0,
		Number.NaN,
		Infinity,
		null,
		undefined,
		true,
		false,
		[secret],
		[],
		{},
		{ secret },
		own([['toString', secret]]),
		own([['valueOf', secret]])
	);
	const wrongSecret = fc
		.oneof(
			oneOff,
			longer,
			part,
			cased,
			padded,
			{ weight: 2, arbitrary: notString },
			fc.string({ maxLength: 12 })
		)
		.filter((s) => s !== secret);
	const secretField = fc.oneof(
		{ weight: 3, arbitrary: fc.constant(secret) },
		{ weight: 5, arbitrary: wrongSecret }
	);
	const wrongMessage = fc
		.oneof(
			{
				weight: 3,
				arbitrary: fc.constantFrom<unknown>(
					'height',
					'link',
					'READY',
					'Ready',
					'ready ',
					' ready',
					'ready\n',
					'',
					'read',
					'readyy',
					'ready\u0000',
					'rеady', // a Cyrillic е
					null,
					undefined,
					0,
					1,
					true,
					['ready'],
					{},
					{ message: 'ready' },
					own([['toString', 'ready']]),
					HTML
				)
			},
			fc.string({ maxLength: 12 })
		)
		.filter((m) => m !== 'ready');
	const messageField = fc.oneof(
		{ weight: 3, arbitrary: fc.constant('ready') },
		{ weight: 4, arbitrary: wrongMessage }
	);
	const value = fc.oneof(
		fc.integer({ min: -2000, max: 5000 }),
		fc.constantFrom<unknown>(
			Number.NaN,
			Infinity,
			-0,
			'480',
			'',
			HTML,
			null,
			undefined,
			[],
			{},
			`${HOST_ORIGIN}elsewhere`,
			`${EMBED_ORIGIN}`,
			'javascript:alert(1)'
		),
		fc.string({ maxLength: 12 })
	);
	const anything = fc.oneof(
		fc.anything({ maxDepth: 2, maxKeys: 4 }),
		fc.jsonValue({ maxDepth: 2 })
	);

	/** WordPress's own `ready` for this frame, keys in either order. */
	const ready = fc.constantFrom(
		own([
			['message', 'ready'],
			['secret', secret]
		]),
		own([
			['secret', secret],
			['message', 'ready']
		])
	);
	/** Each field right, wrong or missing, in either order. */
	const shaped = fc
		.tuple(
			fc.record({ message: messageField, secret: secretField, value }, { requiredKeys: [] }),
			fc.boolean()
		)
		.map(([m, reversed]) => {
			const entries = Object.entries(m);
			return own(reversed ? entries.reverse() : entries);
		});
	/** Beside keys no rule mentions, prototype-sounding ones among them. */
	const extra = fc
		.tuple(
			fc.oneof(ready, shaped),
			fc.array(
				fc.tuple(
					fc.constantFrom(
						'__proto__',
						'constructor',
						'toString',
						'valueOf',
						'hasOwnProperty',
						'prototype',
						'data',
						'source',
						'origin',
						'value',
						'ns',
						'type',
						'height'
					),
					fc.oneof(value, ready, anything)
				),
				{ minLength: 1, maxLength: 3 }
			)
		)
		.map(([m, entries]) => own([...Object.entries(m), ...entries]));
	/** `ready` only where a careless read would find it: under a prototype key, its fields split. */
	const prototypal = fc
		.tuple(
			fc.constantFrom<[string, unknown][]>(
				[],
				[['message', 'ready']],
				[['secret', secret]],
				[['message', 'READY']]
			),
			fc.constantFrom('__proto__', 'prototype', 'constructor'),
			fc.oneof(
				ready,
				fc.constant({ secret }),
				fc.constant({ message: 'ready' }),
				ready.map((m) => own([['__proto__', m]]))
			)
		)
		.map(([base, key, hidden]) => own([...base, [key, hidden]]));
	const strings = fc.oneof(
		ready.map((m) => JSON.stringify(m)),
		fc.constantFrom(
			'ready',
			secret,
			`ready ${secret}`,
			`message=ready&secret=${secret}`,
			`#?secret=${secret}`,
			HTML
		),
		fc.string({ maxLength: 30 }),
		fc.json({ maxDepth: 2 })
	);
	const nonObjects = fc.oneof(
		fc.constantFrom<unknown>(
			null,
			undefined,
			0,
			-0,
			Number.NaN,
			Infinity,
			1e308,
			true,
			false,
			[],
			['ready', secret],
			[secret, 'ready']
		),
		ready.map((m) => [m]),
		fc.double(),
		fc.integer()
	);
	const nested = fc.oneof(
		ready.map((m) => ({ data: m })),
		ready.map((m) => ({ message: m, secret })),
		ready.map((m) => ({ message: 'ready', secret: m })),
		ready.map((m) => ({ detail: m, value: m }))
	);
	/** The frame's own messages, sent back to it. */
	const echoes = fc.oneof(
		fc.integer({ min: -100, max: 5000 }).map((v) => ({ message: 'height', value: v, secret })),
		fc
			.constantFrom(`${HOST_ORIGIN}elsewhere`, `${EMBED_ORIGIN}`, 'javascript:alert(1)', '')
			.map((v) => ({ message: 'link', value: v, secret }))
	);
	return fc.oneof(
		{ weight: 4, arbitrary: ready },
		{ weight: 6, arbitrary: shaped },
		{ weight: 2, arbitrary: extra },
		{ weight: 1, arbitrary: prototypal },
		{ weight: 1, arbitrary: strings },
		{ weight: 1, arbitrary: nonObjects },
		{ weight: 1, arbitrary: nested },
		{ weight: 1, arbitrary: echoes },
		{ weight: 1, arbitrary: anything }
	);
}

/** Half from the frame's parent (the one window it answers), half spread over the others. */
const wpMessages = (secret: string, others: Label[]) =>
	fc.record({
		sender: fc.oneof(
			{ weight: others.length, arbitrary: fc.constant<Label>('host') },
			...others.map((o) => fc.constant(o))
		),
		payload: wpPayload(secret)
	});

/**
 * The rule, from the README and WordPress's protocol: answered exactly when its parent sent a plain
 * object whose own `message` is 'ready' and own `secret` the frame's secret.
 */
export const mustAnswer = (sender: string, m: unknown, secret: string) =>
	sender === 'host' &&
	typeof m === 'object' &&
	m !== null &&
	!Array.isArray(m) &&
	Object.hasOwn(m, 'message') &&
	(m as { message: unknown }).message === 'ready' &&
	Object.hasOwn(m, 'secret') &&
	(m as { secret: unknown }).secret === secret;

/** What a right answer is: the frame's height for WordPress, its secret, nothing else. */
const wrongAnswer = (reply: unknown, secret: string, height: unknown): string | undefined => {
	if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) return 'not an object';
	const r = reply as Record<string, unknown>;
	if (r.message === 'link') return 'a link';
	const keys = Object.keys(r).sort().join();
	if (keys !== 'message,secret,value') return `keys ${keys}`;
	if (r.message !== 'height') return `message ${inspect(r.message)}`;
	if (r.secret !== secret) return `secret ${inspect(r.secret)}`;
	if (typeof r.value !== 'number' || !Number.isFinite(r.value)) return `value ${inspect(r.value)}`;
	if (height !== undefined && r.value !== height)
		return `height ${r.value}, where it said ${height} before`;
	return undefined;
};

interface Replies {
	/** The story frame's replies to the host page, encoded, grouped by the mark posted after them. */
	groups: { mark: string; replies: string[] }[];
	/** Replies since the last mark. */
	pending: string[];
	/** The mark that ends the batch under way, and the groups once it has come. */
	flush: string;
	flushed?: () => void;
	done?: Promise<Replies['groups']>;
}
interface Recorder {
	expect(
		queues: Record<string, { indices: number[]; text: string }>,
		sentinels: string[],
		flush: string
	): void;
	report(): { problems: { index: number; sender: string; problem: string }[]; state: string };
}
declare global {
	interface Window {
		__wpReplies?: Replies;
		__wpRecorder?: Recorder;
	}
}

/**
 * In the host page (an init script, after installRealm): the story frame's messages to it, as
 * wp-embed.js hears them (the same `source` test), grouped by the marks the frame's recorder
 * posts after each message it received: what the story posted while handling a message comes
 * before the recorder's mark for it (its listener runs first, and one window's messages to
 * another arrive in order).
 */
function installReplies({ marks, frame }: { marks: string; frame: string }) {
	if (window !== window.top || window.__wpReplies) return;
	const replies: Replies = (window.__wpReplies = { groups: [], pending: [], flush: '' });
	addEventListener('message', (e) => {
		const iframe = document.querySelector<HTMLIFrameElement>(frame);
		if (!iframe || e.source !== iframe.contentWindow) return;
		if (typeof e.data === 'string' && e.data.startsWith(marks)) {
			const mark = e.data.slice(marks.length);
			replies.groups.push({ mark, replies: replies.pending });
			replies.pending = [];
			if (mark === replies.flush) replies.flushed?.();
		} else replies.pending.push(window.__fuzz!.encode(e.data));
	});
}

/**
 * In the story's frame, after the story's own listener: which fuzzed message each one is (each
 * sender's come in the order sent), whether it arrived as sent, whether the story changed (its
 * step, its scroll, its address) while handling it, and a mark to the parent after each one.
 */
function installRecorder({ marks, senders }: { marks: string; senders: Record<string, Step[]> }) {
	const fuzz = window.__fuzz!;
	const windows = Object.entries(senders).map(
		([label, path]) => [label, fuzz.resolve(path)] as const
	);
	const graphic = document.querySelector<HTMLElement>('[data-graphic]')!;
	const state = () =>
		`step ${graphic.dataset.active}, scrolled ${scrollX} ${scrollY}, address ${location.hash}`;
	let before = state();
	let queues = new Map<string, { indices: number[]; items: unknown[] }>();
	let waiting = new Set<string>();
	let flush = '';
	let problems: { index: number; sender: string; problem: string }[] = [];
	addEventListener('message', (e) => {
		const sender = windows.find(([, w]) => w === e.source)?.[0] ?? 'an unknown window';
		let index = -1;
		if (!(typeof e.data === 'string' && waiting.delete(e.data))) {
			const queue = queues.get(sender);
			if (queue?.items.length) {
				index = queue.indices.shift()!;
				if (!fuzz.equal(queue.items.shift(), e.data))
					problems.push({ index, sender, problem: `changed on the way: ${fuzz.encode(e.data)}` });
			} else
				problems.push({
					index,
					sender,
					problem: `a message the test did not send: ${fuzz.encode(e.data)}`
				});
		}
		const now = state();
		if (now !== before) {
			problems.push({ index, sender, problem: `the story changed: ${before} → ${now}` });
			before = now;
		}
		parent.postMessage(`${marks}${index}`, '*');
		if (flush && waiting.size === 0) {
			parent.postMessage(`${marks}${flush}`, '*');
			flush = '';
		}
	});
	window.__wpRecorder = {
		expect(batch, sentinels, token) {
			queues = new Map(
				Object.entries(batch).map(([label, q]) => [
					label,
					{ indices: q.indices, items: fuzz.decode(q.text) as unknown[] }
				])
			);
			waiting = new Set(sentinels);
			flush = token;
			problems = [];
		},
		report() {
			const lost = [...queues]
				.filter(([, q]) => q.items.length)
				.map(([label, q]) => ({
					index: q.indices[0]!,
					sender: label,
					problem: `${q.items.length} messages never arrived, this the first`
				}));
			return { problems: [...problems, ...lost], state: state() };
		}
	};
}

/** The host page with WordPress's frame shown, the story in an account, and the windows that post. */
async function open(page: Page) {
	await page.addInitScript(installRealm, MARK);
	await page.addInitScript(installReplies, { marks: MARKS, frame: WP_FRAME });
	await page.goto(`${HOST_ORIGIN}wordpress`);
	const iframe = page.locator(WP_FRAME);
	const story = page.frameLocator(WP_FRAME);
	await story
		.locator('html[data-engine="running"] [data-graphic] svg[data-enhanced]')
		.waitFor({ state: 'attached' });
	// wp-embed.js shows the frame once it has heard its height.
	await page.locator(`${WP_FRAME}:not([style])`).waitFor({ state: 'attached' });
	await iframe.scrollIntoViewIfNeeded();
	const embed = (await (await iframe.elementHandle())!.contentFrame())!;
	const secret = (await iframe.getAttribute('data-secret'))!;
	// Shown, the story places itself once (surfaces.ts, wordpressSurface); the jump comes after.
	await scrollRest(embed);
	// Into the second account, as a reader would be: a step and a scroll any stray answer could move.
	await embed.evaluate((id) => document.getElementById(id)!.scrollIntoView(), ID.second);
	await story.locator(`[data-graphic][data-active="${ID.second}"]`).waitFor({ state: 'attached' });
	await story.locator('[data-graphic] [data-motion="running"]').waitFor({ state: 'detached' });

	await page.evaluate(
		(siblings) =>
			Promise.all(
				siblings.map(
					({ name, src, srcdoc, sandbox }) =>
						new Promise((loaded) => {
							const f = document.createElement('iframe');
							Object.assign(f, { name, title: name, onload: loaded });
							if (sandbox) f.setAttribute('sandbox', sandbox);
							if (srcdoc) f.srcdoc = srcdoc;
							if (src) f.src = src;
							f.style.cssText = 'position:fixed;left:-20px;top:0;width:10px;height:10px;border:0';
							document.body.append(f);
						})
				)
			),
		SIBLINGS
	);
	const index = await page.evaluate((selector) => {
		const at = (f: HTMLIFrameElement) =>
			[...Array(window.frames.length).keys()].find((i) => window.frames[i] === f.contentWindow)!;
		return Object.fromEntries(
			[...document.querySelectorAll('iframe')].map((f) => [
				f.matches(selector) ? 'self' : f.name,
				at(f)
			])
		);
	}, WP_FRAME);
	const frames = { host: page.mainFrame(), self: embed } as Record<Label, Frame>;
	for (const { name } of SIBLINGS) {
		await expect.poll(() => page.frame({ name }) !== null).toBe(true);
		frames[name] = page.frame({ name })!;
	}
	await Promise.all(Object.values(frames).map((f) => f.evaluate(installRealm, MARK)));
	// From each window to the story's frame, and from the story's frame back to each.
	const to = (l: Label): Step[] =>
		l === 'host' ? [index.self!] : l === 'self' ? [] : ['parent', index.self!];
	const from = (l: Label): Step[] =>
		l === 'host' ? ['parent'] : l === 'self' ? [] : ['parent', index[l]!];
	return { embed, frames, secret, to, from };
}

test(`${SURFACE}: the frame answers its parent's ready with its height, and nothing else`, async ({
	page
}) => {
	const only = RUN.only?.startsWith(`${SURFACE}#`) ? Number(RUN.only.split('#')[1]) : undefined;
	if (RUN.only && only === undefined) test.skip(true, `replaying ${RUN.only} only`);
	const count = Math.ceil(RUN.messages / 2);
	const seed = RUN.seed + 7;
	const pageErrors: string[] = [];
	page.on('pageerror', (e) => pageErrors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));
	const totals = { accepted: 0, rejected: 0, answers: 0, wrong: 0, crashed: 0 };
	const started = Date.now();
	const failures: string[] = [];
	const loading: string[] = [];
	let sample: { sender: Label; payload: unknown }[] = [];
	const show = (i: number) => inspect(sample[i]?.payload, { depth: 6, breakLength: Infinity });
	try {
		const { embed, frames, secret, to, from } = await open(page);
		const senders = Object.keys(WINDOWS) as Label[];
		await embed.evaluate(installRecorder, {
			marks: MARKS,
			senders: Object.fromEntries(senders.map((l) => [l, from(l)]))
		});

		// Quiet first: the frame's answers to wp-embed.js's own ready (it says it twice, on
		// DOMContentLoaded and on load) are in, and the last says the frame's height.
		let heard = -1;
		for (let i = 0; i < 50; i++) {
			const now = await page.evaluate(() => window.__wpReplies!.pending.length);
			if (now === heard && now > 0) break;
			heard = now;
			await page.waitForTimeout(200);
		}
		const start = (await page.evaluate(() => window.__wpReplies!.pending.splice(0))).map(decode);
		const first = wrongAnswer(start.at(-1), secret, undefined);
		if (first) throw new Error(`the frame’s height as it loaded: ${first}: ${inspect(start)}`);
		const height = (start.at(-1) as { value: number }).value;
		const host = () =>
			page.evaluate((selector) => {
				const f = document.querySelector(selector)!;
				return `frame ${f.getAttribute('height')} px high, style ${f.getAttribute('style')}, page scrolled ${scrollY}`;
			}, WP_FRAME);
		const hostBefore = await host();
		// The fuzz answers for what happens from here on; what the pages said while loading is told apart.
		loading.push(
			...new Set([
				...(
					await Promise.all(
						Object.values(frames).map((f) => f.evaluate(() => window.__fuzz!.errors.splice(0)))
					)
				).flat(),
				...pageErrors.splice(0)
			])
		);

		sample = fc.sample(
			wpMessages(
				secret,
				senders.filter((l) => l !== 'host')
			),
			{ seed, numRuns: count }
		);

		let batchNo = 0;
		/** Posts these messages from their windows; what the frame answered to each, and what it found. */
		const send = async (indices: number[]) => {
			const queues: Record<string, { indices: number[]; text: string }> = {};
			for (const i of indices)
				(queues[sample[i]!.sender] ??= { indices: [], text: '' }).indices.push(i);
			for (const q of Object.values(queues))
				q.text = encode(q.indices.map((i) => sample[i]!.payload));
			const sentinels = senders.map((l) => `wp-fuzz-sentinel:${batchNo}:${l}`);
			const flush = `flush:${batchNo++}`;
			await embed.evaluate(([q, s, f]) => window.__wpRecorder!.expect(q, s, f), [
				queues,
				sentinels,
				flush
			] as const);
			await page.evaluate(
				([flush, timeout]) => {
					const replies = window.__wpReplies!;
					replies.flush = flush;
					replies.done = new Promise((resolve, reject) => {
						const timer = setTimeout(
							() => reject(new Error(`the frame never said it had everything (${flush})`)),
							timeout
						);
						replies.flushed = () => {
							clearTimeout(timer);
							resolve(replies.groups.splice(0));
						};
					});
				},
				[flush, 20_000] as const
			);
			await Promise.all(
				senders.map((l, i) =>
					frames[l].evaluate(post, {
						text: queues[l]?.text ?? '[]',
						path: to(l),
						sentinel: sentinels[i]!
					})
				)
			);
			const groups = await page.evaluate(() => window.__wpReplies!.done!);
			const { problems } = await embed.evaluate(() => window.__wpRecorder!.report());
			const found = problems.map(({ index, sender, problem }) => ({
				index,
				problem: `${WINDOWS[sender as Label] ?? sender}: ${problem}`
			}));
			const answered = new Map<number, unknown[]>();
			for (const { mark, replies } of groups) {
				if (mark.startsWith('flush:')) {
					if (replies.length)
						found.push({ index: -1, problem: `answered nothing sent: ${replies.join(' ')}` });
					continue;
				}
				const index = Number(mark);
				if (index < 0) {
					if (replies.length)
						found.push({ index, problem: `answered a sentinel: ${replies.join(' ')}` });
					continue;
				}
				answered.set(index, replies.map(decode));
			}
			let answers = 0;
			for (const i of indices) {
				const { sender, payload } = sample[i]!;
				const replies = answered.get(i);
				if (!replies) continue; // never arrived: the recorder says so
				answers += replies.length;
				const must = mustAnswer(sender, payload, secret);
				const wrong = replies.map((r) => wrongAnswer(r, secret, height)).find(Boolean);
				if (replies.length !== (must ? 1 : 0) || wrong)
					found.push({
						index: i,
						problem: `${WINDOWS[sender]}: ${must ? 'must be answered once' : 'must not be answered'}, answered ${replies.length} times${wrong ? ` (${wrong})` : ''}: ${replies.map((r) => inspect(r)).join(' ')}`
					});
			}
			const hostNow = await host();
			if (hostNow !== hostBefore)
				found.push({ index: -1, problem: `the host page changed: ${hostBefore} → ${hostNow}` });
			return { found, answers };
		};

		const chosen = only === undefined ? [...sample.keys()] : [only];
		for (let start = 0; start < chosen.length; start += BATCH) {
			const batch = chosen.slice(start, start + BATCH);
			const { found, answers } = await send(batch);
			totals.answers += answers;
			for (const i of batch)
				totals[
					mustAnswer(sample[i]!.sender, sample[i]!.payload, secret) ? 'accepted' : 'rejected'
				]++;
			for (const { index, problem } of found) {
				// Alone (the first few), to tell a message's own fault from an ordering with the others.
				const alone =
					index < 0
						? ''
						: totals.wrong >= 10
							? ' (not replayed)'
							: (await send([index])).found.some((f) => f.index === index)
								? ' (also alone)'
								: ' (not alone)';
				totals.wrong++;
				failures.push(
					`${index >= 0 ? `${SURFACE}#${index}` : 'the batch'}${alone}: ${problem}${index >= 0 ? `\n    ${show(index)}` : ''}`
				);
			}
		}
		// Nothing late: no answer after the last mark.
		await page.waitForTimeout(300);
		const late = await page.evaluate(() => window.__wpReplies!.pending.splice(0));
		if (late.length) {
			totals.wrong++;
			failures.push(`answers after everything was through: ${late.join(' ')}`);
		}
		const inFrames = (
			await Promise.all(Object.values(frames).map((f) => f.evaluate(() => window.__fuzz!.errors)))
		).flat();
		// An exception shows both in its window and as the page's error; a console error only here.
		const consoleErrors = pageErrors.filter((e) => e.startsWith('console:'));
		totals.crashed =
			Math.max(inFrames.length, pageErrors.length - consoleErrors.length) + consoleErrors.length;
		failures.push(...new Set([...inFrames, ...pageErrors].map((e) => `exception: ${e}`)));
	} finally {
		const seconds = (Date.now() - started) / 1000;
		const runs = only === undefined ? count : 1;
		writeReport(SURFACE, {
			engine: 'chromium',
			surface: SURFACE,
			runs,
			wrong: totals.wrong + totals.crashed,
			accepted: totals.accepted,
			rejected: totals.rejected,
			crashed: totals.crashed
		});
		console.log(
			`${SURFACE}: ${runs} messages (seed ${seed}) in ${seconds.toFixed(1)} s: ${totals.accepted} to answer, ${totals.rejected} to ignore, ` +
				`${totals.answers} answers, ${totals.wrong} wrong, ${totals.crashed} exceptions or console errors`
		);
		if (loading.length)
			console.log(
				`${SURFACE}: before the fuzz, while the pages loaded (not counted):\n  ${loading.join('\n  ')}`
			);
		if (failures.length)
			console.log(
				`Replay one with PATHS_SEED=${RUN.seed} PATHS_MESSAGES=${RUN.messages} PATHS_ONLY='${SURFACE}#<index>':\n  ${failures.slice(0, 20).join('\n  ')}`
			);
	}
	expect(failures).toEqual([]);
	expect(totals.wrong + totals.crashed).toBe(0);
});
