import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyModule, whenIdle } from '$lib/motion/lazy-module';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('a module fetched when first needed', () => {
	it('is fetched once, however often it is needed', async () => {
		const load = vi.fn(async () => 'gsap');
		const need = lazyModule(load);
		expect(await Promise.all([need(), need()])).toEqual(['gsap', 'gsap']);
		expect(await need()).toBe('gsap');
		expect(load).toHaveBeenCalledOnce();
	});

	it('after a failed fetch, is fetched again by the next need (a page restored after leaving mid-fetch)', async () => {
		const load = vi
			.fn<() => Promise<string>>()
			.mockRejectedValueOnce(new TypeError('Importing a module script failed.'))
			.mockResolvedValue('gsap');
		const need = lazyModule(load);
		await expect(need()).rejects.toThrow('Importing a module script failed.');
		expect(await need()).toBe('gsap');
		expect(await need()).toBe('gsap');
		expect(load).toHaveBeenCalledTimes(2);
	});
});

describe('work left for when the browser is idle', () => {
	it('waits for the idle callback where there is one', () => {
		const idle: (() => void)[] = [];
		vi.stubGlobal('requestIdleCallback', (fn: () => void) => idle.push(fn));
		const fn = vi.fn();
		whenIdle(fn);
		expect(fn).not.toHaveBeenCalled();
		idle.forEach((run) => run());
		expect(fn).toHaveBeenCalledOnce();
	});

	it('waits 1.5 s where the browser cannot say (Safari)', () => {
		vi.useFakeTimers();
		vi.stubGlobal('requestIdleCallback', undefined);
		const fn = vi.fn();
		whenIdle(fn);
		vi.advanceTimersByTime(1499);
		expect(fn).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(fn).toHaveBeenCalledOnce();
	});
});
