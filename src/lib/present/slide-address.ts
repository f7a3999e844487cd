import type { Deck } from './deck.svelte';
import { slideFromHash } from './slides';

/**
 * Writes the slide to the address (#/N). A plain fragment navigation that replaces the entry,
 * not Kit's shallow replaceState: after that, Kit's router put the old address back when the
 * presenter typed another #/N, and the deck stayed where it was (found by the generated walks).
 */
export function writeSlideAddress(n: number): void {
	if (location.hash !== `#/${n}`) location.replace(`#/${n}`);
}

/**
 * The deck follows the address: it opens on the slide the address names, and goes where a typed
 * #/N says. An address that names no slide (#/x, #/99) is put right, as the slide it opened.
 * Returns the cleanup.
 */
export function followSlideAddress(deck: Deck): () => void {
	deck.go(slideFromHash(location.hash, deck.total));
	const follow = () => {
		deck.go(slideFromHash(location.hash, deck.total));
		writeSlideAddress(deck.current);
	};
	window.addEventListener('hashchange', follow);
	return () => window.removeEventListener('hashchange', follow);
}
