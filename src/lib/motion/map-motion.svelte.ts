import type { Attachment } from 'svelte/attachments';
import type { MapState, View } from '$lib/map/types';
import { loadGsap, prefersReducedMotion } from './motion';

export interface MapMotionOptions {
	states: MapState[];
	/** The step to show; read reactively. */
	step: () => string;
	/** Whether changes may animate yet (false: cut, as for a deep link). Read when a change arrives. */
	animate: () => boolean;
	/** Marks (dots, names) this many times their phone size: larger for a projector. */
	markScale?: number;
}

const DURATION = 0.75;

/**
 * Moves the locator map between states: the view pans and zooms (viewBox), the outgoing layer
 * fades, the incoming one fades in and its routes draw themselves. Every change kills the running
 * timeline and starts from wherever the picture is, so any sequence of changes settles on the
 * last state. Reduced motion, and changes before the reader has interacted, cut instead.
 */
export function mapMotion({ states, step, animate, markScale = 1 }: MapMotionOptions): Attachment<SVGSVGElement> {
	return (svg) => {
		const byStep = new Map(states.map((s) => [s.step, s]));
		const layers = (id: string) => [...svg.querySelectorAll<SVGGElement>(`[data-layer="${id}"]`)];
		const allLayers = [...svg.querySelectorAll<SVGGElement>('[data-layer]')];
		let size = { width: svg.clientWidth, height: svg.clientHeight };
		let view = parseView(svg.getAttribute('viewBox'));
		let timeline: { kill(): void } | undefined;
		let request = 0;

		const setView = (next: View) => {
			view = next;
			svg.setAttribute('viewBox', next.map((n) => n.toFixed(2)).join(' '));
		};
		/**
		 * Screen-pixel-sized marks: map units per CSS pixel at `target` ("meet" fit). Set once per
		 * change, not per frame: restyling every mark each frame costs a cheap phone its frame budget.
		 */
		const setMarkScale = (target: View) => {
			const u = Math.max(target[2] / (size.width || 1), target[3] / (size.height || 1)) * markScale;
			svg.style.setProperty('--u', u.toFixed(4));
		};
		let goal = view;
		svg.dataset.enhanced = '';
		setMarkScale(view);
		// Fetch and parse gsap while the reader reads the top, not in the frame of the first move.
		const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1500));
		if (!prefersReducedMotion()) idle(() => void loadGsap());

		const show = (layer: SVGGElement, on: boolean) => {
			layer.style.display = on ? 'inline' : 'none';
			layer.style.opacity = on ? '1' : '0';
		};

		const cut = (target: MapState) => {
			timeline?.kill();
			timeline = undefined;
			goal = target.view;
			setMarkScale(goal);
			setView(target.view);
			for (const layer of allLayers) show(layer, layer.dataset.layer === target.step);
			for (const route of svg.querySelectorAll<SVGPathElement>('.route-fled')) {
				route.style.strokeDasharray = '';
				route.style.strokeDashoffset = '';
			}
		};

		/**
		 * Out, move, in: names fade out before the view moves and fade in after it stops, because
		 * SVG text is laid out again at every change of zoom, which a cheap phone cannot do per frame.
		 * Hidden layers are display: none, so they cost nothing meanwhile.
		 */
		const tween = async (target: MapState, ticket: number) => {
			const gsap = await loadGsap();
			if (ticket !== request) return;
			timeline?.kill();
			goal = target.view;
			setMarkScale(goal);
			const [tones, marks] = [layers(target.step).filter((l) => l.classList.contains('tones')), layers(target.step).filter((l) => l.classList.contains('marks'))];
			const outgoing = allLayers.filter((l) => l.dataset.layer !== target.step && l.style.display !== 'none');
			const from = { x: view[0], y: view[1], w: view[2], h: view[3] };
			const [x, y, w, h] = target.view;
			const routes = marks.flatMap((l) => [...l.querySelectorAll<SVGPathElement>('.route-fled')]);
			const OUT = 0.15;
			const IN = OUT + DURATION;

			const tl = gsap.timeline({ defaults: { ease: 'power2.inOut' } });
			// The incoming names wait hidden; anything still fading from an interrupted change goes.
			tl.set(marks, { display: 'none', opacity: 0 }, 0);
			tl.to(outgoing, { opacity: 0, duration: OUT, ease: 'power1.out' }, 0);
			tl.set(outgoing, { display: 'none' }, OUT);
			tl.set(tones, { display: 'inline' }, OUT);
			tl.to(tones, { opacity: 1, duration: DURATION * 0.6, ease: 'power1.out' }, OUT);
			tl.to(from, { x, y, w, h, duration: DURATION, onUpdate: () => setView([from.x, from.y, from.w, from.h]) }, OUT);
			tl.set(marks, { display: 'inline' }, IN);
			tl.to(marks, { opacity: 1, duration: 0.3, ease: 'power1.out' }, IN);
			if (routes.length > 0) {
				tl.set(routes, { strokeDasharray: 1, strokeDashoffset: 1 }, IN);
				tl.to(routes, { strokeDashoffset: 0, duration: 0.9, ease: 'power1.inOut' }, IN);
			}
			timeline = tl;
		};

		const sizes = new ResizeObserver(([entry]) => {
			if (!entry) return;
			size = { width: entry.contentRect.width, height: entry.contentRect.height };
			setMarkScale(goal);
		});
		sizes.observe(svg);

		let shown: string | undefined;
		$effect(() => {
			const id = step();
			const target = byStep.get(id);
			if (!target || id === shown) return;
			const first = shown === undefined;
			shown = id;
			const ticket = ++request;
			if (first || prefersReducedMotion() || !animate()) cut(target);
			else void tween(target, ticket);
		});

		return () => {
			request++;
			timeline?.kill();
			sizes.disconnect();
		};
	};
}

function parseView(value: string | null): View {
	const [x = 0, y = 0, w = 1, h = 1] = (value ?? '').split(/[\s,]+/).map(Number);
	return [x, y, w, h];
}
