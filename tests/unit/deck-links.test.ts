import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL, presenterLink, speakerLink, type DeckMessage } from '$lib/present/deck.svelte';

afterEach(() => vi.unstubAllGlobals());

describe('the presenter and the speaker view, in one browser', () => {
	it('carry commands one way and the deck’s state the other, over the channel; anything else is ignored', async () => {
		vi.stubGlobal('window', Object.assign(new EventTarget(), { opener: null }));
		const heard = { presenter: [] as DeckMessage[], speaker: [] as DeckMessage[] };
		const presenter = presenterLink((m) => heard.presenter.push(m));
		const speaker = speakerLink((m) => heard.speaker.push(m));
		const stranger = new BroadcastChannel(CHANNEL);
		try {
			speaker.post({ type: 'hello' });
			speaker.post({ type: 'command', command: 'next' });
			presenter.post({ type: 'state', slide: 2, blank: false });
			stranger.postMessage({ type: 'command', command: 'rm -rf' });
			stranger.postMessage({ type: 'state', slide: 0, blank: false });
			await vi.waitFor(() => {
				expect(heard.presenter).toHaveLength(2);
				expect(heard.speaker).toHaveLength(1);
			});
			await new Promise((resolve) => setTimeout(resolve, 20));
			expect(heard.presenter).toEqual([{ type: 'hello' }, { type: 'command', command: 'next' }]);
			expect(heard.speaker).toEqual([{ type: 'state', slide: 2, blank: false }]);
		} finally {
			presenter.close();
			speaker.close();
			stranger.close();
		}
	});
});
