/**
 * ArchieML parsers return plain objects without positions, so build errors could not say where a
 * problem is. This scanner walks the same text with ArchieML's scoping rules and records the line of
 * every key, list item and block, so a schema issue at `accounts[2].quote` can point at its line.
 * It also rejects what ArchieML silently accepts but an editor never means: unclosed lists and
 * objects, duplicate keys, and stray text lines (ArchieML drops them without a word).
 */

export type PathSegment = string | number;

export interface AmlProblem {
	line: number;
	/** The key on the line, else the list item, list or object around it (at the top level: the block before it). */
	field: string;
	message: string;
}

export interface AmlScan {
	/** Line (1-based) of the nearest recorded ancestor of `path`, or undefined. */
	lineOf(path: readonly PathSegment[]): number | undefined;
	problems: AmlProblem[];
}

interface Frame {
	kind: 'object' | 'array';
	/** The command as written, e.g. "[.paragraphs]". */
	label: string;
	path: PathSegment[];
	openedAt: number;
	itemType?: 'text' | 'object';
	firstKey?: string;
	index: number;
	keysSeen: Set<string>;
}

const KEY = /^\s*([A-Za-z0-9_.-]+)[ \t]*:[ \t]*(.*)$/;
const BULLET = /^\s*\*[ \t]*(.*)$/;
const SCOPE = /^\s*([{[])[ \t]*([+.]*)[ \t]*([A-Za-z0-9_.-]*)[ \t]*([}\]])\s*$/;
const COMMAND = /^\s*:[ \t]*(endskip|ignore|skip|end)/i;

export function pathToString(path: readonly PathSegment[]): string {
	return path
		.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`))
		.join('');
}

export function scanAml(text: string): AmlScan {
	const lines = new Map<string, number>();
	const problems: AmlProblem[] = [];
	const root: Frame = {
		kind: 'object',
		label: '',
		path: [],
		openedAt: 0,
		index: 0,
		keysSeen: new Set()
	};
	let stack: Frame[] = [root];
	/** An open :skip: its line and the field it is in. */
	let skip: { line: number; field: string } | undefined;
	/** The last top-level key or block: a stray line between blocks is reported under it. */
	let lastRootKey: string | undefined;
	const top = () => stack[stack.length - 1] ?? root;
	const around = (frame = top()): string =>
		frame === root
			? (lastRootKey ?? '')
			: pathToString(
					frame.kind === 'array' && frame.itemType === 'object' && frame.index >= 0
						? [...frame.path, frame.index]
						: frame.path
				);
	const problem = (line: number, field: string, message: string) =>
		problems.push({ line, field, message });
	const record = (path: PathSegment[], line: number) => {
		const key = pathToString(path);
		if (!lines.has(key)) lines.set(key, line);
	};
	const closeAllAt = (line: number, why: string) => {
		for (const f of stack.slice(1).reverse()) {
			problem(
				f.openedAt,
				pathToString(f.path),
				`${f.label} is never closed (${why} at line ${line}); close it with ${f.kind === 'array' ? '[]' : '{}'}`
			);
		}
		stack = [root];
	};
	/** Claims `key` (at `path`) in the current object or list item; ArchieML would silently keep only the last value. */
	const claimKey = (frame: Frame, key: string, line: number, path: PathSegment[]) => {
		if (frame.keysSeen.has(key))
			problem(
				line,
				pathToString(path),
				`duplicate key "${key}": ArchieML would keep only the last value`
			);
		frame.keysSeen.add(key);
		if (frame === root) lastRootKey = key;
	};

	const rows = text.split(/\r?\n/);
	// A final newline ends the last line; it does not start another.
	const lineCount = Math.max(1, rows.at(-1) === '' ? rows.length - 1 : rows.length);
	rows.forEach((raw, i) => {
		const line = i + 1;
		const command = COMMAND.exec(raw)?.[1]?.toLowerCase();
		if (skip) {
			if (command === 'endskip') skip = undefined;
			return;
		}
		if (command === 'skip') return void (skip = { line, field: around() });
		if (command) return;
		if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;

		const scope = SCOPE.exec(raw);
		if (scope) {
			const [, open = '', flags = '', name = '', close = ''] = scope;
			if ((open === '{') !== (close === '}')) {
				problem(line, name || around(), `"${raw.trim()}" mixes { and [`);
				return;
			}
			const kind = open === '{' ? 'object' : 'array';
			if (name === '') {
				const current = top();
				if (current === root) problem(line, around(), `"${raw.trim()}" closes nothing`);
				else if (current.kind !== kind)
					problem(
						line,
						around(),
						`"${raw.trim()}" cannot close ${current.label} opened at line ${current.openedAt}`
					);
				else if (kind === 'array') stack.pop();
				else stack = [root];
				return;
			}
			const nested = flags.includes('.');
			let parentPath: PathSegment[] = [];
			if (nested) {
				const parent = top();
				if (parent === root) {
					problem(
						line,
						name,
						`"${raw.trim()}" is nested (starts with ".") but is not inside a list or object`
					);
					return;
				}
				if (parent.kind === 'array') {
					if (parent.itemType !== 'object') {
						problem(line, around(), `"${raw.trim()}" must follow a key of a list item`);
						return;
					}
					parentPath = [...parent.path, parent.index];
				} else parentPath = parent.path;
				claimKey(parent, name, line, [...parentPath, ...name.split('.')]);
			} else {
				if (stack.length > 1) closeAllAt(line, `"${raw.trim()}" starts a new block`);
				claimKey(root, name.split('.')[0] ?? name, line, name.split('.'));
			}
			const path = [...parentPath, ...name.split('.')];
			record(path, line);
			stack.push({ kind, label: raw.trim(), path, openedAt: line, index: -1, keysSeen: new Set() });
			return;
		}

		const frame = top();
		const key = KEY.exec(raw);
		if (key) {
			const name = key[1] ?? '';
			if (frame.kind === 'object') {
				claimKey(frame, name, line, [...frame.path, ...name.split('.')]);
				record([...frame.path, ...name.split('.')], line);
				return;
			}
			if (frame.itemType === 'text') {
				problem(
					line,
					around(),
					`key "${name}" inside ${frame.label} (opened at line ${frame.openedAt}), a list of * items: close that list with [] first`
				);
				return;
			}
			if (frame.itemType === undefined) {
				frame.itemType = 'object';
				frame.firstKey = name;
			}
			if (name === frame.firstKey) {
				frame.index += 1;
				frame.keysSeen = new Set();
				record([...frame.path, frame.index], line);
			}
			claimKey(frame, name, line, [...frame.path, frame.index, ...name.split('.')]);
			record([...frame.path, frame.index, ...name.split('.')], line);
			return;
		}

		if (BULLET.test(raw)) {
			if (frame.kind !== 'array' || frame.itemType === 'object') {
				problem(line, around(), `* item outside a list of * items; ArchieML would drop it`);
				return;
			}
			frame.itemType = 'text';
			frame.index += 1;
			record([...frame.path, frame.index], line);
			return;
		}

		problem(
			line,
			around(),
			`"${raw.trim().slice(0, 40)}…" is not a key, a * item or a command, so ArchieML would drop it; start comments with #`
		);
	});

	if (skip) problem(skip.line, skip.field, ':skip is never closed with :endskip');
	if (stack.length > 1) closeAllAt(lineCount, 'the file ends');
	// Before the first key there is no block to name: such a line belongs to the file's first one.
	const first = [...lines.keys()][0] ?? 'file';
	for (const p of problems) if (p.field === '') p.field = first;

	return {
		problems,
		lineOf(path) {
			for (let n = path.length; n > 0; n--) {
				const found = lines.get(pathToString(path.slice(0, n)));
				if (found !== undefined) return found;
			}
			return undefined;
		}
	};
}
