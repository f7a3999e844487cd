// Paired comparisons for the benches: two builds measured in the same run, pair by pair (the order
// inside each pair drawn at random), judged on the pairs' differences with a 95% interval, as
// tachometer does, never on one run. Plain JS: the bench scripts import it, and so do its tests.

/**
 * A seeded generator (mulberry32): the same seed draws the same resamples and the same orders.
 * @param {number} seed
 */
export function seeded(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @param {number[]} xs */
export function median(xs) {
	const sorted = [...xs].sort((a, b) => a - b);
	const at = (/** @type {number} */ i) => /** @type {number} */ (sorted[i]);
	const mid = sorted.length / 2;
	return sorted.length % 2 ? at(Math.floor(mid)) : (at(mid - 1) + at(mid)) / 2;
}

/**
 * The median of a sample (the pairs' differences or ratios, or one page's runs) with its 95%
 * percentile-bootstrap interval: the sample resampled with replacement `resamples` times, the
 * 2.5th and 97.5th percentiles of the medians.
 * @param {number[]} sample
 * @param {{ resamples?: number, seed?: number }} [options]
 */
export function medianInterval(sample, { resamples = 10_000, seed = 1 } = {}) {
	if (sample.length === 0) throw new Error('medianInterval: no runs');
	const random = seeded(seed);
	const draw = () => /** @type {number} */ (sample[Math.floor(random() * sample.length)]);
	const medians = Array.from({ length: resamples }, () => median(sample.map(draw))).sort(
		(a, b) => a - b
	);
	const at = (/** @type {number} */ q) =>
		/** @type {number} */ (medians[Math.min(resamples - 1, Math.floor(q * resamples))]);
	return { median: median(sample), low: at(0.025), high: at(0.975) };
}

/**
 * An interval against a budget, an upper bound (`atMost`) or a lower one (`atLeast`): `pass` when
 * all of it is within the budget, `fail` when all of it is beyond, otherwise `inconclusive`
 * (more pairs may tell; not a pass).
 * @param {{ low: number, high: number }} interval
 * @param {{ atMost: number } | { atLeast: number }} budget
 * @returns {'pass' | 'fail' | 'inconclusive'}
 */
export function verdict({ low, high }, budget) {
	if ('atMost' in budget) {
		if (high <= budget.atMost) return 'pass';
		if (low > budget.atMost) return 'fail';
	} else {
		if (low >= budget.atLeast) return 'pass';
		if (high < budget.atLeast) return 'fail';
	}
	return 'inconclusive';
}
