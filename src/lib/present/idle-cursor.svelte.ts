/** How long the pointer lies still before the cursor leaves the projected picture. */
export const IDLE_MS = 2000;

/** Whether the pointer has been still long enough to hide the cursor; `moved()` on each move. */
export class IdleCursor {
	idle = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;

	moved = () => {
		this.idle = false;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => (this.idle = true), IDLE_MS);
	};

	stop() {
		clearTimeout(this.#timer);
	}
}
