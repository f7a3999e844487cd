#!/usr/bin/env node
// The system tools the tests drive, checked before any test runs (npm test's first step, and
// .ci/run's). As root on Debian, what is missing is installed with apt-get; elsewhere the run stops
// here with one line per missing tool and the command that installs it, not deep inside a test.
// Plain Node, no packages: .ci/run calls it before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const anyOf = (...paths) => paths.some((p) => p && existsSync(p));
/** MiniBrowser sits in an arch- and API-versioned folder: /usr/lib/<triplet>/webkit2gtk-4.1/. */
const miniBrowser = () =>
	process.env.MINIBROWSER_PATH ||
	readdirSync('/usr/lib', { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.flatMap((d) => ['4.1', '4.0'].map((v) => `/usr/lib/${d.name}/webkit2gtk-${v}/MiniBrowser`))
		.find((p) => existsSync(p));

/**
 * What the tests use, who uses it, and Debian's package for it. `noRecommends`: the package's
 * recommends would pull in a desktop's worth of packages the tests never touch.
 */
const TOOLS = [
	{
		tool: 'Chromium',
		for: 'every browser test',
		found: () => anyOf(process.env.CHROMIUM_PATH, '/usr/bin/chromium'),
		apt: ['chromium'],
		elsewhere: 'npx playwright install --with-deps chromium (or set CHROMIUM_PATH)'
	},
	{
		tool: 'Firefox ESR',
		for: 'the engine tests',
		found: () => anyOf(process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'),
		apt: ['firefox-esr'],
		elsewhere: 'install Firefox ESR and set FIREFOX_PATH'
	},
	{
		tool: "WebKitGTK's WebKitWebDriver and MiniBrowser",
		for: 'the engine tests',
		found: () => existsSync('/usr/bin/WebKitWebDriver') && !!miniBrowser(),
		apt: ['webkit2gtk-driver'],
		noRecommends: true,
		elsewhere: 'WebKitGTK 4.1 with its WebDriver (set MINIBROWSER_PATH to its MiniBrowser)'
	},
	{
		tool: 'Xvfb',
		for: 'WebKitGTK without a display',
		found: () => !!process.env.DISPLAY || onPath('Xvfb'),
		apt: ['xvfb'],
		elsewhere: 'install Xvfb, or run the tests on a desktop with DISPLAY set'
	},
	{
		tool: "poppler's pdftotext and pdfinfo",
		for: 'the print and PDF tests',
		found: () => onPath('pdftotext') && onPath('pdfinfo'),
		apt: ['poppler-utils'],
		elsewhere: 'install poppler (poppler-utils; on macOS: brew install poppler)'
	},
	{
		tool: 'MariaDB',
		for: 'the WordPress tests',
		found: () => onPath('mariadbd') || existsSync('/usr/sbin/mariadbd'),
		apt: ['mariadb-server'],
		noRecommends: true,
		elsewhere: 'install MariaDB (mariadb-server)'
	},
	{
		tool: "PHP's command line with MySQL",
		for: 'the WordPress tests',
		found: () =>
			onPath('php') &&
			spawnSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']).status === 0,
		apt: ['php-cli', 'php-mysql'],
		noRecommends: true,
		elsewhere: 'install PHP 8 with the mysqli extension'
	},
	{
		tool: 'WordPress and its theme Twenty Twenty-Three',
		for: 'the WordPress tests',
		found: () =>
			existsSync('/usr/share/wordpress/wp-includes/version.php') &&
			existsSync('/usr/share/wordpress/wp-content/themes/twentytwentythree/style.css'),
		apt: ['wordpress', 'wordpress-theme-twentytwentythree'],
		noRecommends: true,
		elsewhere:
			"Debian's wordpress and wordpress-theme-twentytwentythree (the tests read /usr/share/wordpress)"
	}
];

const missing = () => TOOLS.filter((t) => !t.found());

function apt(args) {
	const { status } = spawnSync('apt-get', args, {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
	if (status !== 0) {
		console.error(`system-deps: apt-get ${args.join(' ')} failed (exit ${status})`);
		process.exit(1);
	}
}

let absent = missing();
if (absent.length === 0) process.exit(0);

const canApt = process.getuid?.() === 0 && existsSync('/etc/debian_version') && onPath('apt-get');
if (canApt) {
	const started = Date.now();
	console.log(`system-deps: installing ${absent.map((t) => t.tool).join(', ')} (apt-get)`);
	apt(['update', '-qq']);
	const plain = absent.filter((t) => !t.noRecommends).flatMap((t) => t.apt);
	const lean = absent.filter((t) => t.noRecommends).flatMap((t) => t.apt);
	if (plain.length) apt(['install', '-y', '-qq', ...plain]);
	if (lean.length) apt(['install', '-y', '-qq', '--no-install-recommends', ...lean]);
	console.log(`system-deps: installed in ${Math.round((Date.now() - started) / 1000)} s`);
	absent = missing();
}

if (absent.length) {
	console.error(
		canApt ? 'Still missing after apt-get install:' : 'npm test needs these system tools first:'
	);
	for (const t of absent) {
		const apt = `apt-get install -y ${t.noRecommends ? '--no-install-recommends ' : ''}${t.apt.join(' ')}`;
		console.error(`- ${t.tool}, for ${t.for}: ${apt} (Debian, as root); elsewhere ${t.elsewhere}`);
	}
	if (!canApt) console.error('As root on Debian, npm test installs them itself with apt-get.');
	process.exit(1);
}
