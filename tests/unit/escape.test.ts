import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText } from '$lib/escape';

/** What a browser's parser makes of the escapes. */
const unescape = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');

describe('the one escape', () => {
	const seed = { seed: 2022 };
	const copy = fc.string({
		unit: fc.constantFrom('a', ' ', '&', '<', '>', '"', "'", 'amp;', 'lt;')
	});

	it('writes any text as text: no tag can open, and the parser reads back the same text', () => {
		fc.assert(
			fc.property(copy, (s) => {
				const html = escapeText(s);
				expect(html).not.toMatch(/[<>]/);
				expect(unescape(html)).toBe(s);
			}),
			seed
		);
	});

	it('writes any value as a double-quoted attribute that it cannot leave', () => {
		fc.assert(
			fc.property(copy, (s) => {
				const value = escapeAttribute(s);
				expect(value).not.toMatch(/["<>]/);
				expect(unescape(value)).toBe(s);
			}),
			seed
		);
	});
});
