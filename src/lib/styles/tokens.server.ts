import tokens from './tokens.css?raw';

/**
 * A colour token's light value, read from tokens.css (`--name: light-dark(light, dark)`): for the
 * share pictures, drawn at build time in the light scheme, in the page's own colours.
 */
export function lightColour(name: string): string {
	const found = new RegExp(`--${name}:\\s*(?:light-dark\\(\\s*)?(#[0-9a-f]{3,8})\\b`, 'i').exec(
		tokens
	);
	if (!found) throw new Error(`tokens.css has no colour --${name}`);
	return found[1]!;
}
