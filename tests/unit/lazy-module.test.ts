import { describe, expect, it, vi } from 'vitest';
import { lazyModule } from '$lib/motion/lazy-module';

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
