/**
 * The source text as the tests read it: what must appear on the page, sentence by sentence.
 * Shared by the unit tests (the story model) and the e2e tests (the visible page).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SOURCE = readFileSync(
	fileURLToPath(new URL('../src/content/article.txt', import.meta.url)),
	'utf8'
);

/** Photo captions (no photos on the page) and "Also read" links (no addresses): left out by design. */
export const OMITTED = [
	'A Russian soldier addresses mobilized reservists in the city of Volzhsky, in the Volgograd region. Photo Reuters',
	'Also read Poverty and patriotism drives Siberian soldiers to Ukraine',
	'Also read Chaos in Russia after mobilization: men with call-up letters and long lines for borders',
	'Russian reservists say goodbye to their families in Bataysk, near the city of Rostov. Photo Arkady Budnitsky/EPA'
];

/** Each account's heading as the source writes it and as the page shows it. */
export const HEADINGS = [
	{
		id: 'konstantin',
		source: 'Konstantin (42), Moscow',
		shown: 'Konstantin (42), Moscow',
		quote: 'We are being cornered, but fleeing is not an option'
	},
	{
		id: 'anna',
		source: 'Anna Zuyeva (35), Ulan-Ude (Buryatia)',
		shown: 'Anna Zuyeva (35), Ulan-Ude, Buryatia',
		quote: 'Even the dead have received calls'
	},
	{
		id: 'oleg',
		source: 'Oleg Klimov (58), Kaliningrad',
		shown: 'Oleg Klimov (58), Kaliningrad',
		quote: 'My son just got out of the dance'
	},
	{
		id: 'konstantin-roman',
		source: 'Konstantin Ilin (37) and Roman Matvejev (36) from Moscow, fled to Uzbekistan',
		shown: 'Konstantin Ilin (37) and Roman Matvejev (36), Moscow, fled to Uzbekistan',
		quote: 'My parents think we’ll be coming home soon'
	},
	{
		id: 'aleksandr',
		source: 'Aleksandr Vladikavkaz (39), North Ossetia',
		shown: 'Aleksandr (39), Vladikavkaz, North Ossetia',
		quote: 'We know death. We are not afraid'
	}
] as const;

export const ACCOUNT_IDS = HEADINGS.map((h) => h.id);

/** The source's slips the story corrects, as the README lists them (independently of story.aml). */
const CORRECTIONS = [
	['Kazakhstan. , Georgia', 'Kazakhstan, Georgia'],
	['We know death. we are not afraid', 'We know death. We are not afraid']
] as const;

/** Every sentence of the source body, slips corrected, without captions, "Also read" lines and headings. */
export function sourceSentences(): string[] {
	let body = CORRECTIONS.reduce<string>((text, [from, to]) => text.replace(from, to), SOURCE);
	for (const omitted of OMITTED) {
		if (!body.includes(omitted)) throw new Error(`not in the source: ${omitted}`);
		body = body.replace(omitted, '\n');
	}
	for (const { source, quote } of HEADINGS) {
		const heading = `${source}: ‘${quote}’`;
		if (!body.includes(heading)) throw new Error(`not in the source: ${heading}`);
		body = body.replace(heading, '\n');
	}
	return body
		.split(/\n|(?<=[.?!][”’]?)\s+(?=[“‘A-Z])|\s+(?=“)/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Text as a reader sees it: whitespace collapsed. */
export const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
