import archieml from 'archieml';
import * as v from 'valibot';
import { pathToString, scanAml, type PathSegment } from './aml-lines';
import { ContentSchema, type Content } from './schema';
import { checkAgainstSource } from './source-checks';

export interface ContentProblem {
	line: number | undefined;
	field: string;
	message: string;
}

export class ContentError extends Error {
	constructor(
		readonly file: string,
		readonly problems: ContentProblem[]
	) {
		const where = (p: ContentProblem) => `${file}:${p.line ?? '?'}${p.field ? ` ${p.field}` : ''}`;
		super(
			`${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
				problems.map((p) => `  ${where(p)}: ${p.message}`).join('\n')
		);
		this.name = 'ContentError';
	}
}

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
 * Parses and validates the story's content file against the source text.
 * Throws a ContentError that lists every problem with its line in `file`.
 */
export function parseContent(aml: string, source: string, file = 'src/content/story.aml'): Content {
	const scan = scanAml(aml);
	// A broken structure makes every later message misleading: report it alone.
	if (scan.problems.length > 0) {
		throw new ContentError(file, scan.problems.map(({ line, message }) => ({ line, field: '', message })));
	}
	const problems: ContentProblem[] = [];
	const at = (path: PathSegment[], message: string) =>
		problems.push({ line: scan.lineOf(path), field: pathToString(path), message });

	const result = v.safeParse(ContentSchema, archieml.load(aml), { abortPipeEarly: true });
	if (result.success) {
		for (const issue of checkAgainstSource(result.output, source)) at(issue.path, issue.message);
	} else {
		for (const issue of result.issues) at(issuePath(issue), messageOf(issue));
	}
	if (!result.success || problems.length > 0) {
		problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
		throw new ContentError(file, problems);
	}
	return result.output;
}
