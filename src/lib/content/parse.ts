import archieml from 'archieml';
import * as v from 'valibot';
import { pathToString, scanAml, type PathSegment } from './aml-lines.ts';
import { ContentSchema, type Content } from './schema.ts';
import { checkAgainstSource, type World } from './source-checks.ts';

export interface ContentProblem {
	line: number;
	field: string;
	message: string;
}

export class ContentError extends Error {
	constructor(
		readonly file: string,
		readonly problems: ContentProblem[]
	) {
		const where = (p: ContentProblem) => `${file}:${p.line} ${p.field}`;
		super(
			`${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
				problems.map((p) => `  ${where(p)}: ${p.message}`).join('\n')
		);
		this.name = 'ContentError';
	}
}

const ROOT_KEYS = Object.keys(ContentSchema.entries);

function issuePath(issue: v.BaseIssue<unknown>): PathSegment[] {
	return (issue.path ?? []).map((item) => {
		const key = item.key;
		return typeof key === 'number' ? key : String(key);
	});
}

function messageOf(issue: v.BaseIssue<unknown>): string {
	return issue.received === 'undefined' ? 'is missing' : issue.message;
}

/**
 * Parses and validates the story's content file against the source text (and, given `world`, the
 * map's gazetteer and countries). Throws a ContentError that lists every problem with its line in `file`.
 */
export function parseContent(
	aml: string,
	source: string,
	file = 'src/content/story.aml',
	world?: World
): Content {
	const scan = scanAml(aml);
	// A broken structure makes every later message misleading: report it alone.
	if (scan.problems.length > 0) throw new ContentError(file, scan.problems);
	const problems: ContentProblem[] = [];
	// A missing top-level key has no line of its own: point at its nearest neighbour in the schema's order.
	const lineOf = (path: PathSegment[]) => {
		const i = ROOT_KEYS.indexOf(String(path[0]));
		const near = [...ROOT_KEYS.slice(0, Math.max(i, 0)).reverse(), ...ROOT_KEYS.slice(i + 1)];
		return (
			scan.lineOf(path) ??
			near.map((key) => scan.lineOf([key])).find((line) => line !== undefined) ??
			1
		);
	};
	const at = (path: PathSegment[], message: string) =>
		problems.push({ line: lineOf(path), field: pathToString(path) || 'file', message });

	const result = v.safeParse(ContentSchema, archieml.load(aml), { abortPipeEarly: true });
	if (result.success) {
		for (const issue of checkAgainstSource(result.output, source, world))
			at(issue.path, issue.message);
	} else {
		for (const issue of result.issues) at(issuePath(issue), messageOf(issue));
	}
	if (!result.success || problems.length > 0) {
		problems.sort((a, b) => a.line - b.line);
		throw new ContentError(file, problems);
	}
	return result.output;
}
