import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { failure, run, startServer, waitFor, type Server } from './processes';

/**
 * A private WordPress for one test run, from Debian's packages (wordpress, mariadb-server, php-cli,
 * php-mysql, wordpress-theme-twentytwentythree): its own MariaDB data folder, its own copy of
 * WordPress's code with its own wp-config.php and wp-content, PHP's built-in server, installed
 * through WordPress's install form. Then an editor's API: log in, publish posts through the REST
 * API as the block editor saves them, as an administrator or as an Author.
 */

/** Debian's WordPress code (its wp-config.php and wp-content are Debian's own: not copied). */
const WORDPRESS = '/usr/share/wordpress';
/** Where Debian's wordpress-theme-twentytwentythree puts the theme. */
export const DEFAULT_THEME = `${WORDPRESS}/wp-content/themes/twentytwentythree`;

export type Role = 'admin' | 'author';
export interface Login {
	user: string;
	password: string;
}
/** What tests need to reach the site again (from another process: Playwright's workers). */
export interface Site {
	url: string;
	logins: Record<Role, Login>;
	/** The theme's folder name, active on the site. */
	theme: string;
	/** WordPress's code and wp-content. */
	root: string;
}
export interface StartOptions {
	/** An empty folder for this run: database, code, logs. */
	dir: string;
	port: number;
	dbPort: number;
	/** A theme's folder, copied into wp-content/themes and made the site's theme (default: Twenty Twenty-Three). */
	themeDir?: string;
}

/**
 * Lets WordPress's HTTP API reach addresses on this machine: oEmbed discovery fetches with
 * wp_safe_remote_get, which refuses 127.0.0.1 and any port but 80, 443 and 8080.
 */
const LOCAL_HTTP_PLUGIN = `<?php
/*
 * Plugin Name: Local oEmbed (test bed)
 * Description: Lets oEmbed discovery fetch a story served on 127.0.0.1 at any port.
 */
add_filter( 'http_request_host_is_external', '__return_true' );
add_filter( 'http_request_args', function ( $args ) {
	$args['reject_unsafe_urls'] = false;
	return $args;
} );
`;

/** PHP's built-in server: existing files as they are (PHP files run), any other path WordPress's. */
const ROUTER = `<?php
$path = urldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( file_exists( $_SERVER['DOCUMENT_ROOT'] . $path ) ) {
	return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
`;

/** A theme folder's name, once it is known to be a theme. */
export function themeName(themeDir: string): string {
	if (!existsSync(join(themeDir, 'style.css'))) {
		throw new Error(`${themeDir} is not a WordPress theme (no style.css)`);
	}
	return basename(resolve(themeDir));
}

const php = (value: string) => `'${value.replace(/[\\']/g, '\\$&')}'`;
const secret = () => randomBytes(16).toString('hex');

function wpConfig(o: {
	dbPort: number;
	dbPassword: string;
	url: string;
	theme: string;
	log: string;
}) {
	const define = (name: string, value: string | boolean) =>
		`define( ${php(name)}, ${typeof value === 'boolean' ? String(value) : php(value)} );`;
	const salts = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE'].flatMap((k) => [
		define(`${k}_KEY`, secret()),
		define(`${k}_SALT`, secret())
	]);
	return [
		'<?php',
		define('DB_NAME', 'wordpress'),
		define('DB_USER', 'wordpress'),
		define('DB_PASSWORD', o.dbPassword),
		define('DB_HOST', `127.0.0.1:${o.dbPort}`),
		define('DB_CHARSET', 'utf8mb4'),
		define('DB_COLLATE', ''),
		...salts,
		"$table_prefix = 'wp_';",
		define('WP_HOME', o.url.replace(/\/$/, '')),
		define('WP_SITEURL', o.url.replace(/\/$/, '')),
		// The theme the install chooses (populate_options reads it, child themes included).
		define('WP_DEFAULT_THEME', o.theme),
		// Notices to a file, never into the pages under test.
		define('WP_DEBUG', true),
		define('WP_DEBUG_DISPLAY', false),
		define('WP_DEBUG_LOG', o.log),
		// No calls home (update checks, news, translations; there may be no network) and no
		// cron requests to itself. Local addresses stay allowed (the story, at 127.0.0.1).
		define('WP_HTTP_BLOCK_EXTERNAL', true),
		define('DISABLE_WP_CRON', true),
		define('AUTOMATIC_UPDATER_DISABLED', true),
		define('FS_METHOD', 'direct'),
		"if ( ! defined( 'ABSPATH' ) ) define( 'ABSPATH', __DIR__ . '/' );",
		"require_once ABSPATH . 'wp-settings.php';",
		''
	].join('\n');
}

/** A logged-in user: cookies, and the REST nonce the block editor would send. */
class Session {
	private cookies = new Map<string, string>();
	private nonce = '';

	constructor(
		private readonly base: string,
		readonly login: Login
	) {}

	async fetch(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.cookies.size) {
			headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
		}
		if (this.nonce) headers.set('x-wp-nonce', this.nonce);
		const response = await fetch(new URL(path, this.base), {
			...init,
			headers,
			redirect: 'manual',
			signal: AbortSignal.timeout(60_000)
		});
		for (const cookie of response.headers.getSetCookie()) {
			const [pair = ''] = cookie.split(';');
			const at = pair.indexOf('=');
			if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
		}
		return response;
	}

	/** wp-login.php as a browser posts it, then the REST nonce from the block editor's page. */
	async logIn(): Promise<this> {
		const { user, password } = this.login;
		this.cookies.set('wordpress_test_cookie', 'WP%20Cookie%20check');
		const response = await this.fetch('wp-login.php', {
			method: 'POST',
			body: new URLSearchParams({
				log: user,
				pwd: password,
				'wp-submit': 'Log In',
				redirect_to: new URL('wp-admin/', this.base).href,
				testcookie: '1'
			})
		});
		if (![...this.cookies.keys()].some((k) => k.startsWith('wordpress_logged_in_'))) {
			const error = /<div id="login_error"[^>]*>([\s\S]*?)<\/div>/.exec(await response.text());
			throw new Error(
				`logging in as ${user}: HTTP ${response.status}, no login cookie${error ? `: ${strip(error[1]!)}` : ''}`
			);
		}
		const editor = await this.fetch('wp-admin/post-new.php');
		const html = await editor.text();
		const settings = /wpApiSettings\s*=\s*(\{.*?\});/.exec(html);
		const nonce = settings && (JSON.parse(settings[1]!) as { nonce?: string }).nonce;
		if (!nonce) {
			throw new Error(
				`no REST nonce (wpApiSettings.nonce) in wp-admin/post-new.php as ${user} (HTTP ${editor.status})`
			);
		}
		this.nonce = nonce;
		return this;
	}

	/** A REST request by route (plain permalinks: ?rest_route=…), JSON both ways. */
	async rest<T>(
		route: string,
		{
			method = 'GET',
			body,
			query = {}
		}: { method?: string; body?: unknown; query?: Record<string, string> } = {}
	): Promise<T> {
		const url = new URL(this.base);
		url.searchParams.set('rest_route', route);
		for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
		const response = await this.fetch(url.href, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const text = await response.text();
		if (!response.ok) {
			throw new Error(
				`${method} ${route} as ${this.login.user}: HTTP ${response.status} ${text.slice(0, 400)}`
			);
		}
		return JSON.parse(text) as T;
	}
}

const strip = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

export class WordPress {
	private constructor(
		readonly site: Site,
		private readonly sessions: Record<Role, Session>,
		/** The servers this object started (none when it only connected). */
		readonly servers: Server[] = []
	) {}

	get url(): string {
		return this.site.url;
	}

	/** Starts MariaDB and PHP, installs WordPress, makes an Author; stop() ends it all. */
	static async start({
		dir,
		port,
		dbPort,
		themeDir = DEFAULT_THEME
	}: StartOptions): Promise<WordPress> {
		const url = `http://127.0.0.1:${port}/`;
		const theme = themeName(themeDir);
		const logs = join(dir, 'logs');
		const root = join(dir, 'wordpress');
		mkdirSync(logs, { recursive: true });
		const servers: Server[] = [];
		try {
			// 1. MariaDB from a fresh data folder, root by socket, WordPress's user by TCP.
			const data = join(dir, 'mariadb');
			const socket = join(dir, 'mariadb.sock');
			const dbLog = join(logs, 'mariadb.log');
			await run(
				'creating the database folder',
				'mysql_install_db',
				[
					'--no-defaults',
					`--datadir=${data}`,
					'--auth-root-authentication-method=normal',
					'--user=root',
					'--skip-test-db'
				],
				{ log: join(logs, 'mysql_install_db.log'), timeout: 60_000 }
			);
			const db = startServer(
				'MariaDB',
				'mariadbd',
				[
					'--no-defaults',
					`--datadir=${data}`,
					`--socket=${socket}`,
					`--port=${dbPort}`,
					'--skip-networking=0',
					'--bind-address=127.0.0.1',
					'--user=root',
					`--pid-file=${join(dir, 'mariadb.pid')}`,
					'--innodb-buffer-pool-size=64M',
					'--skip-log-bin'
				],
				{ log: dbLog }
			);
			servers.push(db);
			await waitFor(
				'starting MariaDB',
				() => existsSync(dbLog) && readFileSync(dbLog, 'utf8').includes('ready for connections'),
				{ timeout: 30_000, servers }
			);
			const dbPassword = secret();
			await run(
				'creating the database and its user',
				'mariadb',
				['--no-defaults', `--socket=${socket}`, '--user=root'],
				{
					log: join(logs, 'mariadb-client.log'),
					timeout: 30_000,
					input: [
						'CREATE DATABASE wordpress CHARACTER SET utf8mb4;',
						...['127.0.0.1', 'localhost'].flatMap((host) => [
							`CREATE USER 'wordpress'@'${host}' IDENTIFIED BY '${dbPassword}';`,
							`GRANT ALL ON wordpress.* TO 'wordpress'@'${host}';`
						])
					].join('\n')
				}
			);

			// 2. WordPress's code, copied (its links into Debian's shared JS and PHP libraries followed),
			// with a wp-config.php and a wp-content of its own.
			const skip = new Set(
				['wp-config.php', 'wp-content', '.htaccess'].map((f) => join(WORDPRESS, f))
			);
			cpSync(WORDPRESS, root, {
				recursive: true,
				dereference: true,
				filter: (src) => !skip.has(src)
			});
			for (const folder of ['themes', 'plugins', 'mu-plugins', 'uploads']) {
				mkdirSync(join(root, 'wp-content', folder), { recursive: true });
			}
			cpSync(DEFAULT_THEME, join(root, 'wp-content/themes', basename(DEFAULT_THEME)), {
				recursive: true,
				dereference: true
			});
			if (resolve(themeDir) !== DEFAULT_THEME) {
				cpSync(themeDir, join(root, 'wp-content/themes', theme), {
					recursive: true,
					dereference: true
				});
			}
			writeFileSync(join(root, 'wp-content/mu-plugins/local-oembed.php'), LOCAL_HTTP_PLUGIN);
			writeFileSync(
				join(root, 'wp-config.php'),
				wpConfig({ dbPort, dbPassword, url, theme, log: join(logs, 'wordpress-debug.log') })
			);
			const router = join(dir, 'router.php');
			writeFileSync(router, ROUTER);

			// 3. PHP's built-in server, with workers for a browser's parallel requests.
			const web = startServer(
				'PHP',
				'php',
				[
					'-d',
					'opcache.enable_cli=1',
					'-d',
					'memory_limit=256M',
					'-S',
					`127.0.0.1:${port}`,
					'-t',
					root,
					router
				],
				{ log: join(logs, 'php.log'), env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } }
			);
			servers.push(web);
			await waitFor(
				'starting PHP',
				async () =>
					(await fetch(`${url}wp-admin/install.php`, { signal: AbortSignal.timeout(5_000) })).ok,
				{ timeout: 30_000, servers }
			);

			// 4. The install form, as a browser posts it.
			const logins: Record<Role, Login> = {
				admin: { user: 'admin', password: secret() },
				author: { user: 'author', password: secret() }
			};
			const install = await fetch(`${url}wp-admin/install.php?step=2`, {
				method: 'POST',
				body: new URLSearchParams({
					weblog_title: 'Test bed',
					user_name: logins.admin.user,
					admin_password: logins.admin.password,
					admin_password2: logins.admin.password,
					pw_weak: '1',
					admin_email: 'admin@example.org',
					blog_public: '0',
					language: ''
				}),
				signal: AbortSignal.timeout(120_000)
			});
			const done = await install.text();
			if (!done.includes('install-success')) {
				throw failure(
					`installing WordPress (POST wp-admin/install.php?step=2): HTTP ${install.status}, ${strip(done).slice(0, 400)}`,
					servers
				);
			}

			// 5. The administrator, then an Author made by the administrator.
			const admin = await new Session(url, logins.admin).logIn();
			await admin.rest('/wp/v2/users', {
				method: 'POST',
				body: {
					username: logins.author.user,
					password: logins.author.password,
					email: 'author@example.org',
					name: 'An Author',
					roles: ['author']
				}
			});
			const author = await new Session(url, logins.author).logIn();
			const wp = new WordPress({ url, logins, theme, root }, { admin, author }, servers);
			const [active] = await admin.rest<{ stylesheet: string }[]>('/wp/v2/themes', {
				query: { status: 'active' }
			});
			if (active?.stylesheet !== theme) {
				throw new Error(`the active theme is ${active?.stylesheet}, not ${theme}`);
			}
			return wp;
		} catch (error) {
			await Promise.all(servers.map((s) => s.stop()));
			if (error instanceof Error && !error.message.includes('--- last lines')) {
				throw failure(error.message, servers);
			}
			throw error;
		}
	}

	/** The same site from another process (a test worker): logs both users in again. */
	static async connect(site: Site): Promise<WordPress> {
		const [admin, author] = await Promise.all([
			new Session(site.url, site.logins.admin).logIn(),
			new Session(site.url, site.logins.author).logIn()
		]);
		return new WordPress(site, { admin, author });
	}

	/** Publishes a post as the block editor saves it; its address for readers (`?p=N`). */
	async post(as: Role, title: string, content: string): Promise<{ id: number; link: string }> {
		const { id, link } = await this.sessions[as].rest<{ id: number; link: string }>(
			'/wp/v2/posts',
			{
				method: 'POST',
				body: { title, content, status: 'publish' }
			}
		);
		return { id, link };
	}

	/** What the post was saved as (after kses, for an Author), and what readers get. */
	async content(id: number): Promise<{ raw: string; rendered: string }> {
		const post = await this.sessions.admin.rest<{ content: { raw: string; rendered: string } }>(
			`/wp/v2/posts/${id}`,
			{ query: { context: 'edit' } }
		);
		return post.content;
	}

	/** What the block editor's embed preview asks: WordPress's oEmbed result for an address. */
	async oembedProxy(address: string): Promise<{ html?: string; [key: string]: unknown }> {
		return this.sessions.admin.rest('/oembed/1.0/proxy', { query: { url: address } });
	}

	/**
	 * A one-file plugin (with a `Plugin Name:` header): copied into wp-content/plugins and
	 * activated through REST as the administrator; or, `mustUse`, into wp-content/mu-plugins, where
	 * WordPress loads it on every request from then on without activation.
	 */
	async installPlugin(file: string, { mustUse = false } = {}): Promise<void> {
		const name = basename(file);
		if (!name.endsWith('.php')) throw new Error(`installPlugin: ${file} is not a .php file`);
		copyFileSync(
			file,
			join(this.site.root, 'wp-content', mustUse ? 'mu-plugins' : 'plugins', name)
		);
		if (mustUse) return;
		await this.sessions.admin.rest(`/wp/v2/plugins/${name.replace(/\.php$/, '')}`, {
			method: 'POST',
			body: { status: 'active' }
		});
	}

	/** Stops PHP (its workers too) and MariaDB. */
	async stop(): Promise<void> {
		await Promise.all(this.servers.map((s) => s.stop()));
	}
}
