import { execFileSync } from 'node:child_process';

/**
 * Ports for one test run's servers, free when it starts, so a running `npm start` (4173) or
 * `npm run dev` is no obstacle. Chosen once, in the runner's process, and kept in the
 * environment: the workers it starts inherit it and serve or visit the same addresses.
 */
export function runPorts(name: string, count: number): number[] {
	const key = `TEST_PORTS_${name.toUpperCase()}`;
	process.env[key] ??= freePorts(count).join(',');
	return process.env[key].split(',').map(Number);
}

/** Ports the system hands out as free, asked in a child process: a config cannot wait for a promise. */
function freePorts(count: number): number[] {
	const script = `
		const net = require('node:net');
		const servers = Array.from({ length: ${count} }, () => net.createServer().listen(0));
		Promise.all(servers.map((s) => new Promise((r) => s.on('listening', r)))).then(() => {
			console.log(servers.map((s) => s.address().port).join(','));
			servers.forEach((s) => s.close());
		});`;
	return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })
		.trim()
		.split(',')
		.map(Number);
}
