import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { WP_HEIGHT, connectWpEmbed, frameHeight, isWpReady, wpSecret } from '$lib/embed/wp-embed';

describe("WordPress's secret in the frame's address", () => {
	it('is read from #?secret=', () => {
		expect(wpSecret('#?secret=Ab3xY9kQ2z')).toBe('Ab3xY9kQ2z');
	});
	it.each([
		'',
		'#oleg',
		'#?secret=',
		'#?secret=a"b',
		'#?secret=abc&x=1',
		'#secret=abc',
		'?secret=abc'
	])('is not read from %j', (hash) => expect(wpSecret(hash)).toBeUndefined());
});

describe('the height the frame asks for', () => {
	it('is most of the screen, within WordPress’s limits', () => {
		expect(frameHeight(844)).toBe(675);
		expect(frameHeight(800)).toBe(640);
		expect(frameHeight(2160)).toBe(WP_HEIGHT.max);
		expect(frameHeight(360)).toBe(480);
		expect(frameHeight(Number.NaN)).toBe(480);
	});
	it('is whole pixels between 480 and 1000 for any screen', () => {
		fc.assert(
			fc.property(fc.double(), (h) => {
				const height = frameHeight(h);
				return Number.isInteger(height) && height >= 480 && height <= WP_HEIGHT.max;
			}),
			{ seed: 22 }
		);
	});
});

describe("WordPress's ready", () => {
	const secret = 'Ab3xY9kQ2z';
	it('is its message with this secret only', () => {
		expect(isWpReady({ message: 'ready', secret }, secret)).toBe(true);
		expect(isWpReady({ message: 'ready', secret: 'Ab3xY9kQ2Z' }, secret)).toBe(false);
		expect(isWpReady({ message: 'height', secret }, secret)).toBe(false);
		expect(isWpReady(JSON.stringify({ message: 'ready', secret }), secret)).toBe(false);
		expect(isWpReady(null, secret)).toBe(false);
	});
	it('is never anything else (2,000 generated messages)', () => {
		const near = fc.oneof(
			fc.constant(secret),
			fc.constant(secret.toLowerCase()),
			fc.constant(`${secret} `),
			fc.constant(secret.slice(1)),
			fc.string(),
			fc.anything()
		);
		const message = fc.oneof(
			fc.record({ message: fc.constantFrom('ready', 'READY', 'height', 'link'), secret: near }),
			fc.record(
				{ message: fc.anything(), secret: near, value: fc.anything() },
				{ requiredKeys: [] }
			),
			fc.anything()
		);
		fc.assert(
			fc.property(message, (data) => {
				const exact =
					typeof data === 'object' &&
					data !== null &&
					(data as Record<string, unknown>).message === 'ready' &&
					(data as Record<string, unknown>).secret === secret;
				return isWpReady(data, secret) === exact;
			}),
			{ seed: 22, numRuns: 2000 }
		);
	});
});

describe('the frame speaking wp-embed', () => {
	function frame() {
		const parent = { postMessage: vi.fn() };
		const win = Object.assign(new EventTarget(), {
			parent,
			screen: { availHeight: 844 },
			location: { href: 'https://example.org/story/embed/frame/#?secret=abc' },
			document: new EventTarget()
		});
		return { win, parent, sent: () => parent.postMessage.mock.calls.map(([m]) => m) };
	}
	const message = (data: unknown, source: unknown) =>
		Object.assign(new Event('message'), { data, source });

	it('sends its height at once, again on ready from its parent only, and stops when undone', () => {
		const { win, parent, sent } = frame();
		const stop = connectWpEmbed(win as unknown as Window, 'abc');
		expect(sent()).toEqual([{ message: 'height', value: 675, secret: 'abc' }]);
		win.dispatchEvent(message({ message: 'ready', secret: 'abc' }, {}));
		win.dispatchEvent(message({ message: 'ready', secret: 'abd' }, parent));
		expect(sent()).toHaveLength(1);
		win.dispatchEvent(message({ message: 'ready', secret: 'abc' }, parent));
		expect(sent()).toHaveLength(2);
		stop();
		win.dispatchEvent(message({ message: 'ready', secret: 'abc' }, parent));
		expect(sent()).toHaveLength(2);
	});

	it('turns a link that leaves the story into a link message, and leaves chapters alone', () => {
		const { win, sent } = frame();
		connectWpEmbed(win as unknown as Window, 'abc');
		const click = (link: object | null) => {
			const event = Object.assign(new Event('click', { cancelable: true }), {});
			Object.defineProperty(event, 'target', { value: { closest: () => link } });
			win.document.dispatchEvent(event);
			return event.defaultPrevented;
		};
		expect(click({ href: 'https://example.org/story/', target: '_blank' })).toBe(true);
		expect(sent().at(-1)).toEqual({
			message: 'link',
			value: 'https://example.org/story/',
			secret: 'abc'
		});
		expect(click(null)).toBe(false);
		expect(click({ href: 'javascript:alert(1)', target: '_blank' })).toBe(false);
		expect(sent()).toHaveLength(2);
	});
});
