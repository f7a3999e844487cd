/**
 * Web Animations on a clock the test moves, for happy-dom (whose animations change nothing): each
 * animation interpolates its two keyframes linearly (eases are the browser's business), fires
 * `onfinish` when the clock passes its end, in time order, and `seen` reads what the reader would.
 */
type Frame = Record<string, string | number | null | undefined>;

class FakeEffect {
	constructor(
		readonly target: Element | null,
		readonly keyframes: Frame[] | null,
		readonly duration: number
	) {}
}

const clock = { now: 0, animations: [] as FakeAnimation[] };

class FakeAnimation {
	onfinish: (() => void) | null = null;
	start: number | undefined;
	done = false;
	readonly effect: FakeEffect & { getComputedTiming: () => { progress: number | null } };
	constructor(effect: FakeEffect) {
		this.effect = Object.assign(effect, { getComputedTiming: () => this.getComputedTiming() });
	}
	play() {
		this.start = clock.now;
		clock.animations.push(this);
	}
	get end() {
		return (this.start ?? Infinity) + this.effect.duration;
	}
	get currentTime() {
		return this.start === undefined ? null : Math.min(clock.now - this.start, this.effect.duration);
	}
	cancel() {
		this.done = true;
		clock.animations = clock.animations.filter((a) => a !== this);
	}
	commitStyles() {
		const { target } = this.effect;
		if (!target) throw new DOMException('no target', 'NoModificationAllowedError');
		for (const [property, value] of Object.entries(this.valueNow()))
			(target as HTMLElement).style.setProperty(kebab(property), String(value));
	}
	/** Timing as the browser computes it; eases are the browser's business, so linear here. */
	getComputedTiming() {
		const elapsed = this.currentTime;
		return {
			progress: elapsed === null ? null : Math.min(1, elapsed / (this.effect.duration || 1))
		};
	}
	/** Each animated property at the clock's time. */
	valueNow(): Record<string, string> {
		const [from, to] = this.effect.keyframes ?? [];
		if (!from || !to) return {};
		const t = Math.min(1, Math.max(0, (this.currentTime ?? 0) / this.effect.duration || 1));
		return Object.fromEntries(
			Object.keys(to).map((property) => {
				// happy-dom computes no style: an unset opacity is CSS's initial 1.
				const a = String(from[property] || (property === 'opacity' ? 1 : 0));
				const b = String(to[property]);
				const unit = /px$/.test(b) ? 'px' : '';
				const value = parseFloat(a) + (parseFloat(b) - parseFloat(a)) * t;
				return [property, Number.isNaN(value) ? b : `${+value.toFixed(4)}${unit}`];
			})
		);
	}
}

const kebab = (property: string) => property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Puts the fakes in place (call in beforeEach); the clock starts at 0. */
export function installFakeAnimations() {
	clock.now = 0;
	clock.animations = [];
	Object.assign(globalThis, {
		Animation: FakeAnimation,
		KeyframeEffect: FakeEffect
	});
	Object.defineProperty(document, 'timeline', { value: {}, configurable: true });
	Element.prototype.animate = function (this: Element, keyframes, options) {
		const duration = typeof options === 'number' ? options : Number(options?.duration ?? 0);
		const animation = new FakeAnimation(new FakeEffect(this, keyframes as Frame[], duration));
		animation.play();
		return animation as unknown as Animation;
	};
}

/** The clock's time, ms. */
export const now = () => clock.now;

/** Moves the clock to `ms`, firing each animation's end on the way, in order. */
export function advanceTo(ms: number) {
	for (;;) {
		const next = clock.animations
			.filter((a) => !a.done && a.end <= ms)
			.sort((a, b) => a.end - b.end)[0];
		if (!next) break;
		clock.now = Math.max(clock.now, next.end);
		next.done = true;
		next.onfinish?.();
	}
	clock.now = Math.max(clock.now, ms);
}

/** What the reader sees of a property: a running animation's value, else the inline style. */
export function seen(element: Element, property: 'opacity' | 'strokeDashoffset'): string {
	const running = clock.animations.filter(
		(a) => a.effect.target === element && !a.done && a.effect.keyframes?.[1]?.[property] != null
	);
	const last = running.at(-1);
	return last ? last.valueNow()[property]! : (element as HTMLElement).style[property];
}

/** The animations running on the clock now (targets and keyframes), for tests to read. */
export function runningAnimations() {
	return clock.animations.filter((a) => !a.done && a.effect.target);
}
