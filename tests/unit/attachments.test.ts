import { describe, expect, it, vi } from 'vitest';
import { onChild } from '$lib/on-child';
import { showOnly } from '$lib/present/show-only';

/** A box of server-drawn pages, as querySelectorAll finds them. */
function deck(count: number) {
	const pages = Array.from({ length: count }, (_, i) => ({
		dataset: { n: String(i + 1) },
		hidden: false
	}));
	const box = { querySelectorAll: () => pages } as unknown as HTMLElement;
	return { box, shown: () => pages.filter((p) => !p.hidden).map((p) => p.dataset.n) };
}

describe('showOnly', () => {
	it('shows the one page numbered n, and none for no number or one out of the deck', () => {
		const { box, shown } = deck(5);
		showOnly(3)(box);
		expect(shown()).toEqual(['3']);
		showOnly(5)(box);
		expect(shown()).toEqual(['5']);
		showOnly(undefined)(box);
		expect(shown()).toEqual([]);
		showOnly(6)(box);
		expect(shown()).toEqual([]);
	});
});

describe('onChild', () => {
	it('attaches to the first descendant matching, returns its cleanup, and does nothing without one', () => {
		const svg = { tagName: 'svg' } as unknown as Element;
		const cleanup = vi.fn();
		const attach = vi.fn(() => cleanup);
		const host = (child: Element | null) =>
			({ querySelector: vi.fn(() => child) }) as unknown as Element;

		const withSvg = host(svg);
		expect(onChild('svg', attach)(withSvg)).toBe(cleanup);
		expect(withSvg.querySelector).toHaveBeenCalledWith('svg');
		expect(attach).toHaveBeenCalledWith(svg);

		attach.mockClear();
		expect(onChild('svg', attach)(host(null))).toBeUndefined();
		expect(attach).not.toHaveBeenCalled();
	});
});
