import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { waitFor } from '../../scripts/wait-for.js';
import { runPorts } from '../ports';

const [root, embed, host] = runPorts('engines', 3) as [number, number, number];
/** The built site with the error probe, its second origin for the embed, and a partner's page. */
export const ROOT = `http://localhost:${root}/`;
export const EMBED_ORIGIN = `http://127.0.0.1:${embed}/`;
export const HOST = `http://localhost:${host}/`;

const PROBE = 'tests/engines/probe.js';

/** vitest globalSetup: serves build/ for the engine smoke tests, and stops the servers after. */
export default async function serve(): Promise<() => void> {
	if (!existsSync('build/index.html')) throw new Error('No build/: run `npm run build` first.');
	const servers: ChildProcess[] = [
		spawn('node', ['scripts/serve.js', '--port', String(root), '--inject', PROBE], {
			stdio: 'ignore'
		}),
		spawn(
			'node',
			['scripts/serve.js', '--port', String(embed), '--host', '127.0.0.1', '--inject', PROBE],
			{ stdio: 'ignore' }
		),
		spawn('node', ['scripts/embed-host.js', '--port', String(host), '--embed', EMBED_ORIGIN], {
			stdio: 'ignore'
		})
	];
	await Promise.all([ROOT, EMBED_ORIGIN, HOST].map(waitFor));
	return () => servers.forEach((s) => s.kill());
}
