// The one escape for markup the project writes as strings (static text, the map's sprite, share
// cards, snippets, the content error page): copy is never markup.

/** Text as HTML or SVG character data. */
export const escapeText = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A value for a double-quoted attribute. */
export const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;');
