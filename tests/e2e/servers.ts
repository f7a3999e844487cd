import { runPorts } from '../ports';

const [root, subpath, embed, host] = runPorts('e2e', 4) as [number, number, number, number];
/** The built site, served twice by scripts/serve.js: at an origin's root and under a subpath. */
export const ROOT = `http://localhost:${root}/`;
export const SUBPATH = `http://localhost:${subpath}/graphics/2022/mobilization/`;
/** The build again, as a partner embeds it: another origin than the host page's. */
export const EMBED_ORIGIN = `http://127.0.0.1:${embed}/`;
/** A news site's article page with the story embedded (scripts/embed-host.js). */
export const HOST_ORIGIN = `http://localhost:${host}/`;

/** Playwright's webServer list for these four (the e2e suite and the generated paths share it): always this run's build. */
export const webServers = [
	{ command: `node scripts/serve.js --port ${root}`, url: ROOT },
	{
		command: `node scripts/serve.js --port ${subpath} --base /graphics/2022/mobilization/`,
		url: SUBPATH
	},
	{ command: `node scripts/serve.js --port ${embed} --host 127.0.0.1`, url: EMBED_ORIGIN },
	{ command: `node scripts/embed-host.js --port ${host} --embed ${EMBED_ORIGIN}`, url: HOST_ORIGIN }
];
