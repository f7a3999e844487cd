import * as v from 'valibot';

/** Account ids are a public contract (section ids, deep links, embed and presenter): see README. */
export const ACCOUNT_IDS = ['konstantin', 'anna', 'oleg', 'konstantin-roman', 'aleksandr'] as const;
export const FIGURE_IDS = ['fled', 'colleagues'] as const;

const text = v.pipe(
	v.string('must be a line of text'),
	v.trim(),
	v.nonEmpty('must not be empty')
);
const optionalText = v.optional(text);
// ArchieML yields only strings: counts are coerced here, and only plain digits are accepted.
const count = v.pipe(
	v.string('must be a number written with digits'),
	v.trim(),
	v.regex(/^\d+$/, 'must be a whole number written with digits only (no separators)'),
	v.transform(Number)
);
const list = <T extends v.GenericSchema>(item: T, what: string) =>
	v.pipe(v.array(item, `must be a list of ${what}: [name] … []`), v.minLength(1, `must list at least one ${what}`));
const record = <T extends v.ObjectEntries>(entries: T) =>
	v.strictObject(entries, (issue) =>
		issue.expected === 'never' ? 'is not a known key here' : 'must be a block: {name} … {} or list items'
	);

export const PersonSchema = record({ name: text, age: count });

export const AccountSchema = record({
	id: v.picklist(ACCOUNT_IDS, `must be one of ${ACCOUNT_IDS.join(', ')}`),
	people: list(PersonSchema, 'people (name, age)'),
	place: text,
	region: optionalText,
	/** How the place line continues, e.g. "fled to Uzbekistan". */
	journey: optionalText,
	/** The account's headline quote, verbatim from the source heading. */
	quote: text,
	paragraphs: list(text, '* paragraphs')
});

export const FigureSchema = record({
	id: v.picklist(FIGURE_IDS, `must be one of ${FIGURE_IDS.join(', ')}`),
	value: count,
	/** The figure exactly as its sentence writes it. */
	display: text,
	/** The source sentence that states the figure, verbatim. */
	sentence: text
});

export const ContentSchema = record({
	headline: text,
	dek: text,
	title: text,
	description: text,
	source: record({ publication: text, credit: text, printed: text }),
	corrections: v.optional(list(record({ from: text, to: text }), 'corrections (from, to)'), []),
	intro: list(text, '* paragraphs'),
	figures: list(FigureSchema, 'figures'),
	accounts: list(AccountSchema, 'accounts'),
	labels: record({ skipLink: text, accountsNav: text, sourceHeading: text })
});

export type Content = v.InferOutput<typeof ContentSchema>;
export type Account = v.InferOutput<typeof AccountSchema>;
export type Figure = v.InferOutput<typeof FigureSchema>;
export type AccountId = (typeof ACCOUNT_IDS)[number];
export type FigureId = (typeof FIGURE_IDS)[number];
