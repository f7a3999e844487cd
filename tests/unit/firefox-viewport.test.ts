import { describe, expect, it } from 'vitest';
import { sizeViewport } from '../engines/firefox';

// Firefox ESR 140 (what Debian 12's main archive installed before an update) does not know the
// orientation command puppeteer sends beside the viewport size; ESR 153 does. Both must work.
const ESR_140_REFUSAL = new Error(
	'Protocol error (emulation.setScreenOrientationOverride): unknown command emulation.setScreenOrientationOverride'
);

/** A page as puppeteer's, whose setViewport fails (or not) and whose window is `size` after it. */
function fakePage(failure: Error | undefined, size: [number, number]) {
	return {
		setViewport: async () => {
			if (failure) throw failure;
			return undefined as never;
		},
		evaluate: async () => size as never
	};
}

describe('sizing Firefox’s viewport', () => {
	it('works where puppeteer’s every command is known (ESR 153)', async () => {
		await expect(sizeViewport(fakePage(undefined, [360, 640]), 360, 640)).resolves.toBeUndefined();
	});

	it('tolerates ESR 140’s unknown orientation command once the size is set', async () => {
		await expect(
			sizeViewport(fakePage(ESR_140_REFUSAL, [360, 640]), 360, 640)
		).resolves.toBeUndefined();
	});

	it('still fails when the size did not take', async () => {
		await expect(sizeViewport(fakePage(ESR_140_REFUSAL, [1280, 720]), 360, 640)).rejects.toThrow(
			'1280x720, not the 360x640'
		);
	});

	it('passes on any other error', async () => {
		await expect(
			sizeViewport(fakePage(new Error('no such frame'), [360, 640]), 360, 640)
		).rejects.toThrow('no such frame');
	});
});
