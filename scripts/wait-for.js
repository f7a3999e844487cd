// Waits for a server to answer: the benches and the test harnesses start their own.

/** @param {string} url */
export async function waitFor(url) {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no server at ${url}`);
}
