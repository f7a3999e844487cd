// Injected first into every page by the engine smoke tests' server (scripts/serve.js --inject):
// records what a reader's console would show, for a driver that cannot read the console itself.
(() => {
	/** @type {string[]} */
	const errors = [];
	/** @type {any} */ (window).__probe = { errors };
	/** @param {string} kind @param {unknown} detail */
	const note = (kind, detail) => errors.push(`${kind}: ${detail}`);
	addEventListener(
		'error',
		(e) => {
			const target = /** @type {{ src?: string, href?: string } | null} */ (e.target);
			note('error', e.message || target?.src || target?.href || 'a resource failed');
		},
		true
	);
	addEventListener('unhandledrejection', (e) => note('unhandled rejection', e.reason));
	document.addEventListener('securitypolicyviolation', (e) =>
		note('CSP', `${e.violatedDirective} ${e.blockedURI}`)
	);
	const error = console.error;
	console.error = (...args) => {
		note('console.error', args.map(String).join(' '));
		error.apply(console, args);
	};
})();
