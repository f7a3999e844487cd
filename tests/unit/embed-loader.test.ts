// @vitest-environment happy-dom
import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NS, heightMessage, readyMessage, scrollToMessage } from '$lib/embed/protocol';

const SRC = 'https://news.example/graphics/story/embed.js';

/** Runs the loader (src/lib/embed/loader.ts) as a page would: from a script tag of its own. */
async function load(attributes: Record<string, string> = {}) {
	// happy-dom loads neither scripts nor frames, and says so on Node's console each time: the
	// tag's address is given without a fetch, and the frame's refusal is kept quiet.
	vi.spyOn(nodeConsole, 'error').mockImplementation(() => {});
	const script = document.createElement('script');
	Object.defineProperty(script, 'src', { value: SRC });
	for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
	document.body.append(script);
	Object.defineProperty(document, 'currentScript', { value: script, configurable: true });
	vi.resetModules();
	await import('$lib/embed/loader');
	const frame = document.querySelector('iframe')!;
	// happy-dom loads no frame: the frame's window is a stand-in, one per test, so the loaders of
	// earlier tests (still listening) take this one's messages for another frame's.
	const inside = { postMessage: vi.fn() };
	Object.defineProperty(frame, 'contentWindow', { value: inside });
	/** A message as the browser delivers it, from the frame unless told otherwise. */
	const receive = (data: unknown, from: Partial<MessageEventInit> = {}) =>
		window.dispatchEvent(
			new MessageEvent('message', {
				data,
				origin: new URL(SRC).origin,
				source: inside as unknown as Window,
				...from
			})
		);
	return { script, frame, inside, receive };
}

beforeEach(() => {
	document.body.innerHTML = '';
});
afterEach(() => vi.restoreAllMocks());

describe('embed.js (the loader a partner pastes)', () => {
	it('puts a titled frame to the embed beside itself, in the theme its tag asks for', async () => {
		const { script, frame } = await load({ 'data-theme': 'dark', 'data-title': 'The story' });
		expect(frame.src).toBe('https://news.example/graphics/story/embed/?theme=dark');
		expect(frame.title).toBe('The story');
		expect(frame.loading).toBe('lazy');
		expect(script.previousElementSibling).toBe(frame);
	});

	it('takes the story’s title where the tag gives none, ignores other themes, and goes where it is sent', async () => {
		const target = document.createElement('div');
		target.id = 'here';
		document.body.append(target);
		const { frame } = await load({ 'data-theme': 'neon', 'data-target': '#here' });
		// The title is filled in as embed.js is served (src/routes/embed.js).
		expect(frame.title).toBe('__TITLE__');
		expect(frame.src).toBe('https://news.example/graphics/story/embed/');
		expect(frame.parentElement).toBe(target);
	});

	it('sizes the frame to the height it reports, and to nothing else', async () => {
		const { frame, receive } = await load();
		receive(heightMessage(4321.2));
		expect(frame.style.height).toBe('4322px');
		receive({ ns: NS, type: 'height', height: 5 });
		receive({ ns: NS, type: 'height', height: '9000' });
		receive(heightMessage(6000), { origin: 'https://elsewhere.example' });
		receive(heightMessage(6000), { source: window });
		expect(frame.style.height).toBe('4322px');
	});

	it('scrolls the host to a point of the frame it names, within a real document', async () => {
		const { receive } = await load();
		const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
		window.matchMedia = ((query: string) => ({ matches: false, media: query })) as never;
		receive(scrollToMessage(1200));
		expect(scrollTo).toHaveBeenCalledTimes(1);
		expect((scrollTo.mock.calls[0]![0] as ScrollToOptions).behavior).toBe('smooth');
		receive({ ns: NS, type: 'scroll-to', y: -50 });
		receive({ ns: NS, type: 'scroll-to', y: 1e9 });
		expect(scrollTo).toHaveBeenCalledTimes(1);
	});

	it('tells the frame where it sits only once the frame listens, once per frame of animation', async () => {
		const { inside, receive } = await load();
		const post = inside.postMessage;
		const frames: FrameRequestCallback[] = [];
		vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
			frames.push(callback);
			return frames.length;
		});
		window.dispatchEvent(new Event('scroll'));
		frames.splice(0).forEach((callback) => callback(0));
		expect(post).not.toHaveBeenCalled();

		receive(readyMessage);
		window.dispatchEvent(new Event('scroll'));
		window.dispatchEvent(new Event('resize'));
		frames.splice(0).forEach((callback) => callback(0));
		expect(post).toHaveBeenCalledTimes(1);
		const [message, origin] = post.mock.calls[0]!;
		expect(message).toMatchObject({ ns: NS, type: 'viewport' });
		expect(origin).toBe('https://news.example');
	});
});
