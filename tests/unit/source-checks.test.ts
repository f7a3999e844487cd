import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContent } from '$lib/content/parse';
import type { Content } from '$lib/content/schema';
import { checkAgainstSource, correctedSource, type World } from '$lib/content/source-checks';
import { SOURCE } from '../source-text';

const content = parseContent(readFileSync('src/content/story.aml', 'utf8'), SOURCE);

/** The issues of the story's content after `edit`, as "path: message" strings. */
function issuesOf(edit: (c: Content) => void, world?: World): string[] {
	const changed = structuredClone(content);
	edit(changed);
	return checkAgainstSource(changed, SOURCE, world).map((i) => `${i.path.join('.')}: ${i.message}`);
}
const account = (c: Content, id: string) => c.accounts.find((a) => a.id === id)!;
const everywhere: World = { hasPlace: () => true, hasCountry: () => true };

describe('correctedSource', () => {
	it('applies each correction everywhere, in the listed order', () => {
		const corrections = [
			{ from: 'Kazakhstan. , Georgia', to: 'Kazakhstan, Georgia' },
			{ from: 'Kazakhstan, Georgia', to: 'Georgia' }
		];
		expect(correctedSource('Kazakhstan. , Georgia or Kazakhstan. , Georgia', corrections)).toBe(
			'Georgia or Georgia'
		);
		expect(correctedSource(SOURCE, [])).toBe(SOURCE);
	});
});

describe('checkAgainstSource', () => {
	it('finds nothing wrong with the story as it is, with or without the gazetteer', () => {
		expect(checkAgainstSource(content, SOURCE)).toEqual([]);
		expect(checkAgainstSource(content, SOURCE, everywhere)).toEqual([]);
	});

	it('reports a correction of words the source does not have', () => {
		expect(issuesOf((c) => c.corrections.push({ from: 'Kazakstan', to: 'Kazakhstan' }))).toEqual([
			'corrections.2.from: “Kazakstan” does not occur in the source'
		]);
	});

	it('points at where a quote stops being verbatim', () => {
		const p = account(content, 'konstantin').paragraphs[0]!;
		const at = p.indexOf('biologist');
		expect(
			issuesOf((c) => {
				account(c, 'konstantin').paragraphs[0] = p.replace('biologist', 'geologist');
			})
		).toContain(
			`accounts.0.paragraphs.0: is not verbatim in the source: it differs after “…${p.slice(at - 30, at)}”`
		);
	});

	it('reports a paragraph left out, repeated, or taken from another account', () => {
		const [first, second, third] = account(content, 'konstantin').paragraphs;
		expect(
			issuesOf((c) => {
				account(c, 'konstantin').paragraphs = [first!, third!];
			})
		).toEqual([
			`accounts.0.paragraphs.1: leaves out the words the source has before it: “${second!.slice(1, 41)}…”`
		]);
		expect(
			issuesOf((c) => {
				account(c, 'konstantin').paragraphs = [first!, first!, third!];
			})
		).toEqual([
			'accounts.0.paragraphs.1: repeats the paragraph above it or comes before it in the source'
		]);
		expect(
			issuesOf((c) => {
				account(c, 'konstantin').paragraphs.push(account(c, 'anna').paragraphs[0]!);
			})
		).toEqual(['accounts.0.paragraphs.3: is in another part of the source']);
	});

	it('keeps the five accounts in the source’s order, none missing', () => {
		const swapped = issuesOf((c) => {
			c.accounts = [c.accounts[1]!, c.accounts[0]!, ...c.accounts.slice(2)];
		});
		expect(swapped).toContain(
			'accounts.0.id: expected "konstantin" here: the accounts follow the source\'s order konstantin, anna, oleg, konstantin-roman, aleksandr'
		);
		expect(issuesOf((c) => c.accounts.pop())).toEqual(['accounts: account "aleksandr" is missing']);
	});

	it('takes people, ages and places from the source’s heading of the account', () => {
		expect(
			issuesOf((c) => {
				account(c, 'konstantin').people[0]!.age = 35;
			})
		).toEqual([
			"accounts.0.people.0.age: the source's heading “Konstantin (42), Moscow” gives Konstantin another age"
		]);
		expect(
			issuesOf((c) => {
				account(c, 'anna').region = 'Siberia';
			})
		).toContain(
			"accounts.1.region: “Siberia” is not in the source's heading “Anna Zuyeva (35), Ulan-Ude (Buryatia)”"
		);
		expect(
			issuesOf((c) => {
				account(c, 'anna').region = undefined;
			})
		).toEqual([
			"accounts.1: the source's heading “Anna Zuyeva (35), Ulan-Ude (Buryatia)” also says “Buryatia”, which the account leaves out"
		]);
		expect(
			issuesOf((c) => {
				account(c, 'konstantin-roman').short = 'Konstantin & Roman';
			})
		).toEqual([
			"accounts.3.short: must name the account's people by first name: “Konstantin and Roman”"
		]);
	});

	it('keeps the map to what the step’s text names, in its order', () => {
		expect(
			issuesOf((c) => {
				account(c, 'anna').places.reverse();
				account(c, 'anna').routes = [];
			})
		).toContain(
			"accounts.1.places.1.name: “Ulan-Ude” comes before “Ulaanbaatar” in this step's text: list them in its order"
		);
		expect(
			issuesOf((c) => {
				account(c, 'konstantin').mapCaption = 'Konstantin lives in Moscow, not in Kazakhstan.';
			})
		).toEqual(["accounts.0.mapCaption: names “Kazakhstan”, which this step's text does not"]);
		expect(
			issuesOf((c) => {
				account(c, 'konstantin').mapCaption = 'Konstantin stays. Fleeing is not an option for him.';
			})
		).toEqual(['accounts.0.mapCaption: must name “Moscow”: the caption is the map in words']);
		expect(
			issuesOf((c) => {
				account(c, 'oleg').mapCaption = account(c, 'oleg').mapCaption.replace('dangerous', 'hard');
			})
		).toEqual([
			'accounts.2.countries.1.role: “Belarus” is marked danger, so the caption must say it is dangerous where it names it'
		]);
	});

	it('counts a name only as a whole word: “Moscow” in “Moscow’s”, not in “Moscowite”', () => {
		const caption = (text: string) =>
			issuesOf((c) => {
				account(c, 'konstantin').mapCaption = text;
			});
		expect(caption('Konstantin lives in Moscow’s suburbs. Fleeing is not an option.')).toEqual([]);
		expect(caption('Konstantin is a Moscowite. Fleeing is not an option.')).toEqual([
			'accounts.0.mapCaption: must name “Moscow”: the caption is the map in words'
		]);
	});

	it('asks the gazetteer for each place by its GeoNames spelling, and for each country', () => {
		const world: World = {
			hasPlace: (name) => name !== 'Ulan Bator' && name !== 'Moscow',
			hasCountry: (name) => name !== 'Mongolia'
		};
		expect(issuesOf(() => {}, world)).toEqual(
			expect.arrayContaining([
				'accounts.1.places.1: “Ulan Bator” (MN) is not in the GeoNames gazetteer',
				'accounts.0.places.0: “Moscow” (RU) is not in the GeoNames gazetteer: give its spelling there as geonames:',
				'introMap.countries.2.name: Natural Earth has no country named “Mongolia”'
			])
		);
	});

	it('holds each figure to its sentence and the source', () => {
		expect(
			issuesOf((c) => {
				c.figures[0]!.value = 200001;
			})
		).toEqual(['figures.0.value: 200001 is written “200,001”, not “200,000”']);
		expect(
			issuesOf((c) => {
				c.figures[1]!.chartLabel = c.figures[1]!.chartLabel!.replace('51', '52');
			})
		).toEqual(['figures.1.chartLabel: must state the figure, “51”, and no other number']);
		expect(
			issuesOf((c) => {
				c.figures[1]!.chartLabel += ' Of 200 staff.';
			})
		).toEqual(['figures.1.chartLabel: must state the figure, “51”, and no other number']);
		expect(
			issuesOf((c) => {
				delete c.figures[1]!.chartLabel;
			})
		).toEqual(['figures.1.chartLabel: a chart needs a chartLabel for screen readers']);
		expect(
			issuesOf((c) => {
				c.figures[1]!.sentence = c.figures[1]!.sentence.replace(/^At /, '');
				c.figures[1]!.lead = 'Roman’s work,';
			})
		).toEqual([
			'figures.1.sentence: is not a whole sentence of a paragraph of the story, so the figure has no place'
		]);
		expect(issuesOf((c) => c.figures.reverse())).toContain(
			'figures.0.id: expected "fled" here: the figures follow the source\'s order fled, colleagues'
		);
	});

	it('lets editorial lines state only figures the source states, counting what the source counts', () => {
		expect(
			issuesOf((c) => {
				c.headline = 'Flee, hide or fight: 300,000 men';
			})
		).toEqual(['headline: the figure “300,000” is not stated by the source']);
		expect(
			issuesOf((c) => {
				c.dek = 'On September 22 men fled.';
			})
		).toEqual([
			'dek: the source states 22, but never “September 22” nor “22 men”: it counts something else'
		]);
	});

	it('holds the date to the printed line', () => {
		expect(
			issuesOf((c) => {
				c.source.date = '2022-10-05';
			})
		).toEqual(['source.date: 2022-10-05 is October 5, 2022, which the printed line does not name']);
	});
});
