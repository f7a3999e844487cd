import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { iframeSnippet } from '../../src/lib/share/snippets';
import { runPorts } from '../ports';
import { killNow, type Server } from './processes';
import { RESULTS, saveRun, type Post, type PostId, type Run } from './run';
import { buildStory, serveStory } from './story';
import { DEFAULT_THEME, themeName, WordPress, type Role } from './wordpress';

/** The block editor's markup for the story's address in an Embed block. */
const embedBlock = (url: string) =>
	`<!-- wp:embed {"url":"${url}","type":"rich","providerNameSlug":"","responsive":true} -->\n` +
	`<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">\n${url}\n</div></figure>\n` +
	`<!-- /wp:embed -->`;
/** …and for a Custom HTML block. */
const htmlBlock = (html: string) => `<!-- wp:html -->\n${html}\n<!-- /wp:html -->`;

/** The plugin a site installs to make the story a trusted oEmbed provider. */
const PLUGIN = resolve('wordpress/flee-hide-or-fight.php');
/** Where the plugin finds the story: a must-use plugin, loaded before every plugin. */
const pluginUrl = (url: string) => `<?php
/*
 * Plugin Name: Flee, hide or fight: the story's address (test bed)
 */
define( 'FLEE_HIDE_OR_FIGHT_URL', '${url}' );
`;

/** A <meta name="…" content="…"> of a page, its entities decoded. */
function meta(html: string, name: string): string | undefined {
	const tag = new RegExp(`<meta\\b[^>]*\\b(?:name|property)="${name}"[^>]*>`).exec(html)?.[0];
	const content = tag && /\bcontent="([^"]*)"/.exec(tag)?.[1];
	return content
		?.replace(/&quot;/g, '"')
		.replace(/&#0*39;|&#x0*27;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/**
 * Builds and serves the story at http://127.0.0.1:P/story/, starts a private WordPress at
 * http://127.0.0.1:W/ (another origin), publishes the posts the tests read, and hands the
 * workers their addresses (run.ts). Returns the teardown: stops everything, keeps the logs in
 * wordpress-results/logs/.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
	const [storyPort, wpPort, dbPort] = runPorts('wordpress', 3) as [number, number, number];
	const themeDir = process.env.WP_THEME_DIR || DEFAULT_THEME;
	themeName(themeDir);
	const dir = mkdtempSync(join(tmpdir(), 'story-wordpress-'));
	const logs = join(dir, 'logs');
	mkdirSync(logs, { recursive: true });
	for (const folder of ['screenshots', 'findings', 'logs']) {
		rmSync(join(RESULTS, folder), { recursive: true, force: true });
		mkdirSync(join(RESULTS, folder), { recursive: true });
	}
	const story = `http://127.0.0.1:${storyPort}/story/`;
	// The plugin's address for the same story: another host name, so that the story's own address
	// stays a provider WordPress does not know (case a, sandboxed).
	const trustedUrl = `http://localhost:${storyPort}/story/`;
	const timings: Record<string, number> = {};
	const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
		const start = Date.now();
		try {
			return await work();
		} finally {
			timings[step] = (Date.now() - start) / 1000;
		}
	};

	const servers: Server[] = [];
	let wordpress: WordPress | undefined;
	let source: string | undefined;
	// A runner that dies without its teardown still takes its servers with it.
	const onExit = () => killNow([...servers, ...(wordpress?.servers ?? [])]);
	process.once('exit', onExit);
	const teardown = async () => {
		process.off('exit', onExit);
		await Promise.all([...servers.map((s) => s.stop()), wordpress?.stop()]);
		cpSync(logs, join(RESULTS, 'logs'), { recursive: true });
		const wpLogs = join(dir, 'site', 'logs');
		if (existsSync(wpLogs)) cpSync(wpLogs, join(RESULTS, 'logs', 'wordpress'), { recursive: true });
		rmSync(dir, { recursive: true, force: true });
		if (source) rmSync(source, { recursive: true, force: true });
	};

	try {
		const started = Date.now();
		// The build is the long part; WordPress starts meanwhile.
		const [build, wp] = await Promise.allSettled([
			timed('build', () => buildStory({ siteUrl: story, log: join(logs, 'build.log') })),
			timed('wordpress', () =>
				WordPress.start({
					dir: join(dir, 'site'),
					port: wpPort,
					dbPort,
					themeDir
				})
			)
		]);
		if (wp.status === 'fulfilled') wordpress = wp.value;
		if (build.status === 'fulfilled') source = build.value.source;
		if (build.status === 'rejected') throw build.reason;
		if (wp.status === 'rejected') throw wp.reason;
		const site = wp.value;

		servers.push(
			await timed('serve', () =>
				serveStory({
					dir: build.value.out,
					port: storyPort,
					base: '/story/',
					log: join(logs, 'story-server.log')
				})
			)
		);
		// The iframe-only snippet as the Share page gives it: the story's title, the picture's alt
		// its description.
		const { title } = (await (await fetch(`${story}oembed.json`)).json()) as { title: string };
		const description = meta(await (await fetch(story)).text(), 'description');
		if (!title || !description) {
			throw new Error(
				`no title in ${story}oembed.json or no <meta name="description"> in ${story}`
			);
		}
		const snippet = iframeSnippet(new URL(story), title, description);
		const script = `<script async src="${story}embed.js"></script>`;

		const posts = await timed('posts', async () => {
			const made = {} as Record<PostId, Post>;
			const publish = async (id: PostId, as: Role, title: string, content: string) => {
				const { id: postId, link } = await site.post(as, title, content);
				made[id] = { id: postId, link, as, saved: (await site.content(postId)).raw };
			};
			await publish('oembed', 'author', 'The story by its address (oEmbed)', embedBlock(story));
			await publish('script', 'admin', 'The one-line script', htmlBlock(script));
			await publish('iframe', 'admin', 'The iframe-only snippet', htmlBlock(snippet));
			await publish(
				'script-author',
				'author',
				'The one-line script, by an Author',
				htmlBlock(script)
			);
			await publish(
				'iframe-author',
				'author',
				'The iframe-only snippet, by an Author',
				htmlBlock(snippet)
			);
			return made;
		});
		const oembed = await site
			.oembedProxy(story)
			.catch((error: Error) => ({ error: error.message }));

		// (e) The plugin, its address set by a must-use plugin, activated as a site would; then the
		// trusted address by an Author.
		const trusted = await timed('plugin', async () => {
			const constant = join(dir, '00-flee-hide-or-fight-url.php');
			writeFileSync(constant, pluginUrl(trustedUrl));
			await site.installPlugin(constant, { mustUse: true });
			await site.installPlugin(PLUGIN);
			const { id: postId, link } = await site.post(
				'author',
				'The story by its address, a trusted provider (the plugin)',
				embedBlock(trustedUrl)
			);
			// Rendering it (here, through REST) runs oEmbed and keeps the result in the post's meta.
			const { raw, rendered } = await site.content(postId);
			posts.plugin = { id: postId, link, as: 'author', saved: raw, rendered };
			return {
				url: trustedUrl,
				oembed: await site
					.oembedProxy(trustedUrl)
					.catch((error: Error) => ({ error: error.message }))
			};
		});
		timings.total = (Date.now() - started) / 1000;

		const run: Run = { story, wordpress: site.site, posts, oembed, trusted, snippet, timings };
		saveRun(run);
		writeFileSync(join(RESULTS, 'run.json'), JSON.stringify(run, null, '\t'));
		console.log(
			`WordPress test bed ready in ${timings.total} s (build ${timings.build} s, WordPress ${timings.wordpress} s, posts ${timings.posts} s, plugin ${timings.plugin} s): story ${story}, WordPress ${site.url}`
		);
		return teardown;
	} catch (error) {
		await teardown();
		throw error;
	}
}
