/**
 * Mutated copy: generated edits of story.aml, each either rejected by the content check with
 * `story.aml:LINE field: message` or harmless (the parsed content and the story model equal the
 * original's). In-process, no build: a mutation costs one parse.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { loadWorld } from '$lib/content/gazetteer.server';
import { ContentError, parseContent } from '$lib/content/parse';
import { ACCOUNT_IDS } from '$lib/content/schema';
import { buildStory } from '$lib/story/model';
import { RUN, writeReport } from './report';

const FILE = 'src/content/story.aml';
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const AML = read(FILE);
const SOURCE = read('src/content/article.txt');
const LINES = AML.replace(/\n$/, '').split('\n');
// As the build checks it: with the map's gazetteer and countries.
const WORLD = loadWorld();
const ORIGINAL = parseContent(AML, SOURCE, FILE, WORLD);
const STORY = buildStory(ORIGINAL);

interface Mutation {
	op: Op;
	/** How to read it: "swap lines 41 and 57". */
	what: string;
	text: string;
}
type Edit = Omit<Mutation, 'op'>;

const join = (lines: readonly string[]) => `${lines.join('\n')}\n`;
const splice = (at: number, remove: number, ...insert: string[]) => {
	const lines = [...LINES];
	lines.splice(at, remove, ...insert);
	return join(lines);
};
const clip = (s: string, n = 48) => (s.length > n ? `${s.slice(0, n)}…` : s);
const at = (i: number) => `line ${i + 1} (${clip(LINES[i] ?? '')})`;
const linesWhere = (test: (line: string) => boolean) =>
	LINES.flatMap((l, i) => (test(l) ? [i] : []));
const isComment = (line: string) => line.trimStart().startsWith('#');
const KEY = /^([A-Za-z0-9_.-]+):[ \t]*(.*)$/;
const SCOPE = /^[[{].*[\]}]$/;
const NUMBER = /\d[\d,.]*\d|\d/g;
const SOURCE_NUMBERS = new Set(SOURCE.match(NUMBER));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any word a copy editor could slip in: none of them may pass for the source's. */
const WORDS = ['not', 'never', 'all', 'many', 'they', 'Russia', 'war', 'soon'];

/** Every name the story uses: people (whole and by word), places, regions, map places and countries. */
const NAMES = [
	...new Set(
		[ORIGINAL.introMap, ...ORIGINAL.accounts].flatMap((step) => [
			...step.places.map((p) => p.name),
			...step.countries.map((c) => c.name),
			...('people' in step
				? [
						...step.people.flatMap((p) => [p.name, ...p.name.split(' ')]),
						step.place,
						step.region ?? step.place
					]
				: [])
		])
	)
];
/** Whole names only: "Oleg" inside "Oleg Klimov" is not a name of its own there. */
const NAME_AT = LINES.flatMap((line, i) => {
	if (isComment(line)) return [];
	const hits = NAMES.flatMap((name) =>
		[...line.matchAll(new RegExp(`(?<![\\p{L}-])${escape(name)}(?![\\p{L}-])`, 'gu'))].map((m) => ({
			i,
			name,
			index: m.index
		}))
	);
	const end = (h: (typeof hits)[number]) => h.index + h.name.length;
	return hits.filter(
		(h) =>
			!hits.some(
				(o) => o !== h && o.index <= h.index && end(o) >= end(h) && o.name.length > h.name.length
			)
	);
});

/** The account blocks ("id: anna" to the line before the next account), and where the list closes. */
const ACCOUNT_BLOCKS = (() => {
	const open = LINES.indexOf('[accounts]');
	let depth = 0;
	let close = open;
	for (let i = open; i < LINES.length; i++) {
		const line = LINES[i] ?? '';
		if (/^[[{][^\]}]/.test(line)) depth += 1;
		else if (line === '[]' || line === '{}') depth -= 1;
		if (depth === 0) {
			close = i;
			break;
		}
	}
	const starts = linesWhere((l) => ACCOUNT_IDS.some((id) => l === `id: ${id}`)).filter(
		(i) => i > open && i < close
	);
	return { starts, ends: [...starts.slice(1), close], close };
})();

/** One arbitrary per operator: a small pure function of the lines and fast-check's choices. */
const OPERATORS = {
	deleteLine: fc
		.nat(LINES.length - 1)
		.map((i): Edit => ({ what: `delete ${at(i)}`, text: splice(i, 1) })),
	duplicateLine: fc
		.nat(LINES.length - 1)
		.map((i): Edit => ({ what: `duplicate ${at(i)}`, text: splice(i, 0, LINES[i] ?? '') })),
	swapLines: fc
		.uniqueArray(fc.nat(LINES.length - 1), { minLength: 2, maxLength: 2 })
		.map(([a = 0, b = 0]): Edit => {
			const lines = [...LINES];
			[lines[a], lines[b]] = [LINES[b] ?? '', LINES[a] ?? ''];
			return {
				what: `swap lines ${a + 1} and ${b + 1} (${clip(LINES[a] ?? '', 24)} / ${clip(LINES[b] ?? '', 24)})`,
				text: join(lines)
			};
		}),
	changeDigit: fc
		.record({
			i: fc.constantFrom(...linesWhere((l) => /\d/.test(l) && !isComment(l))),
			k: fc.nat(),
			by: fc.integer({ min: 1, max: 9 })
		})
		.map(({ i, k, by }): Edit => {
			const line = LINES[i] ?? '';
			const digits = [...line.matchAll(/\d/g)];
			const { index = 0, 0: d = '0' } = digits[k % digits.length] ?? {};
			const to = String((Number(d) + by) % 10);
			return {
				what: `change digit ${d} to ${to} in ${at(i)}`,
				text: splice(i, 1, line.slice(0, index) + to + line.slice(index + 1))
			};
		}),
	quoteWord: fc
		.record({
			i: fc.constantFrom(...linesWhere((l) => /^(\* |quote: |sentence: )/.test(l))),
			how: fc.constantFrom('change', 'drop', 'add'),
			k: fc.nat(),
			word: fc.constantFrom(...WORDS)
		})
		.map(({ i, how, k, word }): Edit => {
			const [, prefix = '', value = ''] = /^(\* |\w+: )(.*)$/.exec(LINES[i] ?? '') ?? [];
			const words = value.split(' ');
			const n = k % (words.length + (how === 'add' ? 1 : 0));
			const old = words[n] ?? '';
			if (how === 'change') words[n] = word === old ? `${word}s` : word;
			else if (how === 'drop') words.splice(n, 1);
			else words.splice(n, 0, word);
			const detail =
				how === 'add'
					? `add “${word}” before word ${n + 1}`
					: `${how} word ${n + 1} (“${old}”)${how === 'change' ? ` to “${words[n]}”` : ''}`;
			return { what: `${detail} in ${at(i)}`, text: splice(i, 1, prefix + words.join(' ')) };
		}),
	changeName: fc
		.record({ hit: fc.constantFrom(...NAME_AT), k: fc.nat(NAMES.length - 2) })
		.map(({ hit, k }): Edit => {
			const others = NAMES.filter((n) => n !== hit.name);
			const to = others[k % others.length] ?? '';
			const line = LINES[hit.i] ?? '';
			return {
				what: `change “${hit.name}” to “${to}” in ${at(hit.i)}`,
				text: splice(
					hit.i,
					1,
					line.slice(0, hit.index) + to + line.slice(hit.index + hit.name.length)
				)
			};
		}),
	dropStar: fc.constantFrom(...linesWhere((l) => l.startsWith('* '))).map((i): Edit => ({
		what: `drop the * of ${at(i)}`,
		text: splice(i, 1, (LINES[i] ?? '').slice(2))
	})),
	breakBracket: fc
		.record({
			i: fc.constantFrom(...linesWhere((l) => SCOPE.test(l))),
			how: fc.constantFrom('delete', 'duplicate', 'mix', 'flip', 'cut')
		})
		.map(({ i, how }): Edit => {
			const line = LINES[i] ?? '';
			const other = (c: string) => ({ '[': '{', '{': '[', ']': '}', '}': ']' })[c] ?? c;
			const broken = {
				delete: [],
				duplicate: [line, line],
				mix: [other(line[0] ?? '') + line.slice(1)],
				flip: [other(line[0] ?? '') + line.slice(1, -1) + other(line.at(-1) ?? '')],
				cut: [line.slice(0, -1)]
			}[how];
			return {
				what: `${how} the bracket ${at(i)}${broken.length === 1 ? ` → ${broken[0]}` : ''}`,
				text: splice(i, 1, ...broken)
			};
		}),
	reorderAccounts: fc
		.uniqueArray(fc.nat(ACCOUNT_BLOCKS.starts.length - 1), { minLength: 2, maxLength: 2 })
		.map(([from = 0, to = 0]): Edit => {
			const { starts, ends, close } = ACCOUNT_BLOCKS;
			const blocks = starts.map((s, b) => LINES.slice(s, ends[b]));
			const [moved = []] = blocks.splice(from, 1);
			blocks.splice(to, 0, moved);
			const ids = blocks.map((b) => (b[0] ?? '').slice(4));
			return {
				what: `move account ${from + 1} (lines ${(starts[from] ?? 0) + 1}–${ends[from] ?? 0}) to position ${to + 1}: ${ids.join(', ')}`,
				text: join([...LINES.slice(0, starts[0]), ...blocks.flat(), ...LINES.slice(close)])
			};
		}),
	numberInCopy: fc
		.record({
			i: fc.constantFrom(
				...linesWhere((l) =>
					/^(headline|dek|title|description|caption|mapCaption|chartLabel):/.test(l)
				)
			),
			n: fc.integer({ min: 1, max: 999_999 }),
			grouped: fc.boolean(),
			k: fc.nat()
		})
		.filter(
			({ n, grouped }) => !SOURCE_NUMBERS.has(grouped ? n.toLocaleString('en-US') : String(n))
		)
		.map(({ i, n, grouped, k }): Edit => {
			const figure = grouped ? n.toLocaleString('en-US') : String(n);
			const [key = '', ...words] = (LINES[i] ?? '').split(' ');
			words.splice(k % (words.length + 1), 0, figure);
			return {
				what: `put “${figure}” (not in the source) into ${at(i)}`,
				text: splice(i, 1, [key, ...words].join(' '))
			};
		}),
	emptyValue: fc
		.constantFrom(...linesWhere((l) => !isComment(l) && (KEY.exec(l)?.[2] ?? '') !== ''))
		.map((i): Edit => ({
			what: `empty the value of ${at(i)}`,
			text: splice(i, 1, `${KEY.exec(LINES[i] ?? '')?.[1] ?? ''}:`)
		}))
};
type Op = keyof typeof OPERATORS;
const OPS = Object.keys(OPERATORS) as Op[];
/** What these edit (a figure, a quote, a name, a bracket, the order) the check must catch: never harmless. */
const MUST_REJECT: readonly Op[] = [
	'changeDigit',
	'quoteWord',
	'changeName',
	'dropStar',
	'breakBracket',
	'reorderAccounts',
	'numberInCopy',
	'emptyValue'
];

const mutation = fc.oneof(
	...OPS.map((op) => OPERATORS[op].map((edit): Mutation => ({ op, ...edit })))
);

type Outcome = 'rejected' | 'harmless' | 'silent' | 'crashed' | 'unlocated';

/** Runs the content check on `text`; anything but a located rejection or an unchanged story is wrong. */
function judge(text: string): { outcome: Outcome; detail: string } {
	const lineCount = text.replace(/\n$/, '').split('\n').length;
	try {
		const content = parseContent(text, SOURCE, FILE, WORLD);
		if (isDeepStrictEqual(content, ORIGINAL) && isDeepStrictEqual(buildStory(content), STORY))
			return { outcome: 'harmless', detail: '' };
		return {
			outcome: 'silent',
			detail: 'accepted, yet the parsed story differs from the original'
		};
	} catch (e) {
		if (!(e instanceof ContentError))
			return {
				outcome: 'crashed',
				detail: e instanceof Error ? (e.stack ?? e.message) : String(e)
			};
		const located = e.problems.every(
			(p) =>
				p.line !== undefined &&
				p.line >= 1 &&
				p.line <= lineCount &&
				/^\S+$/.test(p.field) &&
				p.message !== ''
		);
		const printed = e.message.split('\n').slice(1);
		const readable =
			printed.length > 0 &&
			printed.every((l) => /^ {2}src\/content\/story\.aml:\d+ \S+: \S/.test(l));
		return { outcome: located && readable ? 'rejected' : 'unlocated', detail: e.message };
	}
}

it(`${RUN.mutations} mutations of story.aml are rejected with a line and a field, or harmless (seed ${RUN.seed})`, () => {
	const blank = () => ({
		tried: 0,
		changed: 0,
		rejected: 0,
		harmless: 0,
		silent: 0,
		crashed: 0,
		unlocated: 0
	});
	const total = blank();
	const byOp = Object.fromEntries(OPS.map((op) => [op, blank()])) as Record<
		Op,
		ReturnType<typeof blank>
	>;
	const wrong: string[] = [];
	const replay = `PATHS_SEED=${RUN.seed} PATHS_MUTATIONS=${RUN.mutations} npx vitest run --config tests/paths/vitest.config.ts`;

	fc.sample(mutation, { seed: RUN.seed, numRuns: RUN.mutations }).forEach((m, n) => {
		const { outcome, detail } = judge(m.text);
		for (const count of [total, byOp[m.op]]) {
			count.tried += 1;
			count.changed += m.text === AML ? 0 : 1;
			count[outcome] += 1;
		}
		const harmlessButMustReject = outcome === 'harmless' && MUST_REJECT.includes(m.op);
		if (!['rejected', 'harmless'].includes(outcome) || harmlessButMustReject) {
			wrong.push(
				`#${n} ${m.op}: ${m.what}\n  → ${harmlessButMustReject ? 'harmless, but this edit must be rejected' : outcome}: ${detail.split('\n').slice(0, 6).join('\n    ')}`
			);
		}
	});

	const bad = total.crashed + total.unlocated + total.silent;
	writeReport('mutations', {
		surface: 'story.aml mutations',
		runs: total.tried,
		wrong: bad,
		rejected: total.rejected,
		harmless: total.harmless,
		crashed: total.crashed,
		unlocated: total.unlocated,
		// Accepted though the story changed: a hole in the check, so it counts as wrong too.
		accepted: total.silent
	});
	console.log(
		`story.aml mutations, seed ${RUN.seed}:\n` +
			[
				['operator', ...Object.keys(total)],
				...OPS.map((op) => [op, ...Object.values(byOp[op])]),
				['all', ...Object.values(total)]
			]
				.map((row) =>
					row
						.map((cell, c) =>
							String(cell)
								.padStart(c === 0 ? 0 : 10)
								.padEnd(c === 0 ? 16 : 0)
						)
						.join('')
				)
				.join('\n')
	);

	const shown =
		wrong.slice(0, 20).join('\n') + (wrong.length > 20 ? `\n… and ${wrong.length - 20} more` : '');
	expect(wrong.length, `${wrong.length} wrong; replay with ${replay}\n${shown}\n`).toBe(0);
	expect(bad).toBe(0);
	for (const op of OPS) {
		const count = byOp[op];
		if (RUN.mutations >= 200) expect(count.tried, `${op} ran`).toBeGreaterThanOrEqual(5);
		expect(count.changed, `${op} changed the text`).toBeGreaterThanOrEqual(0.8 * count.tried);
	}
});
