/**
 * Which step of the story the reader is on. One instance per page, shared through context, written
 * only by the scroll engine (or a jump) and read by the graphic, the chapter nav and the URL.
 */
export class ActiveStep<Id extends string = string> {
	#current: Id;
	#steps: readonly Id[];
	/**
	 * False until the reader scrolls, taps or presses a key: changes before that (a deep link,
	 * scroll restoration) are where the reader arrived, shown at once rather than animated.
	 */
	readerMoved = false;

	/** A story has at least one step: the type says so, so the browser need not check. */
	constructor(steps: readonly [Id, ...Id[]]) {
		this.#steps = steps;
		this.#current = $state(steps[0]);
	}

	get current(): Id {
		return this.#current;
	}

	/** Moves to `id` when it is a known step; anything else (a stray hash) is ignored. */
	set(id: string | undefined | null): boolean {
		const step = this.#steps.find((s) => s === id);
		if (step === undefined) return false;
		this.#current = step;
		return true;
	}
}
