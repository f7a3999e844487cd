import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyProject, PROJECT_FILES } from '../project-copy';
import { run, startServer, waitFor, type Server } from './processes';

/**
 * The story as WordPress's oEmbed discovery needs it: built with PUBLIC_SITE_URL equal to the
 * address it is served at. Built in a copy of the project (tests/project-copy.ts), so neither
 * build/ nor .svelte-kit/ of the working tree is touched while someone else builds there;
 * STORY_OUT names the output folder. WP_STORY_REF=<commit> builds that commit instead of the
 * working tree (git archive), e.g. to compare with what is committed.
 */
export async function buildStory({
	siteUrl,
	log
}: {
	siteUrl: string;
	log: string;
}): Promise<{ source: string; out: string }> {
	const ref = process.env.WP_STORY_REF;
	// Both with scripts/: `npm run build` runs scripts/frame-page.js after Vite.
	const dir = ref ? archive(ref) : copyProject('story-wordpress-build-');
	const out = join(dir, 'build');
	try {
		await run('building the story (npm run build)', 'npm', ['run', 'build'], {
			cwd: dir,
			log,
			timeout: 300_000,
			env: { ...process.env, PUBLIC_SITE_URL: siteUrl, STORY_OUT: out }
		});
		if (!existsSync(join(out, 'oembed.json'))) {
			throw new Error(`building the story: no oembed.json in ${out} (is PUBLIC_SITE_URL set?)`);
		}
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	return { source: dir, out };
}

/** The files of one commit, as copyProject copies the working tree's. */
function archive(ref: string): string {
	const dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'story-wordpress-build-'));
	const tar = execFileSync('git', ['archive', '--format=tar', ref, ...PROJECT_FILES]);
	execFileSync('tar', ['-x', '-C', dir], { input: tar });
	symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}

/** Serves a build under `base` with the project's own static server (scripts/serve.js). */
export async function serveStory({
	dir,
	port,
	base,
	log
}: {
	dir: string;
	port: number;
	base: string;
	log: string;
}): Promise<Server> {
	mkdirSync(join(log, '..'), { recursive: true });
	const server = startServer(
		'the story server (scripts/serve.js)',
		process.execPath,
		[
			'scripts/serve.js',
			'--dir',
			dir,
			'--base',
			base,
			'--port',
			String(port),
			'--host',
			'127.0.0.1'
		],
		{ log }
	);
	const url = `http://127.0.0.1:${port}${base}`;
	await waitFor(
		`serving the story at ${url}`,
		async () => (await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok,
		{ timeout: 20_000, servers: [server] }
	).catch(async (error) => {
		await server.stop();
		throw error;
	});
	return server;
}
