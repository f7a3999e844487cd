import type { Command } from './slides';

/** Where the presentation is: the slide (1-based) and whether the screen is blanked. */
export class Deck {
	current = $state(1);
	blank = $state(false);
	readonly total: number;

	constructor(total: number, start = 1) {
		this.total = total;
		this.current = Math.min(Math.max(start, 1), total);
	}

	go(n: number) {
		this.current = Math.min(Math.max(Math.round(n), 1), this.total);
	}

	/** Applies a command; fullscreen belongs to the page, so it is left to the caller. */
	run(command: Command) {
		if (command === 'next') this.go(this.current + 1);
		else if (command === 'previous') this.go(this.current - 1);
		else if (command === 'first') this.go(1);
		else if (command === 'last') this.go(this.total);
		else if (command === 'blank') this.blank = !this.blank;
		else if (command === 'escape') this.blank = false;
	}
}

/** One channel for the presenter and its notes window, in the same browser. */
export const CHANNEL = 'mobilization-voices-present';

export type DeckMessage =
	| { type: 'state'; slide: number; blank: boolean }
	| { type: 'command'; command: Command }
	| { type: 'hello' };
