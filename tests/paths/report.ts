import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What one piece of a surface's run found. scripts/paths.js adds up every piece of a surface and
 * prints the table; a piece is written even when its test fails, so a failure still shows its count.
 */
export interface SurfaceReport {
	/** The browser engine walks ran in (messages and mutations: none). */
	engine?: string;
	/** e.g. "story 360x640", "loader messages", "story.aml mutations". */
	surface: string;
	/** Walks, messages or mutations tried. */
	runs: number;
	/** Runs that ended wrong: a picture unlike the deep link's, a message accepted that should not be, a crash. */
	wrong: number;
	/** Messages: accepted as valid (from the right window and origin). Mutations: accepted although the story changed. */
	accepted?: number;
	/** Messages and mutations: rejected (mutations: with a line and a field). */
	rejected?: number;
	/** Mutations: the parsed story equals the original's. */
	harmless?: number;
	/** Mutations and messages: exceptions thrown (anything but a located content error). */
	crashed?: number;
	/** Mutations: rejected without a line or a field. */
	unlocated?: number;
	/** Walks: settled pictures compared with the deep link's. */
	pictures?: number;
}

/** Where the pieces go: outside test-results/, which Playwright empties when it starts. */
export const REPORT_DIR = 'paths-results';

export function writeReport(piece: string, report: SurfaceReport): void {
	mkdirSync(REPORT_DIR, { recursive: true });
	writeFileSync(
		join(REPORT_DIR, `${piece.replace(/[^a-z0-9]+/gi, '-')}.json`),
		JSON.stringify(report)
	);
}

const int = (name: string, fallback: number) => {
	const n = Number(process.env[name]);
	return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * The run's size and seed, set by scripts/paths.js (`npm run test:paths -- --runs N --seed S`).
 * Defaults are what `npm test` runs: fixed seeds, a few walks per surface, the full message and
 * mutation counts (they take seconds).
 */
export const RUN = {
	/** Generated walks in all, shared among the walked surfaces. */
	walks: int('PATHS_RUNS', 12),
	messages: int('PATHS_MESSAGES', 10_000),
	mutations: int('PATHS_MUTATIONS', 240),
	seed: int('PATHS_SEED', 20220921),
	/** Replays one generated walk: "<surface>#<index>", as a failing run prints it. */
	only: process.env.PATHS_ONLY
};
