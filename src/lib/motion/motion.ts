/** The one reduced-motion guard: every animation asks here before it moves anything. */
export function prefersReducedMotion(): boolean {
	return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

type Gsap = typeof import('gsap').gsap;
let loading: Promise<Gsap> | undefined;

/** gsap is fetched when the first animation needs it, off the page's critical path. */
export function loadGsap(): Promise<Gsap> {
	return (loading ??= import('gsap').then((m) => m.gsap));
}
