import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** What builds the project: `npm run build` needs these and node_modules, nothing else. */
export const PROJECT_FILES = [
	'src',
	'static',
	'vite',
	'scripts',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'tsconfig.json'
];

/**
 * A copy of what builds the project, in a temporary folder, with this tree's node_modules: for
 * tests about `npm run build` itself (both its steps) (bad copy, a missing setting) that must not touch build/.
 */
export function copyProject(prefix = 'story-copy-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	for (const path of PROJECT_FILES) cpSync(path, join(dir, path), { recursive: true });
	symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}
