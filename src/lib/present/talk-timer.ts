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

const two = (n: number) => String(n).padStart(2, '0');

/** mm:ss, minutes counting on past an hour. */
export function formatElapsed(ms: number): string {
	const seconds = Math.floor(ms / 1000);
	return `${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
}

/** The time of day on the speaker's screen: hh:mm. */
export function formatClock(ms: number): string {
	const date = new Date(ms);
	return `${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A slide's weight in the pacing plan: the words of its notes, and a floor for the short ones. */
export const slideWeight = (notes: string[]) =>
	Math.max(40, notes.join(' ').split(/\s+/).filter(Boolean).length);

/**
 * Where the talk stands against a target length. Each slide gets a share of the target in
 * proportion to its weight; on slide `n` (1-based) the talk is ahead (delta < 0) if less time has
 * passed than the slides before it were given, behind (delta > 0) once this slide's share has run
 * out, and on plan (0) in between.
 */
export function pacing(
	targetMs: number,
	weights: number[],
	n: number,
	elapsedMs: number
): { left: number; delta: number } {
	const total = weights.reduce((a, b) => a + b, 0) || 1;
	const before = weights.slice(0, n - 1).reduce((a, b) => a + b, 0);
	const start = (targetMs * before) / total;
	const end = (targetMs * (before + (weights[n - 1] ?? 0))) / total;
	const delta = elapsedMs < start ? elapsedMs - start : elapsedMs > end ? elapsedMs - end : 0;
	return { left: targetMs - elapsedMs, delta };
}

/** mm:ss with a minus sign for time over: the pacing's "left" runs past zero. */
export function formatSigned(ms: number): string {
	const seconds = Math.trunc(ms / 1000);
	return (seconds < 0 ? '−' : '') + formatElapsed(Math.abs(seconds) * 1000);
}
