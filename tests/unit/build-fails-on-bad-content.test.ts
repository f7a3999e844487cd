import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

// The contract is about `npm run build`, not only the parser: build a copy of the project whose
// content file has a bad age, and expect the build to stop with the file, line and field.
const copy = mkdtempSync(join(tmpdir(), 'story-build-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

it(
	'npm run build fails on bad content, naming the line and the field',
	{ timeout: 120_000 },
	() => {
		for (const entry of [
			'src',
			'static',
			'svelte.config.js',
			'vite.config.ts',
			'tsconfig.json',
			'package.json'
		]) {
			cpSync(entry, join(copy, entry), { recursive: true });
		}
		symlinkSync(resolve('node_modules'), join(copy, 'node_modules'), 'dir');
		const aml = join(copy, 'src/content/story.aml');
		const lines = readFileSync(aml, 'utf8').split('\n');
		const line = lines.indexOf('age: 58') + 1;
		lines[line - 1] = 'age: fifty-eight';
		writeFileSync(aml, lines.join('\n'));

		const build = spawnSync('npm', ['run', 'build'], { cwd: copy, encoding: 'utf8' });
		expect(build.status).not.toBe(0);
		expect(build.stdout + build.stderr).toContain(
			`src/content/story.aml:${line} accounts[2].people[0].age: must be a whole number in digits, grouped like 200,000`
		);
	}
);
