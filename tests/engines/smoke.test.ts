import { afterAll, describe, it } from 'vitest';
import { chromiumEngine } from './chromium';
import { firefoxEngine } from './firefox';
import { scenarios } from './scenarios';
import { webkitEngine } from './webkit';

for (const engine of [chromiumEngine, firefoxEngine, webkitEngine]) {
	const missing = engine.missing();
	// CI installs every engine (.ci/run): there, a missing one is a failure, not a skip.
	if (missing && process.env.CI) throw new Error(`${engine.name}: ${missing}`);
	if (missing) console.warn(`Skipping ${engine.name}: ${missing}`);

	describe.skipIf(!!missing)(engine.name, () => {
		afterAll(() => engine.shutdown());
		for (const scenario of scenarios) it(scenario.name, () => scenario.run(engine));
	});
}
