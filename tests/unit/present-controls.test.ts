import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deck } from '$lib/present/deck.svelte';
import { leaveFullscreen, toggleFullscreen } from '$lib/present/fullscreen';
import { IDLE_MS, IdleCursor } from '$lib/present/idle-cursor.svelte';
import { presenterCommand, speakerCommand } from '$lib/present/keys';
import { followSlideAddress, writeSlideAddress } from '$lib/present/slide-address';
import { SWIPE_PX, swipe } from '$lib/present/swipe';
import { CONFIRM_MS, TalkClock } from '$lib/present/talk-clock.svelte';

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/** A key as the browser reports it: the key, its modifiers, what had the focus. */
const key = (k: string, more: Partial<KeyboardEvent> & { tag?: string } = {}) =>
	({
		key: k,
		altKey: false,
		ctrlKey: false,
		metaKey: false,
		target: more.tag ? { tagName: more.tag } : null,
		...more
	}) as unknown as KeyboardEvent;

describe('the presenter’s keys', () => {
	it('run the deck, and leave a key with a modifier to the browser', () => {
		expect(presenterCommand(key('ArrowRight'))).toBe('next');
		expect(presenterCommand(key('f'))).toBe('fullscreen');
		for (const modifier of ['altKey', 'ctrlKey', 'metaKey'] as const)
			expect(presenterCommand(key('ArrowLeft', { [modifier]: true }))).toBeUndefined();
		expect(presenterCommand(key('x'))).toBeUndefined();
	});

	it('in the speaker view, go to the presenter except where the speaker types or presses a button', () => {
		expect(speakerCommand(key('PageDown'))).toBe('next');
		expect(speakerCommand(key('b'))).toBe('blank');
		expect(speakerCommand(key('ArrowRight', { tag: 'INPUT' }))).toBeUndefined();
		expect(speakerCommand(key(' ', { tag: 'BUTTON' }))).toBeUndefined();
		expect(speakerCommand(key('Enter', { tag: 'BUTTON' }))).toBeUndefined();
		expect(speakerCommand(key('ArrowRight', { tag: 'BUTTON' }))).toBe('next');
		expect(speakerCommand(key('f'))).toBeUndefined();
		expect(speakerCommand(key('s'))).toBeUndefined();
		expect(speakerCommand(key('End', { ctrlKey: true }))).toBeUndefined();
	});
});

describe('a swipe', () => {
	const pointer = (type: string, clientX: number, pointerType = 'touch') =>
		Object.assign(new Event(type), { clientX, pointerType });

	it('turns to the next slide leftwards and the previous rightwards; a short one or a mouse does nothing', () => {
		const element = new EventTarget() as HTMLElement;
		const turn = vi.fn();
		const stop = swipe(turn)(element) as () => void;
		const drag = (from: number, to: number, kind?: string) => {
			element.dispatchEvent(pointer('pointerdown', from, kind));
			element.dispatchEvent(pointer('pointerup', to, kind));
		};
		drag(500, 500 - SWIPE_PX - 1);
		drag(100, 100 + SWIPE_PX + 1);
		drag(300, 300 - SWIPE_PX);
		drag(500, 100, 'mouse');
		expect(turn.mock.calls).toEqual([['next'], ['previous']]);
		stop();
		drag(500, 100);
		expect(turn).toHaveBeenCalledTimes(2);
	});
});

describe('the idle cursor', () => {
	it('hides after the pointer lies still, and shows again when it moves', () => {
		vi.useFakeTimers();
		const cursor = new IdleCursor();
		cursor.moved();
		vi.advanceTimersByTime(IDLE_MS - 1);
		expect(cursor.idle).toBe(false);
		vi.advanceTimersByTime(1);
		expect(cursor.idle).toBe(true);
		cursor.moved();
		expect(cursor.idle).toBe(false);
		cursor.stop();
		vi.advanceTimersByTime(IDLE_MS * 2);
		expect(cursor.idle).toBe(false);
	});
});

describe('fullscreen', () => {
	const page = (full: boolean) => {
		const doc = {
			fullscreenElement: full ? {} : null,
			exitFullscreen: vi.fn(async () => {}),
			documentElement: { requestFullscreen: vi.fn(async () => {}) }
		};
		return doc as typeof doc & Document;
	};

	it('F enters and leaves; Escape only leaves; a browser without it is left alone', () => {
		const windowed = page(false);
		toggleFullscreen(windowed);
		leaveFullscreen(windowed);
		expect(windowed.documentElement.requestFullscreen).toHaveBeenCalledOnce();
		expect(windowed.exitFullscreen).not.toHaveBeenCalled();
		const full = page(true);
		toggleFullscreen(full);
		leaveFullscreen(full);
		expect(full.exitFullscreen).toHaveBeenCalledTimes(2);
		expect(() =>
			toggleFullscreen({ ...page(false), documentElement: {} } as unknown as Document)
		).not.toThrow();
	});
});

describe('the slide in the address', () => {
	function browser(hash: string) {
		const win = new EventTarget();
		const location = {
			hash,
			replace: vi.fn((to: string) => (location.hash = to))
		};
		vi.stubGlobal('window', win);
		vi.stubGlobal('location', location);
		return { win, location };
	}

	it('opens the deck where it points, follows a typed #/N, and puts a wrong one right', () => {
		const { win, location } = browser('#/3');
		const deck = new Deck(9);
		const stop = followSlideAddress(deck);
		expect(deck.current).toBe(3);
		expect(location.replace).not.toHaveBeenCalled();
		location.hash = '#/7';
		win.dispatchEvent(new Event('hashchange'));
		expect(deck.current).toBe(7);
		location.hash = '#/99';
		win.dispatchEvent(new Event('hashchange'));
		expect([deck.current, location.hash]).toEqual([9, '#/9']);
		location.hash = '#/x';
		win.dispatchEvent(new Event('hashchange'));
		expect([deck.current, location.hash]).toEqual([1, '#/1']);
		stop();
		location.hash = '#/4';
		win.dispatchEvent(new Event('hashchange'));
		expect(deck.current).toBe(1);
	});

	it('is written only when it differs, replacing the entry', () => {
		const { location } = browser('#/2');
		writeSlideAddress(2);
		expect(location.replace).not.toHaveBeenCalled();
		writeSlideAddress(5);
		expect(location.replace).toHaveBeenCalledWith('#/5');
	});
});

describe('the speaker’s clock', () => {
	it('counts the talk, pauses it, and restarts only on a second press within the wait', () => {
		vi.useFakeTimers({ now: new Date(2026, 11, 7, 9, 5, 0) });
		const talk = new TalkClock();
		const stop = talk.start();
		expect(talk.clock).toBe('09:05');
		vi.advanceTimersByTime(65_000);
		expect(talk.spent).toBe(65_000);
		talk.pause();
		vi.advanceTimersByTime(30_000);
		expect([talk.paused, talk.spent]).toEqual([true, 65_000]);
		talk.pause();
		vi.advanceTimersByTime(5_000);
		expect([talk.paused, talk.spent]).toEqual([false, 70_000]);

		talk.restart();
		expect(talk.confirmingRestart).toBe(true);
		vi.advanceTimersByTime(CONFIRM_MS);
		expect([talk.confirmingRestart, talk.spent]).toEqual([false, 74_000]);
		talk.restart();
		talk.restart();
		expect([talk.confirmingRestart, talk.spent]).toEqual([false, 0]);
		stop();
	});
});
