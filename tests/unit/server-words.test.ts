import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { copyProject } from '../project-copy';

// The story's words reach the browser only as the static parts' markup: the whole story is a
// `.server` module, which Kit refuses in browser code. Build a copy whose hydrated chapter control
// reads it, and expect the build to stop and say so.
const copy = copyProject('story-words-');
afterAll(() => rmSync(copy, { recursive: true, force: true }));

it(
	'npm run build fails when a hydrated component reads the whole story',
	{ timeout: 120_000 },
	() => {
		const file = join(copy, 'src/lib/components/ChapterNav.svelte');
		const source = readFileSync(file, 'utf8');
		writeFileSync(
			file,
			source.replace(
				'<script lang="ts">',
				`<script lang="ts">\n\timport { serverStory } from '$lib/story/story.server';\n\tconsole.log(serverStory().dek);`
			)
		);
		expect(readFileSync(file, 'utf8')).toContain('serverStory');

		// Kit's guard stands down where TEST=true, which vitest sets: the build runs as `npm run build`.
		const env = { ...process.env };
		delete env.TEST;
		const build = spawnSync('npm', ['run', 'build'], { cwd: copy, encoding: 'utf8', env });
		expect(build.status).not.toBe(0);
		expect(build.stdout + build.stderr).toContain(
			'Cannot import $lib/story/story.server.ts into code that runs in the browser'
		);
	}
);
