import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefersReducedMotion } from '$lib/motion/motion';

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('prefersReducedMotion', () => {
	it('asks the reduced-motion media query and answers what it matches', () => {
		const query = vi.fn((q: string) => ({ matches: q === '(prefers-reduced-motion: reduce)' }));
		vi.stubGlobal('matchMedia', query);
		expect(prefersReducedMotion()).toBe(true);
		expect(query).toHaveBeenCalledWith('(prefers-reduced-motion: reduce)');

		vi.stubGlobal('matchMedia', () => ({ matches: false }));
		expect(prefersReducedMotion()).toBe(false);
	});

	it('is false where there is no matchMedia (the server, a prerender), rather than throwing', () => {
		vi.stubGlobal('matchMedia', undefined);
		expect(prefersReducedMotion()).toBe(false);
	});
});
