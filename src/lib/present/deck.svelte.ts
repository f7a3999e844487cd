import type { Command } from './slides';

/** Where the presentation is: the slide (1-based) and whether the screen is blanked. */
export class Deck {
	current = $state(1);
	blank = $state(false);
	readonly total: number;

	constructor(total: number, start = 1) {
		this.total = total;
		this.current = Math.min(Math.max(start, 1), total);
	}

	go(n: number) {
		this.current = Math.min(Math.max(Math.round(n), 1), this.total);
	}

	/** Applies a command; fullscreen belongs to the page, so it is left to the caller. */
	run(command: Command) {
		if (command === 'next') this.go(this.current + 1);
		else if (command === 'previous') this.go(this.current - 1);
		else if (command === 'first') this.go(1);
		else if (command === 'last') this.go(this.total);
		else if (command === 'blank') this.blank = !this.blank;
		else if (command === 'escape') this.blank = false;
	}
}

/** One channel for the presenter and its notes window, in the same browser. */
export const CHANNEL = 'mobilization-voices-present';

export type DeckMessage =
	| { type: 'state'; slide: number; blank: boolean }
	| { type: 'command'; command: Command }
	| { type: 'hello' };

const COMMANDS = new Set<string>([
	'next',
	'previous',
	'first',
	'last',
	'blank',
	'fullscreen',
	'escape',
	'speaker'
]);

/** Whether a message from another window is one of ours: windows other pages opened may write too. */
export function isDeckMessage(data: unknown): data is DeckMessage {
	if (typeof data !== 'object' || data === null) return false;
	const m = data as Record<string, unknown>;
	if (m.type === 'hello') return true;
	if (m.type === 'command') return typeof m.command === 'string' && COMMANDS.has(m.command);
	if (m.type === 'state')
		return Number.isInteger(m.slide) && (m.slide as number) >= 1 && typeof m.blank === 'boolean';
	return false;
}

export interface DeckLink {
	post(message: DeckMessage): void;
	close(): void;
}

type Listener = (message: DeckMessage) => void;

const postTo = (target: MessageEventSource, message: DeckMessage) =>
	// A file:// page's origin is opaque ("null"): no origin to name. The messages say only where the
	// deck is, and the receiver checks who sent them.
	(target as Window).postMessage(message, '*');

/**
 * The presenter's side. The BroadcastChannel reaches every window of its origin. A window that
 * writes to it directly (the speaker view opened with S, which talks to its opener) is answered
 * directly too: `file://` pages are opaque origins, and whether two of them share a channel
 * differs between browsers (Firefox: one file under two queries does, two files do not).
 */
export function presenterLink(listen: Listener): DeckLink & { adopt(w: Window | null): void } {
	const channel = new BroadcastChannel(CHANNEL);
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never read reactively
	const windows = new Set<MessageEventSource>();
	channel.onmessage = ({ data }: MessageEvent) => {
		if (isDeckMessage(data)) listen(data);
	};
	const onmessage = ({ data, source }: MessageEvent) => {
		if (!source || source === window || !isDeckMessage(data)) return;
		windows.add(source);
		listen(data);
	};
	window.addEventListener('message', onmessage);
	return {
		adopt: (w) => void (w && windows.add(w)),
		post(message) {
			channel.postMessage(message);
			for (const w of windows) {
				if ((w as Window).closed) windows.delete(w);
				else postTo(w, message);
			}
		},
		close() {
			channel.close();
			window.removeEventListener('message', onmessage);
		}
	};
}

/**
 * The speaker view's side: commands go to its opener when the presenter opened it (S), else to
 * the channel; one way only, so no command arrives twice. Where the presenter is heard from is
 * either: a presenter reloaded no longer knows the window it opened, but its channel still says
 * where the deck is (a state said twice changes nothing).
 */
export function speakerLink(listen: Listener): DeckLink {
	const channel = new BroadcastChannel(CHANNEL);
	const opener = window.opener as Window | null;
	const direct = opener && !opener.closed ? opener : undefined;
	channel.onmessage = ({ data }: MessageEvent) => {
		if (isDeckMessage(data) && (!direct || data.type === 'state')) listen(data);
	};
	const onmessage = ({ data, source }: MessageEvent) => {
		if (direct && source === direct && isDeckMessage(data)) listen(data);
	};
	window.addEventListener('message', onmessage);
	return {
		post: (message) => (direct ? postTo(direct, message) : channel.postMessage(message)),
		close() {
			channel.close();
			window.removeEventListener('message', onmessage);
		}
	};
}
