/** A style change run by the browser: from each target's present value to `to`. */
export interface Tween {
	targets: Element[];
	/** The CSS property, as `element.style` names it (`opacity`, `strokeDashoffset`). */
	property: 'opacity' | 'strokeDashoffset';
	to: string;
	/** Where it starts, if not where the target is now. */
	from?: string;
	seconds: number;
	easing: string;
	/** Run on each target at the end instead of leaving it at `to`. */
	then?: (target: Element) => void;
}

/** A timeline whose tweens are Web Animations and whose steps wait on the animation clock. */
export interface Sequence {
	/** Runs `step` `seconds` after the start (at once for 0). */
	at(seconds: number, step: () => void): void;
	/** Starts a tween now: an opacity, the compositor runs it without the main thread. */
	tween(tween: Tween): void;
	/** Stops where the reader sees it: each animated value is kept inline, nothing more runs. */
	kill(): void;
}

/**
 * A timeline of Web Animations, for motion a cheap phone can afford while it scrolls: a tween
 * asks the browser once for the whole change (an opacity runs on the compositor; a script tween
 * costs the main thread a style, paint and commit every frame, most of a scroll's work at 1x,
 * #25). Each tween ends by writing its final value inline, as the page holds it at rest, so a
 * killed or finished sequence leaves plain styles behind. `done` runs when the last tween or step
 * has ended (a step's own tweens count), never after `kill`.
 */
export function sequence(done: () => void): Sequence {
	/** Each running animation, with what keeps its tween where it is seen (a step has nothing). */
	const running = new Map<Animation, (() => void) | undefined>();
	let killed = false;
	let open = 0;
	const close = () => {
		if (--open === 0 && !killed) done();
	};

	const track = (animation: Animation, end: () => void, keep?: () => void) => {
		open++;
		running.set(animation, keep);
		animation.onfinish = () => {
			running.delete(animation);
			if (killed) return;
			end();
			close();
		};
	};

	return {
		at(seconds, step) {
			if (killed) return;
			if (seconds <= 0) return step();
			// An effect with no target: a timer on the clock the tweens run on.
			const cue = new Animation(new KeyframeEffect(null, null, seconds * 1000), document.timeline);
			track(cue, step);
			cue.play();
		},
		tween({ targets, property, to, from, seconds, easing, then }) {
			if (killed) return;
			for (const target of targets) {
				const style = (target as HTMLElement | SVGElement).style;
				const start = from ?? getComputedStyle(target)[property];
				const animation = target.animate([{ [property]: start }, { [property]: to }], {
					duration: seconds * 1000,
					easing,
					fill: 'forwards'
				});
				track(
					animation,
					() => {
						if (then) then(target);
						else style[property] = to;
						animation.cancel();
					},
					() => {
						style[property] = valueAt(start, to, animation.effect?.getComputedTiming().progress);
					}
				);
			}
		},
		kill() {
			if (killed) return;
			killed = true;
			// Each value is written as the tween has it now, not by commitStyles: WebKit counts that
			// a write to the style attribute, which the page's CSP forbids (style-src-attr).
			for (const [animation, keep] of running) {
				keep?.();
				animation.cancel();
			}
			running.clear();
		}
	};
}

/**
 * A tween's value at `progress` (eased, 0…1; none before it starts) between two numbers with the
 * same unit, as the browser interpolates it: `0.4`, `120px`.
 */
export function valueAt(from: string, to: string, progress: number | null | undefined): string {
	const p = progress ?? 0;
	const [a, b] = [parseFloat(from), parseFloat(to)];
	if (Number.isNaN(a) || Number.isNaN(b)) return p < 0.5 ? from : to;
	const unit = /[a-z%]+$/i.exec(to.trim())?.[0] ?? '';
	return `${+(a + (b - a) * p).toFixed(4)}${unit}`;
}

/** gsap's eases as CSS timing functions (Robert Penner's, fitted as cubic Béziers). */
export const EASE = {
	'power1.out': 'cubic-bezier(0.25, 0.46, 0.45, 0.94)',
	'power1.inOut': 'cubic-bezier(0.455, 0.03, 0.515, 0.955)'
} as const;

/** power2.inOut (a cubic, in and out): the camera's ease, sampled into its keyframes. */
export function easeInOutCubic(t: number): number {
	return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}
