import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIDE_BY_SIDE } from '$lib/scroll/layout';

// CSS cannot import a query: the component's @media rules are held to the one the engine reads.
const css = readFileSync('src/lib/components/ScrollyStory.svelte', 'utf8');
const queries = [...css.matchAll(/@media ([^{]+?)\s*\{/g)].map((m) => m[1]!);

describe('the side-by-side layout', () => {
	it('is one query, in the engine and in every @media rule that lays the story out side by side', () => {
		const sideBySide = queries.filter((q) => /min-width: 64em/.test(q));
		expect(sideBySide.length).toBeGreaterThanOrEqual(2);
		for (const query of sideBySide) expect(query).toBe(SIDE_BY_SIDE);
	});

	it('has its phone-on-its-side part below the wide-screen width, the same heights', () => {
		const [wide, phone] = SIDE_BY_SIDE.split(', ') as [string, string];
		const width = Number(/min-width: ([\d.]+)em/.exec(wide)![1]);
		const sideways = queries.filter((q) => /max-width/.test(q) && /landscape/.test(q));
		expect(sideways).toHaveLength(1);
		for (const query of sideways)
			expect(query).toBe(
				phone.replace(/\(min-width: [\d.]+em\) and /, `(max-width: ${width - 0.01}em) and `)
			);
	});
});
