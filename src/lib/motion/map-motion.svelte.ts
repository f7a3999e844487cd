import type { Attachment } from 'svelte/attachments';
import type { MapState, View } from '$lib/map/types';
import { prefersReducedMotion } from './motion';

export interface MapMotionOptions {
	states: MapState[];
	/** The step to show; read reactively. */
	step: () => string;
	/** Whether changes may animate yet (false: cut, as for a deep link). Read when a change arrives. */
	animate: () => boolean;
	/** Marks (dots, names) this many times their phone size: larger for a projector. */
	markScale?: number;
}

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
		if (!prefersReducedMotion()) idle(() => void loadMapTimeline());

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

		const tween = async (target: MapState, ticket: number) => {
			const { mapTimeline } = await loadMapTimeline();
			if (ticket !== request) return;
			timeline?.kill();
			goal = target.view;
			setMarkScale(goal);
			timeline = mapTimeline({ layers: layers(target.step), allLayers, step: target.step, from: view, to: target.view, setView });
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

let loading: Promise<typeof import('./map-timeline')> | undefined;
/** The timeline and gsap come together when the first move needs them, off the critical path. */
function loadMapTimeline() {
	return (loading ??= import('./map-timeline'));
}

function parseView(value: string | null): View {
	const [x = 0, y = 0, w = 1, h = 1] = (value ?? '').split(/[\s,]+/).map(Number);
	return [x, y, w, h];
}
