import { test, expect, type Frame, type Page } from '@playwright/test';
import fc from 'fast-check';
import { inspect } from 'node:util';
import { EMBED_ORIGIN, HOST_ORIGIN, ROOT } from '../e2e/servers';
import { SIDE_BY_SIDE } from './reading';
import { NS, TEMPLATES, decode, encode, messages, type Fuzzed } from './messages-gen';
import {
	MARK,
	installChecker,
	installRealm,
	post,
	type BatchResult,
	type Step
} from './messages-page';
import { RUN, writeReport } from './report';

/** Every window that posts, besides the host page and the story's frame, put beside them by the test. */
const WINDOWS = {
	host: 'the host page',
	embed: 'the story’s frame',
	nested: 'a frame inside the story’s frame (story origin)',
	'story-origin': `a sibling frame on the story’s origin (${EMBED_ORIGIN})`,
	'host-origin': 'a sibling srcdoc frame (the host’s origin)',
	'null-origin': 'a sandboxed srcdoc frame (origin "null")',
	'other-origin': `a sibling frame on ${ROOT}`
};
type Label = keyof typeof WINDOWS;
const SIBLINGS: { name: Label; src?: string; srcdoc?: string; sandbox?: string }[] = [
	{ name: 'story-origin', src: `${EMBED_ORIGIN}favicon.svg` },
	{ name: 'host-origin', srcdoc: '<!doctype html><title>sibling</title>' },
	{
		name: 'null-origin',
		srcdoc: '<!doctype html><title>sandboxed</title>',
		sandbox: 'allow-scripts'
	},
	{ name: 'other-origin', src: `${ROOT}favicon.svg` }
];

interface Piece {
	name: string;
	surface: 'loader messages' | 'embed messages';
	/** The partner page (scripts/embed-host.js). */
	host: '' | 'pym';
	/** The window whose reading is fuzzed, and the one it must read. */
	target: Label;
	right: Label;
	count: number;
}

/** The loader gets the run's count; the embed the same, shared between the two kinds of host. */
const PIECES: Piece[] = [
	{
		name: 'loader messages',
		surface: 'loader messages',
		host: '',
		target: 'host',
		right: 'embed',
		count: RUN.messages
	},
	{
		name: 'embed messages (embed.js host)',
		surface: 'embed messages',
		host: '',
		target: 'embed',
		right: 'host',
		count: Math.ceil(RUN.messages / 2)
	},
	{
		name: 'embed messages (pym host)',
		surface: 'embed messages',
		host: 'pym',
		target: 'embed',
		right: 'host',
		count: Math.floor(RUN.messages / 2)
	}
];
/** Posted from in-page loops; the checker reports once per batch. */
const BATCH = 2000;

/** The host page with the story in it, scrolled into the story, and the extra windows that post. */
async function open(page: Page, piece: Piece) {
	await page.addInitScript(installRealm, MARK);
	// The loader's jumps are then instant, and the checker sees where each one lands.
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(HOST_ORIGIN + piece.host);
	const iframe = page.locator('iframe[src*="/embed/"]');
	await iframe.scrollIntoViewIfNeeded();
	const embed = (await (await iframe.elementHandle())!.contentFrame())!;
	await embed.locator('[data-graphic] svg[data-enhanced]').waitFor({ state: 'attached' });
	// Into the second account: the graphic held, a step past the first, every number in play.
	await page.evaluate(() =>
		scrollTo(
			0,
			document.querySelector('iframe[src*="/embed/"]')!.getBoundingClientRect().top + scrollY + 2500
		)
	);
	await embed.locator('.scrolly[data-driven]').waitFor({ state: 'attached' });

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
	const nested = await embed.evaluate(() => {
		const f = document.createElement('iframe');
		f.name = 'nested';
		f.title = 'nested';
		f.style.cssText = 'position:fixed;left:-20px;top:0;width:10px;height:10px;border:0';
		document.body.append(f);
		return [...Array(window.frames.length).keys()].find(
			(i) => window.frames[i] === f.contentWindow
		)!;
	});
	const index = await page.evaluate(() => {
		const at = (f: HTMLIFrameElement) =>
			[...Array(window.frames.length).keys()].find((i) => window.frames[i] === f.contentWindow)!;
		return Object.fromEntries(
			[...document.querySelectorAll('iframe')].map((f) => [
				f.src.includes('/embed/') ? 'embed' : f.name,
				at(f)
			])
		);
	});
	const frames: Record<Label, Frame> = { host: page.mainFrame(), embed } as Record<Label, Frame>;
	for (const name of ['nested', ...SIBLINGS.map((s) => s.name)] as Label[]) {
		await expect.poll(() => page.frame({ name }) !== null).toBe(true);
		frames[name] = page.frame({ name })!;
	}
	await Promise.all(Object.values(frames).map((f) => f.evaluate(installRealm, MARK)));

	// Window paths: up to the host page, down through frames[].
	const down = (l: Label): Step[] =>
		l === 'host'
			? []
			: l === 'embed'
				? [index.embed!]
				: l === 'nested'
					? [index.embed!, nested]
					: [index[l]!];
	const up = (l: Label): Step[] =>
		Array<Step>(l === 'host' ? 0 : l === 'nested' ? 2 : 1).fill('parent');
	const path = (from: Label, to: Label): Step[] => (from === to ? [] : [...up(from), ...down(to)]);
	return { frames, path, embed };
}

/** Which of the pages' messages this is: pym's by type, ours by ns and type. */
const kind = (m: unknown) =>
	typeof m === 'string'
		? m.split('xPYMx').slice(0, 3).join()
		: JSON.stringify([own(m, 'ns'), own(m, 'type')]);
const own = (m: unknown, key: string) =>
	typeof m === 'object' && m !== null && Object.hasOwn(m, key)
		? (m as Record<string, unknown>)[key]
		: undefined;
const hasNumbers = (m: unknown) =>
	typeof m === 'string'
		? /\d/.test(m.split('xPYMx')[3] ?? '')
		: typeof m === 'object' && m !== null && Object.values(m).some((v) => typeof v === 'number');

/** A geometry that holds the graphic mid-way and a step in the middle of the story: far from anything a stray message would leave. */
function middle(height: number) {
	const scrolly = document.querySelector<HTMLElement>('.scrolly')!;
	const box = scrolly.getBoundingClientRect();
	const room = box.height - document.querySelector<HTMLElement>('[data-graphic]')!.offsetHeight;
	return {
		ns: 'mobilization-voices',
		type: 'viewport',
		top: -Math.round(box.top + scrollY + room * 0.45) - 0.25,
		height
	};
}

for (const [p, piece] of PIECES.entries()) {
	test(`${piece.name}: fuzzed messages change nothing unless valid and from the right window`, async ({
		page
	}) => {
		const only = RUN.only?.startsWith(`${piece.name}#`)
			? Number(RUN.only.split('#')[1])
			: undefined;
		if (RUN.only && only === undefined) test.skip(true, `replaying ${RUN.only} only`);
		const seed = RUN.seed + p;
		const pageErrors: string[] = [];
		page.on('pageerror', (e) => pageErrors.push(e.message));
		page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));
		const totals = { accepted: 0, rejected: 0, exact: 0, real: 0, wrong: 0, crashed: 0 };
		const started = Date.now();
		const failures: string[] = [];
		try {
			const { frames, path, embed } = await open(page, piece);
			const { target, right } = piece;
			const senders = Object.keys(WINDOWS) as Label[];
			const others = senders.filter((l) => l !== right);
			const pymId = new URL(embed.url()).searchParams.get('childId');
			await frames[target].evaluate(installChecker, {
				kind: target === 'host' ? 'loader' : 'embed',
				ns: NS,
				origin: new URL(EMBED_ORIGIN).origin,
				pymId,
				senders: Object.fromEntries(senders.map((l) => [l, path(target, l)])),
				embed: path(target, 'embed'),
				sideBySide: SIDE_BY_SIDE
			} as const);

			const frameHeight = () =>
				page.locator('iframe[src*="/embed/"]').evaluate((f) => f.getBoundingClientRect().height);
			/** The host's real geometry again (as its next scroll would send), and the frame's height once it has settled. */
			const settle = async () => {
				await page.evaluate(() => dispatchEvent(new Event('scroll')));
				let last = -1;
				let height = await frameHeight();
				for (let i = 0; i < 40 && height !== last; i++) {
					await page.waitForTimeout(100);
					[last, height] = [height, await frameHeight()];
				}
				return height;
			};
			const baseline = await settle();

			// Replays start from what the pages said to this window last, once settled (the same every run).
			const seen = new Map(
				(await frames[target].evaluate(() => window.__fuzz!.seen)).map((t) => [
					kind(decode(t)),
					decode(t)
				])
			);
			const templates = [...seen.values()].filter(hasNumbers).concat(TEMPLATES);
			const sample: Fuzzed[] = fc.sample(messages(right, others, templates), {
				seed,
				numRuns: piece.count
			});
			const beacon = encode(
				target === 'host'
					? { ns: NS, type: 'height', height: 4321.5 }
					: await embed.evaluate(middle, page.viewportSize()!.height)
			);

			let batchNo = 0;
			const send = async (indices: number[]): Promise<BatchResult & { height?: number }> => {
				const queues: Record<string, { indices: number[]; text: string }> = {};
				for (const i of indices)
					(queues[sample[i]!.sender] ??= { indices: [], text: '' }).indices.push(i);
				for (const q of Object.values(queues))
					q.text = encode(q.indices.map((i) => sample[i]!.payload));
				const sentinels = senders.map((l) => `fuzz-sentinel:${batchNo}:${l}`);
				batchNo++;
				await frames[target].evaluate(([q, s, b]) => window.__fuzz!.checker!.expect(q, s, b), [
					queues,
					sentinels,
					beacon
				] as const);
				await Promise.all(
					senders.map((l, i) =>
						frames[l].evaluate(post, {
							text: queues[l]?.text ?? '[]',
							path: path(l, target),
							sentinel: sentinels[i]!,
							beacon: l === right ? beacon : undefined
						})
					)
				);
				const result = await frames[target].evaluate(
					(timeout) => window.__fuzz!.checker!.until(timeout),
					20_000
				);
				// The frame's own height follows the story's state: back on the real geometry, it must be what it was.
				return target === 'embed' ? { ...result, height: await settle() } : result;
			};
			const show = (index: number, data: string) =>
				index >= 0
					? inspect(sample[index]!.payload, { depth: 6 })
					: inspect(decode(data), { depth: 6 });

			const chosen = only === undefined ? [...sample.keys()] : [only];
			for (let start = 0; start < chosen.length; start += BATCH) {
				const batch = chosen.slice(start, start + BATCH);
				const result = await send(batch);
				totals.accepted += result.accepted;
				totals.rejected += result.rejected;
				totals.exact += result.exact;
				totals.real += result.real;
				for (const { index, sender, problem, data } of result.problems) {
					// Alone (the first few), to tell a message's own fault from an ordering with the others.
					const alone =
						index < 0
							? 'real traffic'
							: totals.wrong >= 10
								? 'not replayed'
								: (await send([index])).problems.some((q) => q.index === index)
									? 'also alone'
									: 'not alone';
					totals.wrong++;
					failures.push(
						`${index >= 0 ? `${piece.name}#${index}` : 'a page’s own message'} from ${WINDOWS[sender as Label] ?? sender} (${alone}): ${problem}\n    ${show(index, data)}`
					);
				}
				if (result.height !== undefined && result.height !== baseline) {
					totals.wrong++;
					// Halve the batch until one message changes the frame's height on its own.
					let suspects = batch;
					while (suspects.length > 1) {
						const half = suspects.slice(0, suspects.length >> 1);
						suspects = (await send(half)).height !== baseline ? half : suspects.slice(half.length);
					}
					failures.push(
						`frame height ${baseline} → ${result.height} px after messages ${batch[0]}…${batch.at(-1)}; alone: ${piece.name}#${suspects[0]}\n    ${show(suspects[0]!, '')}`
					);
				}
			}
			const inFrames = (
				await Promise.all(Object.values(frames).map((f) => f.evaluate(() => window.__fuzz!.errors)))
			).flat();
			totals.crashed = Math.max(
				inFrames.length,
				pageErrors.filter((e) => !e.startsWith('console:')).length
			);
			failures.push(...new Set([...inFrames, ...pageErrors].map((e) => `exception: ${e}`)));
		} finally {
			const seconds = (Date.now() - started) / 1000;
			const runs = only === undefined ? piece.count : 1;
			writeReport(piece.name, {
				engine: 'chromium',
				surface: piece.surface,
				runs,
				wrong: totals.wrong + totals.crashed,
				accepted: totals.accepted,
				rejected: totals.rejected,
				crashed: totals.crashed
			});
			console.log(
				`${piece.name}: ${runs} messages (seed ${seed}) in ${seconds.toFixed(1)} s: ${totals.accepted} accepted, ${totals.rejected} rejected, ` +
					`${totals.wrong} wrong, ${totals.crashed} exceptions; also checked: ${totals.real} of the pages' own messages` +
					(piece.target === 'embed' ? `, ${totals.exact} geometries to the pixel` : '')
			);
			if (failures.length) {
				console.log(
					`Replay one with PATHS_SEED=${RUN.seed} PATHS_MESSAGES=${RUN.messages} PATHS_ONLY='${piece.name}#<index>':\n  ${failures.slice(0, 20).join('\n  ')}`
				);
			}
		}
		expect(failures).toEqual([]);
		expect(totals.wrong + totals.crashed).toBe(0);
	});
}
