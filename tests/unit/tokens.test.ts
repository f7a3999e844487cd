import { describe, expect, it } from 'vitest';
import { COLORS } from '$lib/map/share-card.server';
import { lightColour } from '$lib/styles/tokens.server';

describe('the share pictures’ colours', () => {
	it('are the page’s light-scheme tokens, each a colour, and a missing token fails the build', () => {
		expect(COLORS.paper).toBe('#f7f4ee');
		expect(COLORS.muted).toBe(lightColour('ink-muted'));
		for (const colour of Object.values(COLORS)) expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
		expect(new Set(Object.values(COLORS)).size).toBe(Object.keys(COLORS).length);
		expect(() => lightColour('no-such-token')).toThrow('--no-such-token');
	});
});
