import { content, problems } from 'virtual:story-content';

/** The content, parsed and checked once by the story-content Vite plugin (vite/story-content.ts). */
export function loadContent() {
	if (!content) throw new Error(`src/content/story.aml has problems:\n${problems}`);
	return content;
}
