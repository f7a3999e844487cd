import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import StoryBody from '$lib/components/StoryBody.svelte';
import LocatorMap from '$lib/components/map/LocatorMap.svelte';
import svelteConfig from '../../svelte.config.js';
import { componentTree, cssOf, type Resolver } from '../../vite/static-parts';
import { storyMap } from '$lib/map/story-map.server';
import { staticMarkup } from '$lib/story/static-markup';
import { STORY as story } from '../story';

const { states } = storyMap().map;
const lib = resolve('src/lib');
const file = (path: string) => resolve(lib, path);
/** The project's two ways to name a file: relative, and $lib. */
const resolver: Resolver = async (specifier, importer) =>
	specifier.startsWith('$lib/')
		? resolve(lib, specifier.slice(5))
		: specifier.startsWith('.')
			? resolve(dirname(importer), specifier)
			: undefined;
const stylesOf = async (path: string) =>
	(
		await Promise.all(
			(await componentTree(file(path), resolver)).map((f) => cssOf(f, svelteConfig))
		)
	).join('\n');

/** The scoping classes a piece of markup carries. */
const scopes = (html: string) => new Set(html.match(/svelte-[a-z0-9]+/g));

describe('markup the browser never hydrates', () => {
	const body = staticMarkup(StoryBody, { states });

	it('has no hydration comments: an {@html} block would end at the first empty one', () => {
		expect(body).not.toContain('<!--');
	});

	it('holds every step with its words, figure and inline map, which the engines and tests find by their attributes', () => {
		for (const step of story.steps) {
			expect(body).toContain(`data-step="${step}"`);
			expect(body).toContain(`data-inline-map="${step}"`);
		}
		for (const section of story.sections) {
			expect(body).toContain(section.quote);
			for (const paragraph of section.paragraphs) expect(body).toContain(paragraph);
		}
		for (const paragraph of story.intro) expect(body).toContain(paragraph);
		for (const id of Object.keys(story.figures)) {
			expect(body).toContain(`data-figure="${id}"`);
			expect(body).toContain(`data-counter="${id}"`);
		}
	});

	it('gets the scoped styles of every component in it, with the same classes (static-parts.ts)', async () => {
		const css = await stylesOf('components/StoryBody.svelte');
		const map = staticMarkup(LocatorMap, { states, initial: 'intro' });
		const mapCss = await stylesOf('components/map/LocatorMap.svelte');
		expect(scopes(body).size).toBeGreaterThan(5);
		for (const scope of scopes(body)) expect(css, scope).toContain(`.${scope}`);
		for (const scope of scopes(map)) expect(mapCss, scope).toContain(`.${scope}`);
	});

	it('finds the components a component imports, each once, by relative and $lib paths', async () => {
		const tree = (await componentTree(file('components/StoryBody.svelte'), resolver)).map((f) =>
			f.slice(lib.length + 1)
		);
		expect(tree[0]).toBe('components/StoryBody.svelte');
		expect(tree).toEqual(
			expect.arrayContaining(['components/Account.svelte', 'components/map/MapKey.svelte'])
		);
		expect(new Set(tree).size).toBe(tree.length);
	});
});
