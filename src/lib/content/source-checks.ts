import { formatCount } from '../format.ts';
import { ACCOUNT_IDS, FIGURE_IDS, type Account, type Content, type MapEntries } from './schema.ts';
import type { PathSegment } from './aml-lines.ts';

export interface SourceIssue {
	path: PathSegment[];
	message: string;
}

/** What the map draws from: a place is found by its GeoNames spelling and country code, a country by its Natural Earth name. */
export interface World {
	hasPlace(name: string, country: string): boolean;
	hasCountry(name: string): boolean;
}

/** Words and numbers as a reader sees them: "Roman", "200,000", "51", "2022". */
const TOKEN = /[\p{L}\p{N}]+(?:[,.]\p{N}+)*/gu;
const numbersIn = (text: string) => (text.match(TOKEN) ?? []).filter((t) => /^\d/.test(t));
/** What only a sentence of the source holds (a link or a photo credit between paragraphs has none). */
const SENTENCE = /[“.?!]/;
/** A fled route runs from home or origin (via places) to a destination; a wish route from there to a wish country. */
const ROUTE_ENDS = {
	fled: [['home', 'origin'], ['destination']],
	wish: [['destination'], ['wish']]
} as const;
/** A short excerpt to quote in a message, without quote marks of its own. */
const clip = (text: string) => {
	const bare = text.trim().replace(/^[“‘]|[”’]$/g, '');
	return bare.length > 40 ? `${bare.slice(0, 40)}…` : bare;
};
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Where `name` first stands as a word of `text`: "Roman" in "Roman’s", not "Oman" in "Roman"; or -1. */
const nameAt = (text: string, name: string) =>
	text.search(new RegExp(`(?<![\\p{L}-])${escape(name)}(?![\\p{L}-])`, 'u'));
const names = (text: string, name: string) => nameAt(text, name) >= 0;

/** The source with the content file's typo corrections applied. */
export function correctedSource(source: string, corrections: Content['corrections']): string {
	return corrections.reduce((text, { from, to }) => text.split(from).join(to), source);
}

/** Points an editor at the first character where `text` stops matching the source. */
function divergence(text: string, source: string): string {
	let lo = 0;
	let hi = text.length;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (source.includes(text.slice(0, mid))) lo = mid;
		else hi = mid - 1;
	}
	const before = text.slice(Math.max(0, lo - 30), lo);
	return `is not verbatim in the source: it differs after “…${before}”`;
}

/** Whether `sentence` stands in `paragraph` as a whole sentence, not as the end of one or the start of one. */
function wholeSentenceIn(paragraph: string, sentence: string): boolean {
	if (!/[.?!]$/.test(sentence)) return false;
	for (let k = paragraph.indexOf(sentence); k >= 0; k = paragraph.indexOf(sentence, k + 1)) {
		const before = paragraph.slice(0, k);
		const after = paragraph.slice(k + sentence.length);
		if (/(?:^|[.?!][”’\]]?\s+)[“‘]?$/.test(before) && /^[”’\]]*(?:\s|$)/.test(after)) return true;
	}
	return false;
}

/**
 * Journalism rules the schema cannot express: quotes are verbatim, whole and in the source's order;
 * every figure is one the source states, written as the source writes it; the accounts are the
 * five in order, under the source's headings; the map and its caption show only what the text says.
 */
export function checkAgainstSource(content: Content, source: string, world?: World): SourceIssue[] {
	const issues: SourceIssue[] = [];
	const fail = (path: PathSegment[], message: string) => issues.push({ path, message });

	content.corrections.forEach(({ from }, i) => {
		if (!source.includes(from))
			fail(['corrections', i, 'from'], `“${from}” does not occur in the source`);
	});
	const text = correctedSource(source, content.corrections);
	// Whole numbers, not digits: "6" is not stated by a source that says "36"; and with what they
	// count: the source's 22 is a date in "September 21 to 22", not "September 22".
	const tokens = text.match(TOKEN) ?? [];
	const stated = new Set(tokens);
	const pairs = new Set(tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`));
	const verbatim = (value: string, path: PathSegment[]) => {
		if (text.includes(value)) return true;
		fail(path, divergence(value, text));
		return false;
	};

	// Each account's heading quote marks where its part of the source starts.
	const quoteAt = content.accounts.map((a) => text.indexOf(`‘${a.quote}’`));
	const partEnd = (start: number) => Math.min(text.length, ...quoteAt.filter((q) => q > start));

	/**
	 * Paragraphs are the source's, whole and in its order: the first starts the part, and between two
	 * of them the source holds no sentence, so nothing is dropped, repeated or moved. Returns where
	 * the last one ends, or undefined when a paragraph is out of place (reported).
	 */
	const follow = (paragraphs: string[], at: PathSegment[], from: number, to: number) => {
		let cursor = from;
		for (const [j, p] of paragraphs.entries()) {
			if (!text.includes(p)) return undefined; // reported as not verbatim
			const k = text.indexOf(p, cursor);
			if (k < 0 || k + p.length > to) {
				const first = text.indexOf(p, from);
				fail(
					[...at, j],
					first < cursor
						? 'repeats the paragraph above it or comes before it in the source'
						: 'is in another part of the source'
				);
				return undefined;
			}
			const gap = text.slice(cursor, k);
			if (j === 0 ? gap.trim() !== '' : SENTENCE.test(gap)) {
				fail([...at, j], `leaves out the words the source has before it: “${clip(gap)}”`);
				return undefined;
			}
			cursor = k + p.length;
		}
		return cursor;
	};

	// Every name the story uses: a caption or chart label may use one only where its own text does.
	const storyNames = [
		...new Set([
			...[content.introMap, ...content.accounts].flatMap((m) => [
				...m.places.map((p) => p.name),
				...m.countries.map((c) => c.name)
			]),
			...content.accounts.flatMap((a) => [
				a.place,
				a.region ?? a.place,
				...a.people.flatMap((p) => [p.name, ...p.name.split(' ')])
			])
		])
	];

	// The map shows only what the text says: every place and country is named in the source,
	// and routes run between the step's own places and countries.
	const checkMap = (map: MapEntries, at: PathSegment[]) => {
		const all = new Set([...map.places.map((p) => p.name), ...map.countries.map((c) => c.name)]);
		const seen = new Set<string>();
		const once = (name: string, path: PathSegment[]) => {
			if (seen.has(name)) fail(path, `“${name}” is already on this step's map`);
			seen.add(name);
		};
		map.places.forEach((p, i) => {
			const spelling = p.geonames ?? p.name;
			if (!text.includes(p.name))
				fail([...at, 'places', i, 'name'], `the source never names “${p.name}”`);
			else if (world && !world.hasPlace(spelling, p.country)) {
				fail(
					[...at, 'places', i],
					`“${spelling}” (${p.country}) is not in the GeoNames gazetteer${p.geonames ? '' : ': give its spelling there as geonames:'}`
				);
			} else once(p.name, [...at, 'places', i, 'name']);
		});
		map.countries.forEach((c, i) => {
			if (!text.includes(c.name))
				fail([...at, 'countries', i, 'name'], `the source never names “${c.name}”`);
			else if (world && !world.hasCountry(c.name))
				fail([...at, 'countries', i, 'name'], `Natural Earth has no country named “${c.name}”`);
			else once(c.name, [...at, 'countries', i, 'name']);
		});
		map.routes.forEach((r, i) => {
			for (const stop of r.stops) {
				if (!all.has(stop))
					fail([...at, 'routes', i, 'stops'], `“${stop}” is not a place or country of this step`);
			}
		});
	};

	/**
	 * Once a step's fields are each right, they must agree: its map names only what its own text
	 * names, roles fit the routes, and the caption (the map in words) names what the map shows.
	 */
	const checkStep = (
		map: MapEntries & { caption: string },
		at: PathSegment[],
		captionAt: PathSegment[],
		own: string,
		account?: Account
	) => {
		const placeRole = new Map(map.places.map((p) => [p.name, p.role as string]));
		const countryRole = new Map(map.countries.map((c) => [c.name, c.role as string]));
		// Listed in the order the text names them, so the lists (and the labels' priority) are the text's.
		for (const [kind, list] of [
			['places', map.places],
			['countries', map.countries]
		] as const) {
			list.forEach((entry, i) => {
				const previous = list[i - 1];
				if (!names(own, entry.name))
					fail([...at, kind, i, 'name'], `this step's text never names “${entry.name}”`);
				else if (previous && nameAt(own, entry.name) < nameAt(own, previous.name)) {
					fail(
						[...at, kind, i, 'name'],
						`“${entry.name}” comes before “${previous.name}” in this step's text: list them in its order`
					);
				}
			});
		}
		const starts = new Set<string>();
		const ends = new Set<string>();
		const along = new Set<string>();
		map.routes.forEach((r, i) => {
			const [first, last] = ROUTE_ENDS[r.kind];
			r.stops.forEach((stop, s) => {
				const roles: readonly string[] =
					s === 0 ? first : s === r.stops.length - 1 ? last : ['via'];
				const role = placeRole.get(stop) ?? countryRole.get(stop) ?? '';
				if (!roles.includes(role)) {
					fail(
						[...at, 'routes', i, 'stops'],
						`“${stop}” (${role}) cannot be stop ${s + 1} of a ${r.kind} route: that takes ${roles.join(' or ')}`
					);
				}
				(s === 0 ? starts : s === r.stops.length - 1 ? ends : along).add(`${r.kind} ${stop}`);
			});
		});
		map.places.forEach((p, i) => {
			const used = {
				home: p.name === account?.place,
				origin: starts.has(`fled ${p.name}`),
				via: along.has(`fled ${p.name}`) || along.has(`wish ${p.name}`),
				destination: ends.has(`fled ${p.name}`)
			}[p.role];
			const why = {
				home: `home is the account's place`,
				origin: 'an origin starts a fled route',
				via: 'a via place is a stop along a route',
				destination: 'a destination ends a fled route'
			}[p.role];
			if (!used) fail([...at, 'places', i, 'role'], `“${p.name}” cannot be ${p.role}: ${why}`);
		});
		// The account's place is its people's home, or their origin when the heading says they fled from it.
		const home = map.places.findIndex((p) => p.name === account?.place);
		const want = account?.journey ? 'origin' : 'home';
		if (account && home >= 0 && map.places[home]?.role !== want) {
			fail(
				[...at, 'places', home, 'role'],
				`must be ${want}: ${account.journey ? `the account's people ${account.journey} from ${account.place}` : `the account's people live in ${account.place}`}`
			);
		}
		const sentences = map.caption.split(/(?<=[.?!;])\s+/);
		map.countries.forEach((c, i) => {
			if (c.role === 'wish' && !ends.has(`wish ${c.name}`))
				fail(
					[...at, 'countries', i, 'role'],
					`“${c.name}” cannot be wish: a wish country ends a wish route`
				);
			if (c.role === 'danger' && !sentences.some((s) => names(s, c.name) && /danger/i.test(s))) {
				fail(
					[...at, 'countries', i, 'role'],
					`“${c.name}” is marked danger, so the caption must say it is dangerous where it names it`
				);
			}
		});

		const shown = [...placeRole.keys(), ...countryRole.keys()];
		const must = account
			? [
					...account.people.map((p) => p.name),
					account.place,
					account.region ?? account.place,
					...shown
				]
			: shown;
		for (const name of new Set(must))
			if (!names(map.caption, name))
				fail(captionAt, `must name “${name}”: the caption is the map in words`);
		for (const name of storyNames) {
			if (names(map.caption, name) && !names(own, name))
				fail(captionAt, `names “${name}”, which this step's text does not`);
		}
		if (account) {
			const short = account.people.map((p) => p.name.split(' ')[0]).join(' and ');
			if (account.short !== short)
				fail([...at, 'short'], `must name the account's people by first name: “${short}”`);
		}
	};

	let before = issues.length;
	content.intro.forEach((p, i) => verbatim(p, ['intro', i]));
	const introEnd = follow(content.intro, ['intro'], 0, partEnd(-1));
	// The intro runs up to the first account's heading.
	if (
		introEnd !== undefined &&
		quoteAt.every((q) => q >= 0) &&
		SENTENCE.test(text.slice(introEnd, partEnd(-1)))
	) {
		fail(
			['intro', content.intro.length - 1],
			`leaves out the words the source has after it: “${clip(text.slice(introEnd, partEnd(-1)))}”`
		);
	}
	checkMap(content.introMap, ['introMap']);
	if (issues.length === before)
		checkStep(content.introMap, ['introMap'], ['introMap', 'caption'], content.intro.join('\n'));

	const seen = new Map<string, number>();
	content.accounts.forEach((account, i) => {
		before = issues.length;
		const at: PathSegment[] = ['accounts', i];
		const first = seen.get(account.id);
		if (first !== undefined)
			fail([...at, 'id'], `duplicate account id "${account.id}" (also accounts[${first}])`);
		else seen.set(account.id, i);
		if (account.id !== ACCOUNT_IDS[i] && first === undefined) {
			fail(
				[...at, 'id'],
				`expected "${ACCOUNT_IDS[i] ?? '(none)'}" here: the accounts follow the source's order ${ACCOUNT_IDS.join(', ')}`
			);
		}
		const quote = quoteAt[i] ?? -1;
		if (quote < 0) fail([...at, 'quote'], divergence(`‘${account.quote}’`, text));

		// The heading the source gives the quote ("Anna Zuyeva (35), Ulan-Ude (Buryatia)") runs from the first name.
		const name = account.people[0]?.name ?? '';
		const start = quote < 0 ? -1 : text.lastIndexOf(name, quote);
		const heading = text.slice(Math.max(start, 0), Math.max(quote, 0)).replace(/[\s:]+$/, '');
		const hasHeading = start >= 0 && !/[“”.?!]/.test(heading);
		account.people.forEach((person, j) => {
			const path = [...at, 'people', j];
			if (!text.includes(person.name))
				fail([...path, 'name'], `"${person.name}" is not named in the source`);
			else if (quote >= 0 && (!hasHeading || !heading.includes(person.name))) {
				fail(
					[...path, 'name'],
					hasHeading
						? `is not in the source's heading “${heading}”`
						: `the source's heading before ‘${account.quote}’ does not start with it`
				);
			}
			if (!text.includes(`(${person.age})`))
				fail([...path, 'age'], `the source gives no age (${person.age})`);
			else if (
				hasHeading &&
				heading.includes(person.name) &&
				/\((\d+)\)/.exec(heading.slice(heading.indexOf(person.name)))?.[1] !== String(person.age)
			) {
				fail(
					[...path, 'age'],
					`the source's heading “${heading}” gives ${person.name} another age`
				);
			}
		});
		if (hasHeading) {
			for (const key of ['place', 'region', 'journey'] as const) {
				const value = account[key];
				if (value && !heading.includes(value))
					fail([...at, key], `“${value}” is not in the source's heading “${heading}”`);
			}
			const parts = [
				...account.people.flatMap((p) => [p.name, `(${p.age})`]),
				account.place,
				account.region ?? '',
				account.journey ?? ''
			];
			const rest = parts
				.filter(Boolean)
				.sort((a, b) => b.length - a.length)
				.reduce((h, part) => h.split(part).join(' '), heading)
				.replace(/\b(?:and|from)\b|[\s,()]+/g, ' ')
				.trim();
			// Only when the account's own fields are right: otherwise the rest is their mistake, already reported.
			if (rest && issues.length === before)
				fail(
					at,
					`the source's heading “${heading}” also says “${rest}”, which the account leaves out`
				);
		}

		account.paragraphs.forEach((p, j) => verbatim(p, [...at, 'paragraphs', j]));
		if (quote >= 0) {
			const end = follow(
				account.paragraphs,
				[...at, 'paragraphs'],
				quote + account.quote.length + 2,
				partEnd(quote)
			);
			// The account is one quotation: its last paragraph closes it.
			const last = account.paragraphs.at(-1) ?? '';
			if (end !== undefined && !last.endsWith('”')) {
				fail(
					[...at, 'paragraphs', account.paragraphs.length - 1],
					`must close the quote with ”: the source goes on “${clip(text.slice(end, end + 40))}”`
				);
			}
		}
		checkMap(account, at);
		if (issues.length === before) {
			checkStep(
				{ ...account, caption: account.mapCaption },
				at,
				[...at, 'mapCaption'],
				`${heading}\n${account.paragraphs.join('\n')}`,
				account
			);
		}
	});
	for (const id of ACCOUNT_IDS) {
		if (!seen.has(id)) fail(['accounts'], `account "${id}" is missing`);
	}

	const paragraphs = [...content.intro, ...content.accounts.flatMap((a) => a.paragraphs)];
	const figures = new Set<string>();
	content.figures.forEach((figure, i) => {
		const at: PathSegment[] = ['figures', i];
		if (figures.has(figure.id)) fail([...at, 'id'], `duplicate figure id "${figure.id}"`);
		else if (figure.id !== FIGURE_IDS[i])
			fail(
				[...at, 'id'],
				`expected "${FIGURE_IDS[i] ?? '(none)'}" here: the figures follow the source's order ${FIGURE_IDS.join(', ')}`
			);
		figures.add(figure.id);
		if (
			verbatim(figure.sentence, [...at, 'sentence']) &&
			!paragraphs.some((p) => wholeSentenceIn(p, figure.sentence))
		) {
			fail(
				[...at, 'sentence'],
				'is not a whole sentence of a paragraph of the story, so the figure has no place'
			);
		}
		if (!figure.sentence.includes(figure.display)) {
			fail([...at, 'display'], `“${figure.display}” is not written that way in its sentence`);
		} else if (!text.includes(figure.display)) {
			fail([...at, 'display'], `the source does not state “${figure.display}”`);
		} else if (!figure.sentence.includes(`${figure.lead} ${figure.display} ${figure.tail}`)) {
			fail(
				[...at, 'lead'],
				`“${figure.lead} ${figure.display} ${figure.tail}” is not in its sentence: lead and tail are the words around the figure`
			);
		} else if (figure.chartLabel) {
			const numbers = numbersIn(figure.chartLabel);
			if (!numbers.includes(figure.display) || numbers.some((n) => n !== figure.display)) {
				fail(
					[...at, 'chartLabel'],
					`must state the figure, “${figure.display}”, and no other number`
				);
			}
			for (const name of storyNames) {
				if (names(figure.chartLabel, name) && !names(figure.sentence, name))
					fail([...at, 'chartLabel'], `names “${name}”, which its sentence does not`);
			}
		}
		if (figure.chart && !figure.chartLabel)
			fail([...at, 'chartLabel'], 'a chart needs a chartLabel for screen readers');
		if (figure.chartLabel && !figure.chart)
			fail([...at, 'chart'], 'is missing: the chartLabel describes a chart (chart: units)');
		if (formatCount(figure.value) !== figure.display) {
			fail(
				[...at, 'value'],
				`${figure.value} is written “${formatCount(figure.value)}”, not “${figure.display}”`
			);
		}
	});
	for (const id of FIGURE_IDS) if (!figures.has(id)) fail(['figures'], `figure "${id}" is missing`);

	const named = new Date(`${content.source.date}T12:00:00Z`).toLocaleDateString('en-US', {
		dateStyle: 'long',
		timeZone: 'UTC'
	});
	if (!content.source.printed.includes(named))
		fail(
			['source', 'date'],
			`${content.source.date} is ${named}, which the printed line does not name`
		);

	// Editorial lines (headline, dek, credit, labels) may only repeat figures the source states.
	// (A chart label states its own figure, checked above.)
	const editorial: [PathSegment[], string][] = [
		[['headline'], content.headline],
		[['dek'], content.dek],
		[['title'], content.title],
		[['description'], content.description],
		[['introMap', 'caption'], content.introMap.caption],
		...content.accounts.map((a, i): [PathSegment[], string] => [
			['accounts', i, 'mapCaption'],
			a.mapCaption
		]),
		...(['publication', 'credit', 'printed'] as const).map((k): [PathSegment[], string] => [
			['source', k],
			content.source[k]
		]),
		...Object.entries(content.labels).map(([k, value]): [PathSegment[], string] => [
			['labels', k],
			value
		])
	];
	for (const [path, value] of editorial) {
		const words = value.match(TOKEN) ?? [];
		words.forEach((n, i) => {
			if (!/^\d/.test(n)) return;
			const [before = '', after = ''] = [words[i - 1], words[i + 1]];
			if (!stated.has(n)) fail(path, `the figure “${n}” is not stated by the source`);
			else if (!pairs.has(`${before} ${n}`) && !pairs.has(`${n} ${after}`)) {
				fail(
					path,
					`the source states ${n}, but never “${`${before} ${n}`.trim()}” nor “${`${n} ${after}`.trim()}”: it counts something else`
				);
			}
		});
	}
	return issues;
}
