// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostViewport } from '$lib/embed/host-viewport.svelte';
import { jumpTo } from '$lib/scroll/jump';

let reduced = false;
beforeEach(() => {
	reduced = false;
	vi.stubGlobal('matchMedia', () => ({ matches: reduced }));
});
afterEach(() => {
	vi.unstubAllGlobals();
	document.body.replaceChildren();
});

/** An account as the story draws it: a section whose h2 takes focus. */
function account() {
	const section = document.createElement('section');
	section.innerHTML = '<h2 tabindex="-1">Oleg</h2><p>Words</p>';
	document.body.append(section);
	const scroll = vi.fn();
	section.scrollIntoView = scroll;
	const h2 = section.querySelector('h2')!;
	const focus = vi.spyOn(h2, 'focus');
	return { section, scroll, h2, focus };
}

const host = (known: boolean) => ({ known, jump: vi.fn() }) as unknown as HostViewport;

describe('jumpTo', () => {
	it('scrolls the account smoothly to the top of the view and moves focus without a second scroll', () => {
		const { section, scroll, h2, focus } = account();
		jumpTo(section);
		expect(scroll).toHaveBeenCalledWith({ behavior: 'smooth', block: 'start' });
		expect(focus).toHaveBeenCalledWith({ preventScroll: true });
		expect(document.activeElement).toBe(h2);
	});

	it('jumps without animation for a reader who asks for reduced motion', () => {
		reduced = true;
		const { section, scroll } = account();
		jumpTo(section);
		expect(scroll).toHaveBeenCalledWith({ behavior: 'instant', block: 'start' });
	});

	it('in an embed whose host has spoken, asks the host to scroll instead of the frame', () => {
		const { section, scroll, focus } = account();
		const known = host(true);
		jumpTo(section, known);
		expect(known.jump).toHaveBeenCalledWith(section);
		expect(scroll).not.toHaveBeenCalled();
		expect(focus).toHaveBeenCalledWith({ preventScroll: true });
	});

	it('scrolls itself while the host’s geometry is still unknown', () => {
		const { section, scroll } = account();
		const unknown = host(false);
		jumpTo(section, unknown);
		expect(unknown.jump).not.toHaveBeenCalled();
		expect(scroll).toHaveBeenCalledOnce();
	});

	it('still scrolls a target without a heading', () => {
		const target = document.createElement('div');
		target.scrollIntoView = vi.fn();
		expect(() => jumpTo(target)).not.toThrow();
		expect(target.scrollIntoView).toHaveBeenCalledOnce();
	});
});
