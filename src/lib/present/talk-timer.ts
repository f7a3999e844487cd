/**
 * The talk's elapsed time, which pauses and resumes. Pure: the page passes the time, so a test
 * can too. A restart is the caller's to confirm: it loses the talk's timing.
 */
export interface TalkTimer {
	readonly startedAt: number;
	/** When the timer was paused, while it is. */
	readonly pausedAt?: number;
	/** Time spent paused before the current pause. */
	readonly pausedFor: number;
}

export const startTimer = (now: number): TalkTimer => ({ startedAt: now, pausedFor: 0 });

export const elapsed = (timer: TalkTimer, now: number): number =>
	Math.max(0, (timer.pausedAt ?? now) - timer.startedAt - timer.pausedFor);

/** Pauses a running timer, resumes a paused one. */
export function togglePause(timer: TalkTimer, now: number): TalkTimer {
	if (timer.pausedAt === undefined) return { ...timer, pausedAt: now };
	return {
		startedAt: timer.startedAt,
		pausedFor: timer.pausedFor + (now - timer.pausedAt)
	};
}

/** mm:ss, minutes counting on past an hour. */
export function formatElapsed(ms: number): string {
	const seconds = Math.floor(ms / 1000);
	const two = (n: number) => String(n).padStart(2, '0');
	return `${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
}
