import * as v from 'valibot';

/** Account ids are a public contract (section ids, deep links, embed and presenter): see README. */
export const ACCOUNT_IDS = ['konstantin', 'anna', 'oleg', 'konstantin-roman', 'aleksandr'] as const;
export const FIGURE_IDS = ['fled', 'colleagues'] as const;

const text = v.pipe(v.string('must be a line of text'), v.trim(), v.nonEmpty('must not be empty'));
const optionalText = v.optional(text);
// ArchieML yields only strings: counts are coerced here, and only plain digits are accepted.
// Counts may be grouped as the source writes them (200,000), so the copy never holds a figure
// in a form the source does not use.
const count = v.pipe(
	v.string('must be a number written with digits'),
	v.trim(),
	v.regex(
		/^(\d{1,3}(,\d{3})+|\d+)$/,
		'must be a whole number in digits, grouped like 200,000 or not at all'
	),
	v.transform((value) => Number(value.replace(/,/g, '')))
);
const list = <T extends v.GenericSchema>(item: T, what: string) =>
	v.pipe(
		v.array(item, `must be a list of ${what}: [name] … []`),
		v.minLength(1, `must list at least one ${what}`)
	);
const record = <T extends v.ObjectEntries>(entries: T) =>
	v.strictObject(entries, (issue) =>
		issue.expected === 'never'
			? 'is not a known key here'
			: 'must be a block: {name} … {} or list items'
	);

const PlaceSchema = record({
	/** As the source spells it: the map label. */
	name: text,
	/** ISO 3166-1 alpha-2 code, to find the place in the gazetteer. */
	country: v.pipe(
		v.string(),
		v.regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as RU')
	),
	/** The gazetteer's spelling, where it differs from the source's. */
	geonames: optionalText,
	role: v.picklist(
		['home', 'origin', 'via', 'destination'],
		'must be home, origin, via or destination'
	)
});

const CountrySchema = record({
	/** As Natural Earth and the source name it. */
	name: text,
	role: v.picklist(['named', 'wish', 'danger'], 'must be named, wish or danger')
});

const RouteSchema = record({
	/** Place or country names of the same step, joined by " > ". */
	stops: v.pipe(
		text,
		v.transform((value) => value.split('>').map((stop) => stop.trim())),
		v.check(
			(stops) => stops.length >= 2 && stops.every(Boolean),
			'must name at least two stops: A > B'
		)
	),
	kind: v.picklist(['fled', 'wish'], 'must be fled or wish')
});

/** What the locator map shows for one step. */
const optionalList = <T extends v.GenericSchema>(item: T, what: string) =>
	v.optional(v.array(item, `must be a list of ${what}: [name] … []`), []);
const mapEntries = {
	places: optionalList(PlaceSchema, 'places (name, country, role)'),
	countries: optionalList(CountrySchema, 'countries (name, role)'),
	routes: optionalList(RouteSchema, 'routes (stops, kind)')
};

export const PersonSchema = record({ name: text, age: count });

export const AccountSchema = record({
	id: v.picklist(ACCOUNT_IDS, `must be one of ${ACCOUNT_IDS.join(', ')}`),
	/** The account's name in the chapter control ("Anna"). */
	short: text,
	people: list(PersonSchema, 'people (name, age)'),
	place: text,
	region: optionalText,
	/** How the place line continues, e.g. "fled to Uzbekistan". */
	journey: optionalText,
	/** The account's headline quote, verbatim from the source heading. */
	quote: text,
	/** Describes the account's map state for everyone, in words (the figure's caption). */
	mapCaption: text,
	...mapEntries,
	paragraphs: list(text, '* paragraphs')
});

export const FigureSchema = record({
	id: v.picklist(FIGURE_IDS, `must be one of ${FIGURE_IDS.join(', ')}`),
	value: count,
	/** The figure exactly as its sentence writes it. */
	display: text,
	/** The words just before and after the figure in its sentence: its hedging stays with it. */
	lead: text,
	tail: text,
	/** The source sentence that states the figure, verbatim. */
	sentence: text,
	/** "units": draw the count as that many figures too. */
	chart: v.optional(v.picklist(['units'], 'must be units')),
	/** What the unit chart shows, for screen readers. */
	chartLabel: optionalText
});

export const ContentSchema = record({
	headline: text,
	dek: text,
	title: text,
	description: text,
	source: record({
		publication: text,
		credit: text,
		printed: text,
		date: v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'))
	}),
	corrections: optionalList(record({ from: text, to: text }), 'corrections (from, to)'),
	introMap: record({ caption: text, ...mapEntries }),
	intro: list(text, '* paragraphs'),
	figures: list(FigureSchema, 'figures'),
	accounts: list(AccountSchema, 'accounts'),
	labels: record({
		skipLink: text,
		accountsNav: text,
		sourceHeading: text,
		mapTitle: text,
		mapCredit: text,
		routeFled: text,
		routeWish: text,
		chapterNav: text,
		fullStory: text,
		notesNext: text,
		notesRestart: text,
		notesRestartConfirm: text,
		notesPause: text,
		notesElapsed: text,
		notesNow: text,
		notesTarget: text,
		notesLeft: text,
		notesAhead: text,
		notesBehind: text,
		presentSpeakerView: text,
		offlineNeedsScript: text,
		accountRead: text,
		shareHeading: text,
		shareIntro: text,
		shareScript: text,
		shareIframe: text,
		shareOembed: text,
		shareAmp: text,
		shareWhich: text,
		shareWhichWpAuthor: text,
		shareWhichWpAdmin: text,
		shareWhichIframe: text,
		shareWhichAmp: text,
		shareWhichLink: text,
		shareAccounts: text,
		sharePictures: text,
		shareCopy: text,
		shareCopied: text,
		shareNoSiteUrl: text
	})
});

export type Content = v.InferOutput<typeof ContentSchema>;
export type Account = v.InferOutput<typeof AccountSchema>;
export type Figure = v.InferOutput<typeof FigureSchema>;
export type Place = v.InferOutput<typeof PlaceSchema>;
export type Country = v.InferOutput<typeof CountrySchema>;
export type Route = v.InferOutput<typeof RouteSchema>;
export type MapEntries = Pick<Account, 'places' | 'countries' | 'routes'>;
export type AccountId = (typeof ACCOUNT_IDS)[number];
export type FigureId = (typeof FIGURE_IDS)[number];
