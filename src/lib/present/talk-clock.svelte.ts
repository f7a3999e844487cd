import { elapsed, formatClock, startTimer, togglePause } from './talk-timer';

/** How long a first press of Restart waits for the second that confirms it. */
export const CONFIRM_MS = 4000;

/**
 * The speaker view's clock: the time of day and the talk's elapsed time, which pauses, and
 * restarts only on a second press within CONFIRM_MS (a restart loses the talk's timing).
 */
export class TalkClock {
	now = $state(Date.now());
	timer = $state(startTimer(Date.now()));
	confirmingRestart = $state(false);
	readonly spent = $derived(elapsed(this.timer, this.now));
	readonly paused = $derived(this.timer.pausedAt !== undefined);
	readonly clock = $derived(formatClock(this.now));
	#confirming: ReturnType<typeof setTimeout> | undefined;

	/** Ticks each second; returns the cleanup. */
	start(): () => void {
		const tick = setInterval(() => (this.now = Date.now()), 1000);
		return () => {
			clearInterval(tick);
			clearTimeout(this.#confirming);
		};
	}

	pause = () => {
		this.timer = togglePause(this.timer, Date.now());
		this.now = Date.now();
	};

	restart = () => {
		clearTimeout(this.#confirming);
		if (!this.confirmingRestart) {
			this.confirmingRestart = true;
			this.#confirming = setTimeout(() => (this.confirmingRestart = false), CONFIRM_MS);
			return;
		}
		this.confirmingRestart = false;
		this.timer = startTimer(Date.now());
		this.now = Date.now();
	};
}
