// Checked by the type checker, not run: `npm run check` (svelte-check, part of npm test) reads
// tests/ too, and fails on an `@ts-expect-error` that no longer finds its error.
import { ActiveStep } from '$lib/scroll/active-step.svelte';

// A story without steps does not compile: the browser need not check for one.
// @ts-expect-error an empty list of steps
export const emptyStory = () => new ActiveStep([]);
