import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ContentError, parseContent } from '$lib/content/parse';
import { scanAml } from '$lib/content/aml-lines';

const aml = readFileSync('src/content/story.aml', 'utf8');
const source = readFileSync('src/content/article.txt', 'utf8');
const lines = aml.split('\n');
const lineNo = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;

/** Parses `text` and returns the problems it reports, as "line field: message" strings. */
function problemsOf(text: string): string[] {
	try {
		parseContent(text, source);
	} catch (e) {
		if (!(e instanceof ContentError)) throw e;
		return e.problems.map((p) => `${p.line} ${p.field}: ${p.message}`);
	}
	return [];
}
const replaceLine = (needle: string, replacement: string) =>
	lines.map((l) => (l.includes(needle) ? replacement : l)).join('\n');

describe('the story content file', () => {
	it('parses into five accounts in source order', () => {
		const content = parseContent(aml, source);
		expect(content.accounts.map((a) => a.id)).toEqual([
			'konstantin',
			'anna',
			'oleg',
			'konstantin-roman',
			'aleksandr'
		]);
		expect(content.accounts.every((a) => a.paragraphs.length === 3)).toBe(true);
		expect(content.accounts[3]?.people.map((p) => p.age)).toEqual([37, 36]);
		expect(content.figures.map((f) => [f.id, f.value])).toEqual([
			['fled', 200000],
			['colleagues', 51]
		]);
	});

	it('keeps the source typo fix as a correction, not a silent edit', () => {
		const content = parseContent(aml, source);
		expect(content.intro[0]).toContain('Kazakhstan, Georgia and Mongolia');
		expect(content.corrections).toEqual([
			{ from: 'Kazakhstan. , Georgia', to: 'Kazakhstan, Georgia' },
			{ from: 'We know death. we are not afraid', to: 'We know death. We are not afraid' }
		]);
	});

	it('capitalises Aleksandr’s headline as his words in the text, as a listed correction', () => {
		const content = parseContent(aml, source);
		const aleksandr = content.accounts.find((a) => a.id === 'aleksandr')!;
		expect(aleksandr.quote).toBe('We know death. We are not afraid');
		// His own words in the body, which the correction follows.
		expect(source).toContain('We know death. We are not afraid.”');
		// Without the correction, the corrected headline is not the source's.
		const uncorrected = aml.replace(
			/\nfrom: We know death\. we are not afraid\nto: We know death\. We are not afraid\n/,
			'\n'
		);
		expect(uncorrected).not.toBe(aml);
		expect(() => parseContent(uncorrected, source)).toThrow(/accounts\[4\]\.quote/);
	});

	it('names the thrown error after the file and line', () => {
		const bad = aml.replace('place: Kaliningrad', 'place:');
		expect(() => parseContent(bad, source)).toThrow(
			/src\/content\/story\.aml:\d+ accounts\[2\]\.place: must not be empty/
		);
	});
});

describe('bad content fails with the field and its line', () => {
	it('a missing field', () => {
		const bad = replaceLine('quote: Even the dead', '# quote removed');
		expect(problemsOf(bad)).toEqual([`${lineNo('id: anna')} accounts[1].quote: is missing`]);
	});

	it('a wrong type (text where a count belongs)', () => {
		const line = lineNo('age: 58');
		expect(problemsOf(replaceLine('age: 58', 'age: fifty-eight'))).toEqual([
			`${line} accounts[2].people[0].age: must be a whole number in digits, grouped like 200,000 or not at all`
		]);
	});

	it('an unknown account id', () => {
		const line = lineNo('id: oleg');
		expect(problemsOf(replaceLine('id: oleg', 'id: olga'))).toEqual([
			expect.stringMatching(new RegExp(`^${line} accounts\\[2\\]\\.id: must be one of konstantin`))
		]);
	});

	it('a duplicate account id', () => {
		const line = lineNo('id: oleg');
		const problems = problemsOf(replaceLine('id: oleg', 'id: anna'));
		expect(problems).toContain(
			`${line} accounts[2].id: duplicate account id "anna" (also accounts[1])`
		);
		expect(problems.some((p) => p.includes('account "oleg" is missing'))).toBe(true);
	});

	it('an empty paragraph', () => {
		const line = lineNo('* “Many men in our village');
		expect(problemsOf(replaceLine('* “Many men in our village', '* '))).toEqual([
			`${line} accounts[2].paragraphs[0]: must not be empty`
		]);
	});

	it('a figure the source text does not contain', () => {
		const bad = aml
			.replace(
				'sentence: At Roman’s work, 51 employees were mobilized in one day.',
				'sentence: At Roman’s work, 61 employees were mobilized in one day.'
			)
			.replace('display: 51', 'display: 61')
			.replace('value: 51', 'value: 61');
		expect(problemsOf(bad)).toEqual([
			`${lineNo('display: 51')} figures[1].display: the source does not state “61”`,
			expect.stringMatching(
				new RegExp(
					`^${lineNo('sentence: At Roman’s work')} figures\\[1\\]\\.sentence: is not verbatim in the source`
				)
			)
		]);
	});

	it('a figure the headline invents', () => {
		const line = lineNo('headline:');
		expect(problemsOf(replaceLine('headline:', 'headline: 300,000 flee'))).toEqual([
			`${line} headline: the figure “300,000” is not stated by the source`
		]);
	});

	it('a number written differently from the source', () => {
		const line = lineNo('display: 200,000');
		expect(problemsOf(replaceLine('display: 200,000', 'display: 200.000'))).toEqual([
			`${lineNo('value: 200,000')} figures[0].value: 200000 is written “200,000”, not “200.000”`,
			`${line} figures[0].display: “200.000” is not written that way in its sentence`
		]);
	});

	it('hedging words that are not the ones around the figure', () => {
		expect(problemsOf(replaceLine('lead: more than', 'lead: about'))).toEqual([
			`${lineNo('lead: more than')} figures[0].lead: “about 200,000 men are estimated to have fled Russia” is not in its sentence: lead and tail are the words around the figure`
		]);
	});

	it('a quote that is not verbatim', () => {
		const line = lineNo('* “Many men in our village');
		const bad = aml.replace('The atmosphere is gloomy', 'The mood is gloomy');
		expect(problemsOf(bad)).toEqual([
			`${line} accounts[2].paragraphs[0]: is not verbatim in the source: it differs after “…age have received a call. The ”`
		]);
	});

	it('an unclosed [list]', () => {
		const bad = aml.replace(/(\[\.paragraphs\]\n(?:\*.*\n)+)\[\]\n\n(id: anna)/, '$1\n$2');
		expect(bad).not.toEqual(aml);
		const badLines = bad.split('\n');
		const opened = lineNo('[.paragraphs]');
		const next = badLines.indexOf('id: anna') + 1;
		expect(problemsOf(bad)[0]).toBe(
			`${next} accounts[0].paragraphs: key "id" inside [.paragraphs] (opened at line ${opened}), a list of * items: close that list with [] first`
		);
	});

	it('an unknown key', () => {
		const line = lineNo('place: Ulan-Ude');
		expect(problemsOf(replaceLine('place: Ulan-Ude', 'place: Ulan-Ude\ncity: Ulan-Ude'))).toEqual([
			`${line + 1} accounts[1].city: is not a known key here`
		]);
	});

	it('a duplicate key', () => {
		const line = lineNo('place: Ulan-Ude');
		expect(problemsOf(replaceLine('place: Ulan-Ude', 'place: Ulan-Ude\nplace: Ulan-Ude'))).toEqual([
			`${line + 1} accounts[1].place: duplicate key "place": ArchieML would keep only the last value`
		]);
	});

	it('a paragraph that lost its * (ArchieML would drop it silently)', () => {
		const line = lineNo('* “Many men in our village');
		const bad = replaceLine('* “Many men in our village', lines[line - 1]!.slice(2));
		expect(problemsOf(bad)[0]).toMatch(
			new RegExp(
				`^${line} accounts\\[2\\]\\.paragraphs: "“Many men in our village.*is not a key, a \\* item or a command`
			)
		);
	});

	it('accounts out of source order', () => {
		const problems = problemsOf(
			aml
				.replace('id: oleg', 'id: tmp')
				.replace('id: anna', 'id: oleg')
				.replace('id: tmp', 'id: anna')
		);
		expect(problems.some((p) => p.includes('accounts[1].id: expected "anna" here'))).toBe(true);
	});
});

describe('the map shows only what the text says', () => {
	it('a place the source never names', () => {
		const line = lineNo('name: Omsk');
		expect(problemsOf(replaceLine('name: Omsk', 'name: Novosibirsk'))).toEqual([
			`${line} accounts[2].places[2].name: the source never names “Novosibirsk”`,
			`${lineNo('stops: Saint Petersburg > Omsk > Astana')} accounts[2].routes[0].stops: “Omsk” is not a place or country of this step`
		]);
	});

	it('a route through a stop the step does not have', () => {
		const line = lineNo('stops: Ulan-Ude > Ulaanbaatar');
		expect(
			problemsOf(replaceLine('stops: Ulan-Ude > Ulaanbaatar', 'stops: Ulan-Ude > Moscow'))
		).toEqual([
			`${line} accounts[1].routes[0].stops: “Moscow” is not a place or country of this step`
		]);
	});

	it('a route with one stop', () => {
		const line = lineNo('stops: Ulan-Ude > Ulaanbaatar');
		expect(problemsOf(replaceLine('stops: Ulan-Ude > Ulaanbaatar', 'stops: Ulan-Ude'))).toEqual([
			`${line} accounts[1].routes[0].stops: must name at least two stops: A > B`
		]);
	});

	it('a caption with a figure the source does not state', () => {
		const line = lineNo('mapCaption: Aleksandr lives');
		expect(
			problemsOf(
				replaceLine(
					'mapCaption: Aleksandr lives',
					'mapCaption: Aleksandr lives in Vladikavkaz, North Ossetia, 30 km from Georgia.'
				)
			)
		).toEqual([`${line} accounts[4].mapCaption: the figure “30” is not stated by the source`]);
	});
});

describe('the line scanner', () => {
	it('maps list items and nested keys to their lines', () => {
		const scan = scanAml('[a]\nid: x\n[.b]\n* one\n* two\n[]\nid: y\n[]\n{c}\nk: v\n{}');
		expect(scan.problems).toEqual([]);
		expect(scan.lineOf(['a', 0, 'b', 1])).toBe(5);
		expect(scan.lineOf(['a', 1, 'id'])).toBe(7);
		expect(scan.lineOf(['a', 1, 'missing'])).toBe(7);
		expect(scan.lineOf(['c', 'k'])).toBe(10);
	});

	it('reports an unclosed object and a stray close', () => {
		expect(scanAml('{c}\nk: v\n[]').problems.map((p) => p.line)).toEqual([3, 1]);
	});
});
