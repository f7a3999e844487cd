#!/usr/bin/env node
// Serves build/ like any plain static host would, optionally under a subpath, to prove the build is
// path-independent. Usage: node scripts/serve.js [--port 4173] [--base /graphics/2022/mobilization/] [--dir build]
// --inject file.js adds that script (same origin) first in every page's <head>: the engine smoke
// tests' error probe, for browsers whose driver cannot read the console (WebKitGTK).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.PORT ?? '4173' },
		base: { type: 'string', default: '/' },
		host: { type: 'string' },
		dir: { type: 'string', default: 'build' },
		inject: { type: 'string' }
	}
});
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const dir = values.dir;
if (!existsSync(join(dir, 'index.html'))) {
	console.error(`No ${dir}/index.html: run \`npm run build\` first.`);
	process.exit(1);
}
// dev: look files up per request, so a rebuild while the server runs is served, not a stale list.
const files = sirv(dir, { dev: true, etag: true, extensions: [], gzip: true, brotli: true });

createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	if (`${url.pathname}/` === base) return redirect(res, base + url.search);
	if (!url.pathname.startsWith(base)) {
		res.writeHead(404).end('Not found');
		return;
	}
	const path = url.pathname.slice(base.length - 1);
	// A folder without its slash would break relative links: send readers to the slashed URL.
	const folder = join(dir, decodeURIComponent(path));
	if (!path.endsWith('/') && existsSync(folder) && statSync(folder).isDirectory()) {
		return redirect(res, `${url.pathname}/${url.search}`);
	}
	if (values.inject && path === '/__inject.js') {
		res
			.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' })
			.end(readFileSync(values.inject));
		return;
	}
	if (values.inject && path.endsWith('/') && existsSync(join(folder, 'index.html'))) {
		const html = readFileSync(join(folder, 'index.html'), 'utf8').replace(
			'<head>',
			`<head><script src="${base}__inject.js"></script>`
		);
		res
			.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
			.end(html);
		return;
	}
	req.url = path.endsWith('/') ? `${path}index.html${url.search}` : path + url.search;
	files(req, res, () => res.writeHead(404).end('Not found'));
}).listen(Number(values.port), values.host, () => {
	console.log(`Serving ${dir}/ at http://${values.host ?? 'localhost'}:${values.port}${base}`);
});

/** @param {import('node:http').ServerResponse} res @param {string} location */
function redirect(res, location) {
	res.writeHead(301, { location }).end();
}
