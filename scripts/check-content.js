// npm run check:content: checks src/content/story.aml against its schema and the source text,
// without building. Prints each problem as file:line field: message, then "story.aml: N problems"
// (exit 1) or "story.aml: ok".
import { runnerImport } from 'vite';

const { module } = await runnerImport('/src/lib/content/vite-plugin.ts', {
	configFile: false,
	logLevel: 'silent'
});
const checked = module.checkStory();
if (checked.error) console.error(module.problemList(checked.error));
console.log(module.summary(checked));
process.exitCode = checked.error ? 1 : 0;
