// The message fuzz's code inside the browser: serialized by Playwright into each window it runs in,
// so every function here is self-contained (no imports, no outer helpers) and reaches its helpers
// through window.__fuzz.

/** A window relative to another: 'parent', or an index into frames. */
export type Step = 'parent' | number;

/** One message the checker found handled wrongly (index -1: real traffic, not a fuzzed message). */
export interface Problem {
	index: number;
	sender: string;
	problem: string;
	/** The message, encoded (for real traffic, which the test has no copy of). */
	data: string;
}

export interface BatchResult {
	/** Fuzzed messages checked, by what the oracle made of them. */
	accepted: number;
	rejected: number;
	/** Valid messages whose effect was checked to the pixel (the embed's layout was settled). */
	exact: number;
	/** The pages' own messages (the loader's, the embed's, pym's), checked the same way. */
	real: number;
	problems: Problem[];
}

export interface CheckerConfig {
	kind: 'loader' | 'embed';
	ns: string;
	/** The story's origin: the only one the loader may read. */
	origin: string;
	/** The embed frame's childId (a pym host), or null. */
	pymId: string | null;
	/** From the checked window to each labelled sender's window. */
	senders: Record<string, Step[]>;
	/** From the checked window to the embed frame (loader checker). */
	embed: Step[];
	/** The story's side-by-side layout query (src/lib/scroll/layout.ts). */
	sideBySide: string;
}

interface Fuzz {
	decode(text: string): unknown;
	encode(value: unknown): string;
	equal(a: unknown, b: unknown): boolean;
	resolve(path: Step[]): Window;
	errors: string[];
	/** Whether this ran before the page's own scripts (as an init script), so its listener comes first. */
	early: boolean;
	/** The last messages this window received, encoded: real traffic to replay with numbers changed. */
	seen: string[];
	/** Called by the first message listener of all, before the product's: the checker's look at the state before. */
	before?: () => void;
	checker?: {
		expect(
			queues: Record<string, { indices: number[]; text: string }>,
			sentinels: string[],
			beacon: string
		): void;
		until(timeout: number): Promise<BatchResult>;
	};
}

declare global {
	interface Window {
		__fuzz?: Fuzz;
	}
}

/** NaN, ±Infinity, -0 and undefined survive the trip as { MARK: name }; own __proto__ keys survive JSON.parse as they are. */
export const MARK = '\u0000fuzz';

/**
 * Runs first in every window the fuzz touches (an init script, and again once its frames exist):
 * the codec, window paths, the exceptions seen and the last messages received.
 */
export function installRealm(mark: string): void {
	if (window.__fuzz) return;
	const special: Record<string, unknown> = {
		NaN: Number.NaN,
		Infinity: Infinity,
		'-Infinity': -Infinity,
		'-0': -0,
		undefined
	};
	const walk = (v: unknown): unknown => {
		if (v === null || typeof v !== 'object') return v;
		const o = v as Record<string, unknown>;
		const keys = Object.keys(o);
		if (!Array.isArray(o) && keys.length === 1 && keys[0] === mark) return special[String(o[mark])];
		for (const k of keys) {
			const d = walk(o[k]);
			// defineProperty, not assignment: an own "__proto__" key must stay a key.
			if (!Object.is(d, o[k]) || d === undefined)
				Object.defineProperty(o, k, {
					value: d,
					writable: true,
					enumerable: true,
					configurable: true
				});
		}
		return o;
	};
	const equal = (a: unknown, b: unknown): boolean => {
		if (Object.is(a, b)) return true;
		if (
			typeof a !== 'object' ||
			typeof b !== 'object' ||
			a === null ||
			b === null ||
			Array.isArray(a) !== Array.isArray(b)
		)
			return false;
		const ka = Object.keys(a);
		const kb = Object.keys(b);
		const ra = a as Record<string, unknown>;
		const rb = b as Record<string, unknown>;
		return ka.length === kb.length && ka.every((k, i) => k === kb[i] && equal(ra[k], rb[k]));
	};
	const encode = (value: unknown) =>
		JSON.stringify(value, (_, x: unknown) =>
			x === undefined || (typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0)))
				? { [mark]: Object.is(x, -0) ? '-0' : String(x) }
				: x
		) ?? 'undefined';
	const errors: string[] = [];
	const seen: string[] = [];
	addEventListener('error', (e) => errors.push(`${e.message} (${location.href})`));
	addEventListener('unhandledrejection', (e) =>
		errors.push(`unhandled rejection: ${String(e.reason)} (${location.href})`)
	);
	addEventListener('message', (e) => {
		fuzz.before?.();
		if (seen.push(encode(e.data)) > 50) seen.shift();
	});
	const fuzz: Fuzz = (window.__fuzz = {
		decode: (text) => walk(JSON.parse(text)),
		encode,
		equal,
		resolve: (path) =>
			path.reduce<Window>((w, s) => (s === 'parent' ? w.parent : (w.frames[s] as Window)), window),
		errors,
		early: document.readyState === 'loading',
		seen
	});
}

/**
 * Posts a batch from this window to the one at `path`, then a sentinel that says the batch is
 * through. A beacon (a valid message) before each one puts the receiver in a known state that any
 * accepted message would visibly move it from, even one repeating the geometry it already has.
 */
export function post({
	text,
	path,
	sentinel,
	beacon
}: {
	text: string;
	path: Step[];
	sentinel: string;
	beacon?: string;
}): void {
	const fuzz = window.__fuzz!;
	const target = fuzz.resolve(path);
	const known = beacon && fuzz.decode(beacon);
	for (const message of fuzz.decode(text) as unknown[]) {
		if (beacon) target.postMessage(known, '*');
		target.postMessage(message, '*');
	}
	target.postMessage(sentinel, '*');
}

/**
 * The oracle, in the checked window: a message listener registered after the product's own, so it
 * runs once the product has handled the message and Svelte has flushed (a microtask checkpoint runs
 * between listeners), and one registered before the product's (installRealm, an init script) that
 * notes the state before. The rules here are written from the README, not from the product's code.
 */
export function installChecker(config: CheckerConfig): void {
	const fuzz = window.__fuzz!;
	if (!fuzz.early)
		throw new Error(
			'installRealm ran after the page’s scripts: the state before each message would be read too late'
		);
	const { ns, origin, pymId } = config;
	const senders = Object.entries(config.senders).map(
		([label, path]) => [label, fuzz.resolve(path)] as const
	);
	// The batch under way: what each sender will post, and what has been found.
	let queues = new Map<string, { indices: number[]; items: unknown[] }>();
	let beacon: unknown;
	let waiting = new Set<string>();
	let finish: (() => void) | undefined;
	let result: BatchResult = { accepted: 0, rejected: 0, exact: 0, real: 0, problems: [] };
	const finite = (n: unknown, min: number, max: number): n is number =>
		typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max;
	const own = (d: unknown, key: string): unknown =>
		typeof d === 'object' && d !== null && Object.hasOwn(d, key)
			? (d as Record<string, unknown>)[key]
			: undefined;

	// Loader: a height from the story's frame and origin, 100…200,000 px, rounded up; nothing else moves.
	const iframe =
		config.kind === 'loader'
			? [...document.querySelectorAll('iframe')].find(
					(f) => f.contentWindow === fuzz.resolve(config.embed)
				)!
			: undefined;
	const heightOf = (e: MessageEvent): number | undefined => {
		if (e.origin !== origin || e.source !== iframe?.contentWindow) return undefined;
		const h = own(e.data, 'height');
		return own(e.data, 'ns') === ns && own(e.data, 'type') === 'height' && finite(h, 100, 200_000)
			? Math.ceil(h)
			: undefined;
	};
	// Loader: a point in the frame (0…200,000 px from its top) from the same window and origin, to
	// bring to the top of the page's view. With motion reduced (the test asks so) the jump is instant.
	const frameTop = iframe ? iframe.getBoundingClientRect().top + scrollY : 0;
	const scrollTargetOf = (e: MessageEvent): number | undefined => {
		if (e.origin !== origin || e.source !== iframe?.contentWindow) return undefined;
		const y = own(e.data, 'y');
		if (own(e.data, 'ns') !== ns || own(e.data, 'type') !== 'scroll-to' || !finite(y, 0, 200_000))
			return undefined;
		return Math.min(Math.max(frameTop + y, 0), document.documentElement.scrollHeight - innerHeight);
	};

	// Embed: geometry from the parent window only: our viewport message, or (with a childId) pym's
	// position string, six numbers as JavaScript prints them, separated by one space.
	const NUMBER = /^-?\d+(\.\d+)?(e[+-]\d+)?$/;
	const geometryOf = (e: MessageEvent): { top: number; height: number } | undefined => {
		if (e.source !== parent) return undefined;
		let top: unknown = own(e.data, 'top');
		let height: unknown = own(e.data, 'height');
		if (own(e.data, 'ns') !== ns || own(e.data, 'type') !== 'viewport') {
			const prefix = `pymxPYMx${pymId}xPYMxviewport-iframe-positionxPYMx`;
			if (pymId === null || typeof e.data !== 'string' || !e.data.startsWith(prefix))
				return undefined;
			const fields = e.data.slice(prefix.length).split(' ');
			if (fields.length !== 6 || !fields.every((f) => NUMBER.test(f) && Number.isFinite(Number(f))))
				return undefined;
			[height, top] = [Number(fields[1]), Number(fields[2])];
		}
		return finite(top, -1e6, 1e6) && finite(height, 100, 20_000) ? { top, height } : undefined;
	};

	// What the reader sees of the story: all of it follows from the host's geometry alone.
	const graphic = document.querySelector<HTMLElement>('[data-graphic]');
	const scrolly = document.querySelector<HTMLElement>('.scrolly');
	const steps = [...document.querySelectorAll<HTMLElement>('[data-step]')];
	const snap = () =>
		iframe
			? `${iframe.style.height} | scrolled ${scrollY}`
			: `${graphic!.dataset.active} | ${graphic!.style.transform} | ${scrolly!.hasAttribute('data-driven') ? 'driven' : 'static'} | ${scrolly!.style.getPropertyValue('--host-vh')}`;
	// The story measures its layout once a frame, and places itself only when the geometry changes:
	// its place can be checked exactly when the geometry is new and the layout is the last frame's.
	let laidOut = '';
	let last = '';
	const tick = () => {
		laidOut = scrolly?.style.getPropertyValue('--host-vh') ?? '';
		requestAnimationFrame(tick);
	};
	if (scrolly) tick();
	// Nothing above the story moves it (the header does not depend on the host's geometry).
	const storyTop = scrolly ? scrolly.getBoundingClientRect().top + scrollY : 0;
	const reflects = ({ top, height }: { top: number; height: number }): string => {
		const fresh = last !== `${top} ${height}`;
		last = `${top} ${height}`;
		const vh = scrolly!.style.getPropertyValue('--host-vh');
		if (!scrolly!.hasAttribute('data-driven') || vh !== `${height}px`)
			return `not driven by it: ${snap()}`;
		const y = /^translate3d\(0(?:px)?, (-?\d+)px, 0(?:px)?\)$/.exec(graphic!.style.transform);
		if (!y) return `graphic transform ${graphic!.style.transform}`;
		const raw = -top - storyTop;
		if (raw <= 0 && Number(y[1]) !== 0)
			return `graphic moved to ${y[1]} px for a frame below the host's viewport top`;
		if (vh !== laidOut || !fresh) return '';
		// Settled layout: the graphic where sticky would hold it, the step under the reading line.
		result.exact++;
		const room = Math.max(scrolly!.getBoundingClientRect().height - graphic!.offsetHeight, 0);
		const expected = Math.round(Math.min(Math.max(raw, 0), room));
		if (Math.abs(Number(y[1]) - expected) > 1 && Math.abs(raw - room) > 50)
			return `graphic at ${y[1]} px, expected ${expected}`;
		const line = -top + height * (matchMedia(config.sideBySide).matches ? 0.5 : 0.6);
		const tops = steps.map((s) => s.getBoundingClientRect().top + scrollY);
		if (tops.some((t) => Math.abs(t - line) < 50)) return '';
		const step =
			steps[
				Math.max(
					0,
					tops.findLastIndex((t) => t <= line)
				)
			]!.dataset.step;
		return graphic!.dataset.active === step
			? ''
			: `step ${graphic!.dataset.active}, expected ${step}`;
	};

	let before = '';
	fuzz.before = () => (before = snap());
	addEventListener('message', (e) => {
		const sender = senders.find(([, w]) => w === e.source)?.[0] ?? 'unknown window';
		const sentinel = typeof e.data === 'string' && waiting.delete(e.data);
		const ours = sentinel || fuzz.equal(e.data, beacon);
		// Which fuzzed message this is: the next one queued from its sender, unless it is the pages' own traffic.
		const queue = queues.get(sender);
		const index =
			queue?.items.length && fuzz.equal(queue.items[0], e.data)
				? (queue.items.shift(), queue.indices.shift()!)
				: -1;
		let problem = '';
		let valid: boolean;
		if (iframe) {
			const height = heightOf(e);
			const scrollTarget = scrollTargetOf(e);
			valid = height !== undefined || scrollTarget !== undefined;
			const heightBefore = before.split(' | ')[0];
			if (height !== undefined) {
				// The page may scroll with it: the browser keeps what the reader sees below the frame in place.
				if (iframe.style.height !== `${height}px`)
					problem = `frame height ${heightBefore} → ${iframe.style.height}, expected ${height}px`;
			} else if (scrollTarget !== undefined) {
				if (iframe.style.height !== heightBefore || Math.abs(scrollY - scrollTarget) > 1)
					problem = `${before} → ${snap()}, expected a scroll to ${scrollTarget}`;
			} else if (snap() !== before) problem = `${before} → ${snap()}, expected no change`;
		} else {
			const geometry = geometryOf(e);
			valid = geometry !== undefined;
			if (geometry) problem = reflects(geometry);
			else if (snap() !== before) problem = `state changed: ${before} → ${snap()}`;
		}
		if (index >= 0) result[valid ? 'accepted' : 'rejected']++;
		else if (!ours) result.real++;
		if (problem)
			result.problems.push({
				index,
				sender,
				problem: `${valid ? 'valid' : 'invalid'} message: ${problem}`,
				data: fuzz.encode(e.data)
			});
		if (sentinel && waiting.size === 0) finish?.();
	});
	fuzz.checker = {
		expect(batch, sentinels, text) {
			beacon = fuzz.decode(text);
			queues = new Map(
				Object.entries(batch).map(([label, q]) => [
					label,
					{ indices: q.indices, items: fuzz.decode(q.text) as unknown[] }
				])
			);
			waiting = new Set(sentinels);
			result = { accepted: 0, rejected: 0, exact: 0, real: 0, problems: [] };
			finish = undefined;
		},
		until: (timeout) =>
			new Promise((resolve, reject) => {
				const timer = setTimeout(
					() => reject(new Error(`no sentinel from ${[...waiting].join(', ')}`)),
					timeout
				);
				finish = () => {
					clearTimeout(timer);
					const lost = [...queues]
						.filter(([, q]) => q.items.length)
						.map(([label, q]) => `${q.items.length} from ${label}`);
					if (lost.length)
						reject(
							new Error(`fuzzed messages never seen (or changed on the way): ${lost.join(', ')}`)
						);
					else resolve(result);
				};
				if (waiting.size === 0) finish();
			})
	};
}
