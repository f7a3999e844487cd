import { describe, expect, it } from 'vitest';
import { navigationOf, taskFigures, tasksOf } from '../../scripts/main-thread.js';

const URL_ = 'http://localhost:4180/';
const main = { pid: 7, tid: 1 };
const nav = (ts: number, url = URL_, mainFrame = true) => ({
	name: 'navigationStart',
	ph: 'R',
	ts,
	...main,
	args: { data: { documentLoaderURL: url, isLoadingMainFrame: mainFrame } }
});
/** A task of `ms` starting `at` ms after 1,000,000 µs, on the main thread unless told. */
const task = (at: number, ms: number, name = 'RunTask', where = main) => ({
	name,
	ph: 'X',
	ts: 1_000_000 + at * 1000,
	dur: ms * 1000,
	...where
});

describe('the main thread in a trace (scripts/main-thread.js)', () => {
	it('finds the main frame’s last navigation to the page, not a frame’s or another page’s', () => {
		const events = [
			nav(10, URL_),
			{ ...nav(20, 'http://localhost:4180/embed/'), pid: 9 },
			{ ...nav(30, URL_, false), pid: 11 },
			{ ...nav(40, URL_), pid: 8, tid: 3 }
		];
		expect(navigationOf(events, URL_)).toEqual({ pid: 8, tid: 3, ts: 40 });
		expect(() => navigationOf(events, 'http://elsewhere/')).toThrow(/no navigationStart/);
	});

	it('counts top-level tasks of that thread only, once, cut to the window', () => {
		const thread = { ...main, ts: 1_000_000 };
		const events = [
			task(0, 30),
			// Inside the first one: the same work seen by another event.
			task(5, 10, 'ThreadControllerImpl::RunTask'),
			task(40, 5, 'ThreadControllerImpl::RunTask'),
			// Another thread's, another process's, and an event that is no task.
			task(50, 100, 'RunTask', { pid: 7, tid: 2 }),
			task(50, 100, 'RunTask', { pid: 9, tid: 1 }),
			{ ...task(60, 100, 'Layout'), ph: 'X' },
			// Across the window's end.
			task(95, 20)
		];
		expect(tasksOf(events, thread, 0, 100)).toEqual([
			{ start: 0, end: 30 },
			{ start: 40, end: 45 },
			{ start: 95, end: 100 }
		]);
		expect(tasksOf(events, thread, 20, 42)).toEqual([
			{ start: 20, end: 30 },
			{ start: 40, end: 42 }
		]);
	});

	it('sums the work, takes the longest, and counts the time over the threshold', () => {
		const tasks = [
			{ start: 0, end: 30 },
			{ start: 40, end: 45 },
			{ start: 50, end: 63 }
		];
		expect(taskFigures(tasks)).toEqual({ workMs: 48, longestMs: 30, overMs: 17.5 + 0.5 });
		expect(taskFigures([])).toEqual({ workMs: 0, longestMs: 0, overMs: 0 });
	});
});
