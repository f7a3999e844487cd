import { describe, expect, it } from 'vitest';
import { ActiveStep } from '$lib/scroll/active-step.svelte';

describe('the active step', () => {
	const steps = ['intro', 'konstantin', 'anna'] as const;

	it('starts on the first step', () => {
		const active = new ActiveStep(steps);
		expect(active.current).toBe('intro');
		expect(active.readerMoved).toBe(false);
	});

	it('moves to known steps and ignores anything else (a stray hash)', () => {
		const active = new ActiveStep(steps);
		expect(active.set('anna')).toBe(true);
		expect(active.current).toBe('anna');
		expect(active.set('#anna')).toBe(false);
		expect(active.set('')).toBe(false);
		expect(active.set(undefined)).toBe(false);
		expect(active.current).toBe('anna');
	});
});
