import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { copyProject } from '../project-copy';

// The contract is about `npm run build`, not only the parser: build a copy of the project whose
// content file has a bad age, and expect the build to stop with the file, line and field.
const copy = copyProject('story-build-');
afterAll(() => rmSync(copy, { recursive: true, force: true }));

it(
	'npm run build fails on bad content, naming the line and the field',
	{ timeout: 120_000 },
	() => {
		const aml = join(copy, 'src/content/story.aml');
		const lines = readFileSync(aml, 'utf8').split('\n');
		// The first account's first person's age.
		const line = lines.findIndex((l) => /^age: \d+$/.test(l)) + 1;
		lines[line - 1] = 'age: fifty-eight';
		writeFileSync(aml, lines.join('\n'));

		const build = spawnSync('npm', ['run', 'build'], { cwd: copy, encoding: 'utf8' });
		expect(build.status).not.toBe(0);
		expect(build.stdout + build.stderr).toContain(
			`src/content/story.aml:${line} accounts[0].people[0].age: must be a whole number in digits, grouped like 200,000`
		);
	}
);
