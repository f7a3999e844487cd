// What a page's renderer main thread did, read from a Chrome trace: the top-level tasks it ran
// (what the browser schedules: a parse, a script, a style and layout, a paint) inside a window of
// time. Plain JS: the bench imports it, and so do its tests.

/** The categories a trace needs for these figures. */
export const TRACE_CATEGORIES = [
	'toplevel',
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'blink.user_timing',
	'loading'
];

// The scheduler's task events, by Chrome version; a task inside another is part of it.
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadControllerImpl::DoWork']);

/**
 * @typedef {{ name: string, ph: string, ts: number, dur?: number, pid: number, tid: number,
 *   cat?: string, args?: any }} TraceEvent
 * @typedef {{ start: number, end: number }} Task  times in ms from the navigation's start
 */

/**
 * The navigation of `url` in the trace: its renderer main thread and when it started (µs).
 * The `navigationStart` mark of the main frame's document is written on that thread.
 * @param {TraceEvent[]} events
 * @param {string} url
 */
export function navigationOf(events, url) {
	const marks = events.filter(
		(e) =>
			e.name === 'navigationStart' &&
			e.args?.data?.isLoadingMainFrame &&
			e.args.data.documentLoaderURL === url
	);
	const mark = marks.at(-1);
	if (!mark) throw new Error(`no navigationStart for ${url} in the trace`);
	return { pid: mark.pid, tid: mark.tid, ts: mark.ts };
}

/**
 * The top-level tasks of one thread, in ms from `origin` (µs), cut to [from, to] ms.
 * @param {TraceEvent[]} events
 * @param {{ pid: number, tid: number, ts: number }} thread  `ts`: the origin, in µs
 * @param {number} from
 * @param {number} to
 * @returns {Task[]}
 */
export function tasksOf(events, { pid, tid, ts: origin }, from, to) {
	const candidates = events
		.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && TASKS.has(e.name))
		.map((e) => ({ start: (e.ts - origin) / 1000, end: (e.ts + (e.dur ?? 0) - origin) / 1000 }))
		.sort((a, b) => a.start - b.start || b.end - a.end);
	/** @type {Task[]} */
	const tasks = [];
	for (const task of candidates) {
		const last = tasks.at(-1);
		if (last && task.start < last.end) continue; // nested in the last one
		if (task.end <= from || task.start >= to) continue;
		tasks.push({ start: Math.max(task.start, from), end: Math.min(task.end, to) });
	}
	return tasks;
}

/**
 * The figures of a list of tasks: the time they took together, the longest, and the time over
 * `threshold` ms summed (Total Blocking Time's count: at 1x, 12.5 ms stands for 4x's 50 ms).
 * @param {Task[]} tasks
 * @param {number} [threshold]
 */
export function taskFigures(tasks, threshold = 12.5) {
	const durations = tasks.map((t) => t.end - t.start);
	return {
		workMs: durations.reduce((sum, d) => sum + d, 0),
		longestMs: Math.max(0, ...durations),
		overMs: durations.reduce((sum, d) => sum + Math.max(0, d - threshold), 0)
	};
}
