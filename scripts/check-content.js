// npm run check:content: checks src/content/story.aml against its schema and the source text,
// without building. Prints each problem as file:line field: message, then "story.aml: N problems"
// (exit 1) or "story.aml: ok".
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runnerImport } from 'vite';

// The tsconfig extends Kit's generated one: a fresh clone has none until Kit's sync has run (2 s more, once).
if (!existsSync('.svelte-kit/tsconfig.json')) {
	execFileSync(process.execPath, ['node_modules/@sveltejs/kit/svelte-kit.js', 'sync'], {
		stdio: 'inherit'
	});
}

const { module } = await runnerImport('/vite/story-content.ts', {
	configFile: false,
	logLevel: 'silent'
});
const checked = module.checkStory();
if (checked.error) console.error(module.problemList(checked.error));
console.log(module.summary(checked));
process.exitCode = checked.error ? 1 : 0;
