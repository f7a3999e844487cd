// How every tool here launches Chromium (tests, bench, screenshots): Debian's Chromium where it
// exists (or CHROMIUM_PATH), Playwright's own browser elsewhere.
import { existsSync } from 'node:fs';

export const executablePath =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const args = [
	// Keep Chromium off the network it may not reach (and must not, for the no-third-party tests).
	'--disable-background-networking',
	'--disable-component-update',
	// Chromium's sandbox refuses to start as root (CI runs as root).
	...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])
];
