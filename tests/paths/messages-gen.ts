import fc from 'fast-check';
import { MARK } from './messages-page';

export const NS = 'mobilization-voices';
/** The childId scripts/embed-host.js's pym page gives its frame. */
export const PYM_ID = 'pym-story';

/** A generated message: who posts it, and what. */
export interface Fuzzed {
	sender: string;
	payload: unknown;
}

/** An object with exactly these own keys, "__proto__" included (an object literal would set the prototype). */
export const own = (entries: [string, unknown][]) => {
	const o = {};
	for (const [k, value] of entries)
		Object.defineProperty(o, k, { value, writable: true, enumerable: true, configurable: true });
	return o;
};
const pym = (id: string, type: string, body: string) => `pymxPYMx${id}xPYMx${type}xPYMx${body}`;
const HTML = '<img src=x onerror=alert(1)>';

/** Shaped like the pages' own traffic; the test adds what it saw them send. */
export const TEMPLATES: unknown[] = [
	{ ns: NS, type: 'height', height: 14873 },
	{ ns: NS, type: 'viewport', top: -2210.5, height: 720 },
	{ ns: NS, type: 'scroll-to', y: 2394 },
	pym(PYM_ID, 'scrollToChildPos', '2394'),
	pym(PYM_ID, 'viewport-iframe-position', '1280 720 -2210.5 16 12662.5 1264'),
	pym(PYM_ID, 'height', '14873')
];

const EDGES = [
	Number.NaN,
	Infinity,
	-Infinity,
	-0,
	0,
	-1,
	1,
	99,
	99.999,
	100,
	100.5,
	720,
	19999.5,
	20000,
	20000.001,
	20001,
	200000,
	200000.1,
	200001
];
/** Mostly the limits' edges, where an off-by-one would show. */
const number = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.constantFrom(
			...EDGES,
			1e6,
			1e6 + 1,
			-1e6,
			-1e6 - 1,
			1e308,
			-1e308,
			5e-324,
			Number.MAX_SAFE_INTEGER
		)
	},
	fc.double(),
	fc.integer({ min: -300_000, max: 300_000 })
);
/** What stands where a number should. */
const value = fc.oneof(
	{ weight: 3, arbitrary: number },
	fc.constantFrom<unknown>(
		'150',
		'1e3',
		' 800',
		'0x96',
		'',
		'150px',
		HTML,
		null,
		undefined,
		true,
		false,
		[150],
		{},
		own([['valueOf', 150]]),
		own([['toString', '150']])
	)
);
/** What stands in a pym string where a number should. */
const token = fc.oneof(
	{ weight: 3, arbitrary: number.map(String) },
	fc.constantFrom(
		'',
		' ',
		'0x2d0',
		'+720',
		'.5',
		'5.',
		'720px',
		'1_000',
		'７２０',
		'\t720',
		'1e+400',
		'0b11',
		HTML
	)
);
const realNumber = fc.double({ min: -1e6, max: 1e6, noNaN: true });
/** Mostly where a reader could be, so the story's state moves rather than sticking at an end. */
const top = fc.oneof(fc.double({ min: -20_000, max: 2000, noNaN: true }), realNumber);

const validHeight = fc
	.oneof(fc.double({ min: 100, max: 200_000, noNaN: true }), fc.integer({ min: 100, max: 200_000 }))
	.map((height) => ({ ns: NS, type: 'height', height }));
const validViewport = fc
	.tuple(
		top,
		fc.oneof(
			fc.double({ min: 100, max: 20_000, noNaN: true }),
			fc.integer({ min: 100, max: 20_000 })
		)
	)
	.map(([top, height]) => ({ ns: NS, type: 'viewport', top, height }));
const validScrollTo = fc
	.oneof(fc.double({ min: 0, max: 200_000, noNaN: true }), fc.integer({ min: 0, max: 200_000 }))
	.map((y) => ({ ns: NS, type: 'scroll-to', y }));
const validPym = fc
	.tuple(
		fc.integer({ min: 320, max: 2560 }),
		fc.integer({ min: 100, max: 20_000 }),
		top,
		fc.array(realNumber, { minLength: 3, maxLength: 3 })
	)
	.map(([w, h, top, rest]) =>
		pym(PYM_ID, 'viewport-iframe-position', [w, h, top, ...rest].join(' '))
	);
const valid = fc.oneof(validHeight, validViewport, validScrollTo, validPym);
const validObject = fc.oneof(validHeight, validViewport, validScrollTo);
/** Valid with keys no rule mentions: still valid. */
const noisy = fc
	.tuple(
		validObject,
		fc.array(
			fc.tuple(fc.constantFrom('__proto__', 'constructor', 'toString', 'html', 'extra'), value),
			{ minLength: 1, maxLength: 3 }
		)
	)
	.map(([m, extra]) => own([...Object.entries(m), ...extra]));

const NUMBERS = /-?\d+(\.\d+)?(e[+-]\d+)?/g;
/** A real message (one with numbers: a pym string or a flat object) with one or more of its numbers changed. */
const replay = (templates: unknown[]) =>
	fc
		.record({
			t: fc.nat(),
			changed: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
			values: fc.array(value, { minLength: 8, maxLength: 8 }),
			tokens: fc.array(token, { minLength: 8, maxLength: 8 })
		})
		.map(({ t, changed, values, tokens }) => {
			const template = templates[t % templates.length];
			const numbers =
				typeof template === 'string'
					? (template.split('xPYMx')[3]?.match(NUMBERS) ?? [])
					: Object.values(template as object).filter((v) => typeof v === 'number');
			// At least one number changed, or it would be the real message again.
			const change = changed.slice(0, numbers.length);
			if (!change.includes(true)) change[t % Math.max(numbers.length, 1)] = true;
			let slot = 0;
			if (typeof template === 'string') {
				// Numbers in the body only: the id and type are fuzzed elsewhere.
				const cut = template.lastIndexOf('xPYMx') + 5;
				return (
					template.slice(0, cut) +
					template
						.slice(cut)
						.replace(NUMBERS, (n) => (change[slot] ? tokens[slot++]! : (slot++, n)))
				);
			}
			return own(
				Object.entries(template as object).map(([k, v]) => [
					k,
					typeof v === 'number' && change[slot++] ? values[slot - 1] : v
				])
			);
		});

const tagged = fc.record(
	{
		ns: fc.constantFrom<unknown>(
			NS,
			'mobilization-voice',
			'Mobilization-Voices',
			`${NS} `,
			'',
			null,
			undefined,
			[NS],
			own([['toString', NS]]),
			HTML
		),
		type: fc.constantFrom<unknown>(
			'height',
			'viewport',
			'scroll-to',
			'ready',
			'HEIGHT',
			'heights',
			' viewport',
			'scrollTo',
			'scrollToChildPos',
			'viewport-iframe-position',
			'parentPositionInfo',
			'',
			null,
			1,
			['height'],
			HTML
		),
		height: value,
		top: value,
		y: value
	},
	{ requiredKeys: [] }
);

const pymString = fc
	.tuple(
		fc.constantFrom('pymxPYMx', 'pymxPYMx', 'pymxPYMx', 'PYMxpymX', 'pymxPYM', '', 'xpymxPYMx'),
		fc.constantFrom(
			PYM_ID,
			PYM_ID,
			PYM_ID,
			'pym-stor',
			`${PYM_ID} `,
			'PYM-STORY',
			'',
			`${PYM_ID}x`,
			`${PYM_ID}\n`,
			`${PYM_ID}xPYMx${PYM_ID}`,
			'.*'
		),
		fc.constantFrom('xPYMx', 'xPYMx', 'xPYMx', 'xpymx', 'xPYMxxPYMx', ''),
		fc.constantFrom(
			'viewport-iframe-position',
			'viewport-iframe-position',
			'height',
			'width',
			'parentPositionInfo',
			'navigateTo',
			'scrollToChildPos',
			'viewport-iframe-positio',
			'VIEWPORT-IFRAME-POSITION',
			'viewport-iframe-position ',
			HTML
		),
		fc.array(fc.oneof({ weight: 4, arbitrary: realNumber.map(String) }, token), { maxLength: 9 }),
		fc.constantFrom(' ', ' ', ' ', '  ', ',', '\t', '\n', ' , '),
		fc.constantFrom('', '', '', ' ', '\n', 'x')
	)
	.map(
		([start, id, sep, type, numbers, join, tail]) =>
			`${start}${id}${sep}${type}${sep}${numbers.join(join)}${tail}`
	);

const protoKey = fc.constantFrom(
	'__proto__',
	'constructor',
	'toString',
	'valueOf',
	'hasOwnProperty',
	'prototype'
);
/** Valid messages hidden where only a careless read would find them, beside fields or instead of them. */
const prototypal = fc
	.tuple(
		fc.option(validObject),
		fc.array(
			fc.tuple(
				protoKey,
				fc.oneof(
					valid,
					value,
					valid.map((m) => ({ prototype: m }))
				)
			),
			{ minLength: 1, maxLength: 3 }
		)
	)
	.map(([base, entries]) => own([...Object.entries(base ?? {}), ...entries]));

const nested = fc.oneof(
	valid.map((m) => ({ data: m })),
	valid.map((m) => [m]),
	validHeight.map((m) => ({ ...m, height: { height: m.height } })),
	validHeight.map((m) => ({ ...m, height: [m.height] })),
	validViewport.map((m) => ({ ...m, top: String(m.top), height: String(m.height) }))
);

/** Anything a script on a news page might post, valid or not. */
const payload = (templates: unknown[]) =>
	fc.oneof(
		{ weight: 3, arbitrary: valid },
		{ weight: 1, arbitrary: noisy },
		{ weight: 5, arbitrary: replay(templates) },
		{ weight: 2, arbitrary: tagged },
		{ weight: 3, arbitrary: pymString },
		{
			weight: 1,
			arbitrary: fc.oneof(
				fc.json(),
				valid.map((m) => JSON.stringify(m))
			)
		},
		{
			weight: 1,
			arbitrary: fc.oneof(fc.anything({ maxDepth: 3, maxKeys: 5 }), fc.jsonValue({ maxDepth: 3 }))
		},
		{ weight: 1, arbitrary: prototypal },
		{ weight: 1, arbitrary: nested }
	);

/** Half from the window the receiver reads, half spread over the ones it must not. */
export const messages = (right: string, others: string[], templates: unknown[]) =>
	fc.record({
		sender: fc.oneof(
			{ weight: others.length, arbitrary: fc.constant(right) },
			...others.map((o) => fc.constant(o))
		),
		payload: payload(templates)
	});

/** JSON that keeps NaN, ±Infinity, -0, undefined (as markers) and own "__proto__" keys; installRealm's decode reads it. */
export const encode = (value: unknown): string =>
	JSON.stringify(value, (_, x: unknown) =>
		x === undefined || (typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0)))
			? { [MARK]: Object.is(x, -0) ? '-0' : String(x) }
			: x
	) ?? 'undefined';

/** The same, back in Node (for the pages' own messages a failure reports). */
export const decode = (text: string): unknown => {
	const special: Record<string, unknown> = {
		NaN: Number.NaN,
		Infinity,
		'-Infinity': -Infinity,
		'-0': -0,
		undefined
	};
	const walk = (v: unknown): unknown => {
		if (v === null || typeof v !== 'object') return v;
		const o = v as Record<string, unknown>;
		const keys = Object.keys(o);
		if (!Array.isArray(o) && keys.length === 1 && keys[0] === MARK) return special[String(o[MARK])];
		for (const k of keys)
			Object.defineProperty(o, k, {
				value: walk(o[k]),
				writable: true,
				enumerable: true,
				configurable: true
			});
		return o;
	};
	return walk(JSON.parse(text));
};
