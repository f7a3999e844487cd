/**
 * Where the graphic sits beside the words, sticky and full height: wide screens, and phones on
 * their side. ScrollyStory's side-by-side @media rules are this query (tests/unit/layout.test.ts
 * holds them to it), and the engine's reading line moves with it.
 */
export const SIDE_BY_SIDE =
	'(min-width: 64em), (orientation: landscape) and (min-width: 40em) and (max-height: 40em)';
