import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import StoryBody from '$lib/components/StoryBody.svelte';
import LocatorMap from '$lib/components/map/LocatorMap.svelte';
import { componentTree, stylesOf } from '../../vite/server-css';
import { parseContent } from '$lib/content/parse';
import { storyMap } from '$lib/map/story-map.server';
import { buildStory } from '$lib/story/model';
import { staticMarkup } from '$lib/story/static-markup';
import { SOURCE } from '../source-text';

const story = buildStory(parseContent(readFileSync('src/content/story.aml', 'utf8'), SOURCE));
const { states } = storyMap().map;
const lib = resolve('src/lib');
const file = (path: string) => resolve(lib, path);

/** The scoping classes a piece of markup carries. */
const scopes = (html: string) => new Set(html.match(/svelte-[a-z0-9]+/g));

describe('markup the browser never hydrates', () => {
	const body = staticMarkup(StoryBody, { story, states });

	it('has no hydration comments: an {@html} block would end at the first empty one', () => {
		expect(body).not.toContain('<!--');
		expect(body.length).toBeGreaterThan(10_000);
	});

	it('holds every step, figure and inline map the engines and tests find by their attributes', () => {
		for (const step of story.steps) expect(body).toContain(`data-step="${step}"`);
		for (const { id } of Object.values(story.figures)) {
			expect(body).toContain(`data-figure="${id}"`);
			expect(body).toContain(`data-counter="${id}"`);
		}
		for (const step of story.steps) expect(body).toContain(`data-inline-map="${step}"`);
	});

	it('gets the scoped styles of every component in it, with the same classes (server-css.ts)', () => {
		const css = stylesOf(file('components/StoryBody.svelte'), lib);
		const map = staticMarkup(LocatorMap, { states, initial: 'intro' });
		const mapCss = stylesOf(file('components/map/LocatorMap.svelte'), lib);
		for (const scope of scopes(body)) expect(css, scope).toContain(`.${scope}`);
		for (const scope of scopes(map)) expect(mapCss, scope).toContain(`.${scope}`);
	});

	it('finds the components a component imports, each once, by relative and $lib paths', () => {
		const tree = componentTree(file('components/StoryBody.svelte'), lib).map((f) =>
			f.slice(lib.length + 1)
		);
		expect(tree[0]).toBe('components/StoryBody.svelte');
		expect(tree).toEqual(
			expect.arrayContaining(['components/Account.svelte', 'components/map/MapKey.svelte'])
		);
		expect(new Set(tree).size).toBe(tree.length);
	});
});
