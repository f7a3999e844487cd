import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';

/**
 * Servers and commands for the WordPress test bed: each in a process group of its own (PHP's
 * built-in server forks workers that outlive their parent), its output in a log file, every wait
 * bounded, every failure naming the step and the last lines of the log.
 */

export interface Server {
	name: string;
	pid: number;
	log: string;
	/** Why it stopped, or undefined while it runs. */
	exited(): string | undefined;
	/** SIGTERM to the whole group, SIGKILL after `grace` ms if any of it is still there. */
	stop(grace?: number): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The last lines of a log file, for an error message. */
export function tail(file: string, lines = 25): string {
	if (!existsSync(file)) return `(no ${file})`;
	const text = readFileSync(file, 'utf8').trimEnd();
	return text.split('\n').slice(-lines).join('\n') || '(empty)';
}

function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Starts a long-running server, detached, output appended to `log`. */
export function startServer(
	name: string,
	command: string,
	args: string[],
	options: { log: string; cwd?: string; env?: NodeJS.ProcessEnv }
): Server {
	const fd = openSync(options.log, 'a');
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', fd, fd]
	});
	closeSync(fd);
	let exit: string | undefined;
	child.on('error', (error) => (exit = `could not start: ${error.message}`));
	child.on(
		'exit',
		(code, signal) => (exit ??= signal ? `killed by ${signal}` : `exit code ${code}`)
	);
	// The runner may end without waiting for it; stop() ends it.
	child.unref();
	const pid = child.pid ?? -1;
	return {
		name,
		pid,
		log: options.log,
		exited: () => exit,
		async stop(grace = 10_000) {
			if (pid < 0) return;
			try {
				process.kill(-pid, 'SIGTERM');
			} catch {
				return;
			}
			for (const until = Date.now() + grace; Date.now() < until; await sleep(100)) {
				if (!groupAlive(pid)) return;
			}
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// Gone meanwhile.
			}
		}
	};
}

/** Stops every server's group at once, without waiting: for a runner that exits abruptly. */
export function killNow(servers: Server[]): void {
	for (const server of servers) {
		try {
			process.kill(-server.pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}
}

/**
 * Polls `check` until it returns true; fails after `timeout` ms, or as soon as one of `servers`
 * has exited, with the step's name and the servers' last log lines.
 */
export async function waitFor(
	step: string,
	check: () => Promise<boolean> | boolean,
	{ timeout, servers = [] }: { timeout: number; servers?: Server[] }
): Promise<void> {
	let last = '';
	for (const until = Date.now() + timeout; ; await sleep(200)) {
		const dead = servers.find((s) => s.exited());
		if (dead) {
			const others = servers.filter((s) => s !== dead);
			throw failure(`${step}: ${dead.name} stopped (${dead.exited()})`, [dead, ...others]);
		}
		try {
			if (await check()) return;
		} catch (error) {
			last = error instanceof Error ? error.message : String(error);
		}
		if (Date.now() > until) {
			throw failure(
				`${step}: not done after ${timeout / 1000} s${last ? ` (${last})` : ''}`,
				servers
			);
		}
	}
}

export function failure(message: string, servers: Server[] = []): Error {
	const logs = servers.map(
		(s) => `\n--- last lines of ${s.name}'s log (${s.log}) ---\n${tail(s.log)}`
	);
	return new Error(message + logs.join(''));
}

/** Runs a command to its end (group killed after `timeout` ms); rejects with its output's tail. */
export async function run(
	step: string,
	command: string,
	args: string[],
	options: { log: string; timeout: number; cwd?: string; env?: NodeJS.ProcessEnv; input?: string }
): Promise<void> {
	const fd = openSync(options.log, 'a');
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: [options.input === undefined ? 'ignore' : 'pipe', fd, fd]
	});
	closeSync(fd);
	child.stdin?.end(options.input);
	const timer = setTimeout(() => {
		try {
			if (child.pid) process.kill(-child.pid, 'SIGKILL');
		} catch {
			// Ended meanwhile.
		}
	}, options.timeout);
	const result = await new Promise<string>((resolve) => {
		child.on('error', (error) => resolve(`could not start: ${error.message}`));
		child.on('exit', (code, signal) =>
			resolve(code === 0 ? '' : signal ? `killed by ${signal}` : `exit code ${code}`)
		);
	});
	clearTimeout(timer);
	if (result) {
		const why =
			result === 'killed by SIGKILL' ? `not done after ${options.timeout / 1000} s` : result;
		throw new Error(
			`${step}: \`${command} ${args.join(' ')}\` failed (${why})\n--- last lines of ${options.log} ---\n${tail(options.log)}`
		);
	}
}
