// @vitest-environment happy-dom
import { flushSync } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyAttachment } from '$lib/lazy-attachment.svelte';

/** A module load the test settles: `arrive` with the attachment, or `fail`. */
function loading() {
	let arrive!: (attach: Attachment<HTMLElement>) => void;
	let fail!: (error: Error) => void;
	const module = new Promise<Attachment<HTMLElement>>((resolve, reject) => {
		arrive = resolve;
		fail = reject;
	});
	// Settled before the attachment asks for it (a task later) is not an unhandled failure.
	module.catch(() => {});
	// A task later, the load's callbacks (microtasks) have run.
	const settled = () => new Promise<void>((resolve) => setTimeout(resolve));
	return { load: () => module, arrive, fail, settled };
}

afterEach(() => vi.restoreAllMocks());

describe('an attachment loaded once the element is in the page', () => {
	it('marks the element moving until its module arrives, then lets the attachment say', async () => {
		const node = document.createElement('div');
		const { load, arrive, settled } = loading();
		lazyAttachment(load)(node);
		expect(node.dataset.motion).toBe('running');

		let seen: string | undefined = 'not run';
		arrive((el) => {
			seen = el.dataset.motion;
		});
		await settled();
		// Cleared before the attachment starts, so one that moves at once can set it again.
		expect(seen).toBeUndefined();
		expect(node.dataset.motion).toBeUndefined();

		const moving = document.createElement('div');
		const second = loading();
		lazyAttachment(second.load)(moving);
		second.arrive((el) => void (el.dataset.motion = 'running'));
		await second.settled();
		expect(moving.dataset.motion).toBe('running');
	});

	it("runs the attachment in an effect root: its effects follow state, and stop when it's removed", async () => {
		const node = document.createElement('div');
		const { load, arrive, settled } = loading();
		const detach = lazyAttachment(load)(node) as () => void;

		let count = $state(1);
		const cleanup = vi.fn();
		arrive((el) => {
			$effect(() => {
				el.textContent = String(count);
			});
			return cleanup;
		});
		await settled();
		flushSync();
		expect(node.textContent).toBe('1');
		count = 2;
		flushSync();
		expect(node.textContent).toBe('2');

		node.dataset.motion = 'running';
		detach();
		expect(cleanup).toHaveBeenCalledOnce();
		expect(node.dataset.motion).toBeUndefined();
		count = 3;
		flushSync();
		expect(node.textContent).toBe('2');
	});

	it('asks for its module in a task after the one that attached it, and not at all once removed', async () => {
		const load = vi.fn(() => new Promise<Attachment<HTMLElement>>(() => {}));
		lazyAttachment(load)(document.createElement('div'));
		expect(load).not.toHaveBeenCalled();
		await new Promise((resolve) => setTimeout(resolve));
		expect(load).toHaveBeenCalledOnce();

		const removed = vi.fn(() => new Promise<Attachment<HTMLElement>>(() => {}));
		(lazyAttachment(removed)(document.createElement('div')) as () => void)();
		await new Promise((resolve) => setTimeout(resolve));
		expect(removed).not.toHaveBeenCalled();
	});

	it('never starts on an element removed before its module arrived', async () => {
		const node = document.createElement('div');
		const { load, arrive, settled } = loading();
		const detach = lazyAttachment(load)(node) as () => void;
		detach();
		expect(node.dataset.motion).toBeUndefined();

		const attach = vi.fn();
		arrive(attach);
		await settled();
		expect(attach).not.toHaveBeenCalled();
		expect(node.dataset.motion).toBeUndefined();
	});

	it('hands the element to the fallback when the module cannot load, and says why', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const node = document.createElement('div');
		const { load, fail, settled } = loading();
		const fallBack = vi.fn();
		lazyAttachment(load, fallBack)(node);
		const error = new TypeError('Importing a module script failed.');
		fail(error);
		await settled();
		expect(fallBack).toHaveBeenCalledExactlyOnceWith(node);
		expect(node.dataset.motion).toBeUndefined();
		expect(warn).toHaveBeenCalledWith(expect.any(String), error);
	});

	it('hands the element to the fallback when the attachment fails as it starts', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const node = document.createElement('div');
		const { load, arrive, settled } = loading();
		const fallBack = vi.fn();
		lazyAttachment(load, fallBack)(node);
		const error = new Error('no svg yet');
		arrive(() => {
			throw error;
		});
		await settled();
		expect(fallBack).toHaveBeenCalledExactlyOnceWith(node);
		expect(node.dataset.motion).toBeUndefined();
		expect(warn).toHaveBeenCalledWith(expect.any(String), error);
	});

	it('leaves a removed element to itself when its module fails, and needs no fallback', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const fallBack = vi.fn();
		const removed = loading();
		const detach = lazyAttachment(removed.load, fallBack)(document.createElement('div'));
		await removed.settled();
		(detach as () => void)();
		removed.fail(new Error('gone'));
		await removed.settled();
		expect(fallBack).not.toHaveBeenCalled();

		const node = document.createElement('div');
		const bare = loading();
		lazyAttachment(bare.load)(node);
		bare.fail(new Error('gone'));
		await bare.settled();
		expect(node.dataset.motion).toBeUndefined();
		expect(warn).toHaveBeenCalledTimes(2);
	});
});
