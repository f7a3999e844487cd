import aml from '../../content/story.aml?raw';
import source from '../../content/article.txt?raw';
import { loadWorld } from './gazetteer.server';
import { parseContent } from './parse';

/** The validated content; runs at prerender, so bad copy fails `npm run build`. */
export function loadContent() {
	return parseContent(aml, source, undefined, loadWorld());
}
