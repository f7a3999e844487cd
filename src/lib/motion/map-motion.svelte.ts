import type { Attachment } from 'svelte/attachments';
import type { MapState, View } from '$lib/map/types';
import { loadGsap, prefersReducedMotion } from './motion';

export interface MapMotionOptions {
	states: MapState[];
	/** The step to show; read reactively. */
	step: () => string;
	/** Whether changes may animate yet (false: cut, as for a deep link). Read when a change arrives. */
	animate: () => boolean;
}

const DURATION = 0.8;

/**
 * Moves the locator map between states: the view pans and zooms (viewBox), the outgoing layer
 * fades, the incoming one fades in and its routes draw themselves. Every change kills the running
 * timeline and starts from wherever the picture is, so any sequence of changes settles on the
 * last state. Reduced motion, and changes before the reader has interacted, cut instead.
 */
export function mapMotion({ states, step, animate }: MapMotionOptions): Attachment<SVGSVGElement> {
	return (svg) => {
		const byStep = new Map(states.map((s) => [s.step, s]));
		const layers = (id: string) => [...svg.querySelectorAll<SVGGElement>(`[data-layer="${id}"]`)];
		const allLayers = [...svg.querySelectorAll<SVGGElement>('[data-layer]')];
		let size = { width: svg.clientWidth, height: svg.clientHeight };
		let view = parseView(svg.getAttribute('viewBox'));
		let timeline: { kill(): void } | undefined;
		let request = 0;

		/** Screen-pixel-sized marks: map units per CSS pixel at the current view ("meet" fit). */
		const setView = (next: View) => {
			view = next;
			svg.setAttribute('viewBox', next.map((n) => n.toFixed(2)).join(' '));
			const u = Math.max(next[2] / (size.width || 1), next[3] / (size.height || 1));
			svg.style.setProperty('--u', u.toFixed(4));
		};
		svg.dataset.enhanced = '';
		setView(view);

		const cut = (target: MapState) => {
			timeline?.kill();
			timeline = undefined;
			setView(target.view);
			for (const layer of allLayers) {
				const on = layer.dataset.layer === target.step;
				layer.style.visibility = on ? 'visible' : 'hidden';
				layer.style.opacity = on ? '1' : '0';
			}
			for (const route of svg.querySelectorAll<SVGPathElement>('.route-fled')) {
				route.style.strokeDasharray = '';
				route.style.strokeDashoffset = '';
			}
		};

		const tween = async (target: MapState, ticket: number) => {
			const gsap = await loadGsap();
			if (ticket !== request) return;
			timeline?.kill();
			const incoming = layers(target.step);
			const outgoing = allLayers.filter((l) => l.dataset.layer !== target.step);
			const from = { x: view[0], y: view[1], w: view[2], h: view[3] };
			const [x, y, w, h] = target.view;
			const routes = incoming.flatMap((l) => [...l.querySelectorAll<SVGPathElement>('.route-fled')]);

			const tl = gsap.timeline({ defaults: { ease: 'power2.inOut' } });
			tl.to(outgoing, { autoAlpha: 0, duration: 0.25, ease: 'power1.out' }, 0);
			tl.to(from, { x, y, w, h, duration: DURATION, onUpdate: () => setView([from.x, from.y, from.w, from.h]) }, 0);
			tl.to(incoming, { autoAlpha: 1, duration: 0.35, ease: 'power1.out' }, DURATION * 0.6);
			if (routes.length > 0) {
				tl.set(routes, { strokeDasharray: 1, strokeDashoffset: 1 }, 0);
				tl.to(routes, { strokeDashoffset: 0, duration: 0.9, ease: 'power1.inOut' }, DURATION * 0.7);
			}
			timeline = tl;
		};

		const sizes = new ResizeObserver(([entry]) => {
			if (!entry) return;
			size = { width: entry.contentRect.width, height: entry.contentRect.height };
			setView(view);
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
