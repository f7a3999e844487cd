/**
 * What the embed and its host say to each other (postMessage): the loader (loader.ts, the host's
 * side) and the embed page parse with these. Nothing in a message is ever run or rendered: only
 * validated numbers are used.
 */

/** Every message of ours carries this tag, so other scripts' messages are ignored. */
export const NS = 'mobilization-voices';

/** Embed → host: its content height in CSS pixels. */
export interface HeightMessage {
	ns: typeof NS;
	type: 'height';
	height: number;
}

/** Host → embed: where the frame sits in the host's viewport. */
export interface ViewportMessage {
	ns: typeof NS;
	type: 'viewport';
	/** Frame top relative to the host viewport's top, in CSS pixels (negative once scrolled past). */
	top: number;
	/** Height of the host viewport. */
	height: number;
}

/**
 * Embed → host: bring this point of the frame's document (CSS pixels from its top) to the top of
 * the host's viewport. A frame as tall as its content cannot scroll to its own chapters.
 */
export interface ScrollToMessage {
	ns: typeof NS;
	type: 'scroll-to';
	y: number;
}

/** Geometry the embed trusts: finite numbers within what a real page can produce. */
export interface HostGeometry {
	top: number;
	height: number;
}

const LIMIT = 1_000_000;
const isNumberIn = (n: unknown, min: number, max: number): n is number =>
	typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max;

/** Validates a host → embed viewport message; anything else is undefined. */
export function parseViewport(data: unknown): HostGeometry | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const m = data as Partial<ViewportMessage>;
	if (m.ns !== NS || m.type !== 'viewport') return undefined;
	if (!isNumberIn(m.top, -LIMIT, LIMIT) || !isNumberIn(m.height, 100, 20_000)) return undefined;
	return { top: m.top, height: m.height };
}

/** Validates an embed → host height message. */
export function parseHeight(data: unknown): number | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const m = data as Partial<HeightMessage>;
	if (m.ns !== NS || m.type !== 'height' || !isNumberIn(m.height, 100, 200_000)) return undefined;
	return Math.ceil(m.height);
}

/** Validates an embed → host scroll-to message: a point within the frame's document. */
export function parseScrollTo(data: unknown): number | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const m = data as Partial<ScrollToMessage>;
	if (m.ns !== NS || m.type !== 'scroll-to' || !isNumberIn(m.y, 0, 200_000)) return undefined;
	return m.y;
}

/** Embed → host: it listens now, and the loader sends the viewport from then on. */
export interface ReadyMessage {
	ns: typeof NS;
	type: 'ready';
}
export const readyMessage: ReadyMessage = { ns: NS, type: 'ready' };

/** A message of ours: an object with our tag. */
export const isOurs = (data: unknown): data is { ns: typeof NS; type?: unknown } =>
	typeof data === 'object' && data !== null && (data as { ns?: unknown }).ns === NS;
export const isReady = (data: unknown) => isOurs(data) && data.type === 'ready';

export const viewportMessage = (top: number, height: number): ViewportMessage => ({
	ns: NS,
	type: 'viewport',
	top,
	height
});
export const heightMessage = (height: number): HeightMessage => ({
	ns: NS,
	type: 'height',
	height
});
export const scrollToMessage = (y: number): ScrollToMessage => ({ ns: NS, type: 'scroll-to', y });

/**
 * pym.js child protocol: strings "pymxPYMx<id>xPYMx<type>xPYMx<body>". A pym parent answers
 * "parentPositionInfo" with "viewport-iframe-position" whose body is
 * "<viewport width> <viewport height> <frame top> <left> <bottom> <right>".
 */
export const pymMessage = (id: string, type: string, body = '') =>
	`pymxPYMx${id}xPYMx${type}xPYMx${body}`;

/**
 * A number as JavaScript writes it, as pym.js does the six. Number() alone also reads '' (a doubled
 * or trailing space) as 0, and '\t5', '+5', '.5' or '0x10' as numbers.
 */
const WRITTEN_NUMBER = /^-?\d+(\.\d+)?(e[+-]\d+)?$/;

export function parsePymPosition(data: unknown, id: string): HostGeometry | undefined {
	if (typeof data !== 'string') return undefined;
	const prefix = `pymxPYMx${id}xPYMxviewport-iframe-positionxPYMx`;
	if (!data.startsWith(prefix)) return undefined;
	const numbers = data
		.slice(prefix.length)
		.split(' ')
		.map((field) => (WRITTEN_NUMBER.test(field) ? Number(field) : Number.NaN));
	if (numbers.length !== 6 || !numbers.every(Number.isFinite)) return undefined;
	const [, height, top] = numbers;
	if (!isNumberIn(top, -LIMIT, LIMIT) || !isNumberIn(height, 100, 20_000)) return undefined;
	return { top, height };
}
