import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// The house rule: every module under src/lib has a test of its own. A test of its own imports it:
// a module exercised only through another one, or only in a browser test, fails here. Components
// (.svelte) are drawn by the browser tests and the static-markup test.
const files = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]
	);

it('imports every module under src/lib in some test', () => {
	const modules = files('src/lib')
		.filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
		.map((file) => file.slice('src/lib/'.length).replace(/\.(ts|js)$/, ''));
	const tests = files('tests')
		.filter((file) => /\.(ts|js)$/.test(file))
		.map((file) => readFileSync(file, 'utf8'))
		.join('\n');
	expect(modules.length).toBeGreaterThan(50);
	const imported = (module: string) =>
		new RegExp(
			`from '(\\$lib|(\\.\\./)+src/lib)/${module.replace(/\./g, '\\.')}(\\.(ts|js))?'`
		).test(tests) || new RegExp(`import\\('\\$lib/${module.replace(/\./g, '\\.')}'\\)`).test(tests);
	expect(modules.filter((module) => !imported(module))).toEqual([]);
});
