import { content } from 'virtual:story-content';
import { buildStory, type Story } from './model';

/**
 * The story a page renders: while rendering on the server, the whole of it, from the content;
 * in the browser, the page's data, which leaves the running text out (the HTML holds it: see
 * server-text.ts). `import.meta.env.SSR` is false in the browser's bundle, so neither the content
 * nor the model's code ships there.
 */
export function pageStory(data: Story): Story {
	return import.meta.env.SSR && content ? buildStory(content) : data;
}
