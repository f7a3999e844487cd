import { formatCount } from '$lib/format';
import { ACCOUNT_IDS, FIGURE_IDS, type Content, type MapEntries } from './schema';
import type { PathSegment } from './aml-lines';

export interface SourceIssue {
	path: PathSegment[];
	message: string;
}

/** Numbers as a reader sees them: "200,000", "51", "2022". */
const NUMBER = /\d[\d,.]*\d|\d/g;

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

/**
 * Journalism rules the schema cannot express: quotes are verbatim, every figure is one the
 * source states and is written as the source writes it, and the accounts are the five in order.
 */
export function checkAgainstSource(content: Content, source: string): SourceIssue[] {
	const issues: SourceIssue[] = [];
	const fail = (path: PathSegment[], message: string) => issues.push({ path, message });

	content.corrections.forEach(({ from }, i) => {
		if (!source.includes(from)) fail(['corrections', i, 'from'], `“${from}” does not occur in the source`);
	});
	const text = correctedSource(source, content.corrections);
	const verbatim = (value: string, path: PathSegment[]) => {
		if (!text.includes(value)) fail(path, divergence(value, text));
	};

	content.intro.forEach((p, i) => verbatim(p, ['intro', i]));

	// The map shows only what the text says: every place and country is named in the source,
	// and routes run between the step's own places and countries.
	const checkMap = (map: MapEntries, at: PathSegment[]) => {
		const names = new Set([...map.places.map((p) => p.name), ...map.countries.map((c) => c.name)]);
		map.places.forEach((p, i) => {
			if (!text.includes(p.name)) fail([...at, 'places', i, 'name'], `the source never names “${p.name}”`);
		});
		map.countries.forEach((c, i) => {
			if (!text.includes(c.name)) fail([...at, 'countries', i, 'name'], `the source never names “${c.name}”`);
		});
		map.routes.forEach((r, i) => {
			for (const stop of r.stops) {
				if (!names.has(stop)) fail([...at, 'routes', i, 'stops'], `“${stop}” is not a place or country of this step`);
			}
		});
	};
	checkMap(content.introMap, ['introMap']);
	content.accounts.forEach((account, i) => checkMap(account, ['accounts', i]));

	const seen = new Map<string, number>();
	content.accounts.forEach((account, i) => {
		const first = seen.get(account.id);
		if (first !== undefined) fail(['accounts', i, 'id'], `duplicate account id "${account.id}" (also accounts[${first}])`);
		else seen.set(account.id, i);
		if (account.id !== ACCOUNT_IDS[i] && first === undefined) {
			fail(['accounts', i, 'id'], `expected "${ACCOUNT_IDS[i] ?? '(none)'}" here: the accounts follow the source's order ${ACCOUNT_IDS.join(', ')}`);
		}
		if (!text.includes(`‘${account.quote}’`)) fail(['accounts', i, 'quote'], divergence(`‘${account.quote}’`, text));
		account.people.forEach((person, j) => {
			if (!text.includes(person.name)) fail(['accounts', i, 'people', j, 'name'], `"${person.name}" is not named in the source`);
			if (!text.includes(`(${person.age})`)) fail(['accounts', i, 'people', j, 'age'], `the source gives no age (${person.age})`);
		});
		account.paragraphs.forEach((p, j) => verbatim(p, ['accounts', i, 'paragraphs', j]));
	});
	for (const id of ACCOUNT_IDS) {
		if (!seen.has(id)) fail(['accounts'], `account "${id}" is missing`);
	}

	const figures = new Set<string>();
	content.figures.forEach((figure, i) => {
		if (figures.has(figure.id)) fail(['figures', i, 'id'], `duplicate figure id "${figure.id}"`);
		figures.add(figure.id);
		verbatim(figure.sentence, ['figures', i, 'sentence']);
		if (!figure.sentence.includes(figure.display)) {
			fail(['figures', i, 'display'], `“${figure.display}” is not written that way in its sentence`);
		} else if (!text.includes(figure.display)) {
			fail(['figures', i, 'display'], `the source does not state “${figure.display}”`);
		} else if (!figure.sentence.includes(`${figure.lead} ${figure.display} ${figure.tail}`)) {
			fail(['figures', i, 'lead'], `“${figure.lead} ${figure.display} ${figure.tail}” is not in its sentence: lead and tail are the words around the figure`);
		}
		if (figure.chart && !figure.chartLabel) fail(['figures', i, 'chartLabel'], 'a chart needs a chartLabel for screen readers');
		if (formatCount(figure.value) !== figure.display) {
			fail(['figures', i, 'value'], `${figure.value} is written “${formatCount(figure.value)}”, not “${figure.display}”`);
		}
	});
	for (const id of FIGURE_IDS) if (!figures.has(id)) fail(['figures'], `figure "${id}" is missing`);

	const named = new Date(`${content.source.date}T12:00:00Z`).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' });
	if (!content.source.printed.includes(named)) fail(['source', 'date'], `${content.source.date} is ${named}, which the printed line does not name`);

	// Editorial lines (headline, dek, credit, labels) may only repeat figures the source states.
	const editorial: [PathSegment[], string][] = [
		[['headline'], content.headline],
		[['dek'], content.dek],
		[['title'], content.title],
		[['description'], content.description],
		[['introMap', 'caption'], content.introMap.caption],
		...content.figures.map((f, i): [PathSegment[], string] => [['figures', i, 'chartLabel'], f.chartLabel ?? '']),
		...content.accounts.map((a, i): [PathSegment[], string] => [['accounts', i, 'mapCaption'], a.mapCaption]),
		...(['publication', 'credit', 'printed'] as const).map((k): [PathSegment[], string] => [['source', k], content.source[k]]),
		...Object.entries(content.labels).map(([k, value]): [PathSegment[], string] => [['labels', k], value])
	];
	for (const [path, value] of editorial) {
		for (const n of value.match(NUMBER) ?? []) {
			if (!text.includes(n)) fail(path, `the figure “${n}” is not stated by the source`);
		}
	}
	return issues;
}
