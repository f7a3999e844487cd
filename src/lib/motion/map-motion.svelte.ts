import type { Attachment } from 'svelte/attachments';
import type { MapState, View } from '$lib/map/types';
import { lazyModule, whenIdle } from './lazy-module';
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
 * Moves the locator map between states: the view pans and zooms (a camera transform, then the
 * viewBox it lands on), the outgoing layer fades, the incoming one fades in and its routes draw
 * themselves. Every change kills the running timeline and starts from wherever the picture is, so
 * any sequence of changes settles on the last state. Reduced motion, and changes before the
 * reader has interacted, cut instead. The map carries `data-motion="running"` from a change until
 * it has landed: what tests (or anyone waiting for a still picture) wait for.
 */
export function mapMotion({
	states,
	step,
	animate,
	markScale = 1
}: MapMotionOptions): Attachment<SVGSVGElement> {
	return (svg) => {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup built once, never changed
		const byStep = new Map(states.map((s) => [s.step, s]));
		const allLayers = [...svg.querySelectorAll<SVGGElement>('[data-layer]')];
		const layers = (id: string) => allLayers.filter((l) => l.dataset.layer === id);
		// A hidden layer waits outside the map, a comment holding its place: Chromium lays out the
		// lettering of display: none layers again on every new viewBox, and the other steps' names
		// made most of a landing frame (a viewBox change 1.5–2.4 ms at 1x with them, 0.5 without).
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- DOM bookkeeping, never read reactively
		const places = new Map(allLayers.map((l) => [l, document.createComment('')] as const));
		const hidden = (l: SVGGElement) =>
			l.style.display ? l.style.display === 'none' : l.getAttribute('display') === 'none';
		/** Takes hidden layers out and puts shown ones back, each in its place. */
		const placeLayers = () => {
			for (const [layer, place] of places) {
				if (hidden(layer)) {
					if (layer.isConnected) layer.replaceWith(place);
				} else if (!layer.isConnected) place.replaceWith(layer);
			}
		};
		const borders = [...svg.querySelectorAll<SVGElement>('.borders')];
		let size = { width: svg.clientWidth, height: svg.clientHeight };
		/** The viewBox the map is drawn at. */
		let view = parseView(svg.getAttribute('viewBox'));
		/** What the reader sees: the viewBox, or where the camera has moved it to. */
		let seen = view;
		let timeline: { kill(): void } | undefined;
		let request = 0;

		const setView = (next: View) => {
			glide?.animation.cancel();
			glide = undefined;
			view = seen = next;
			svg.setAttribute('viewBox', next.map((n) => n.toFixed(2)).join(' '));
			svg.style.transform = '';
			delete svg.dataset.moving;
		};
		/**
		 * Shows `next` without touching the viewBox: a CSS transform of the SVG drawn at `view`.
		 * A new viewBox lays the whole map out again; a transform is only composited, so a cheap
		 * phone moves the camera at full frame rate. A move that is interrupted goes on from where
		 * the reader sees it (held here); the last one ends with setView, drawn sharp.
		 */
		const look = (next: View) => {
			seen = next;
			svg.style.transform = transformOf(camera(view, next, size));
			svg.dataset.moving = '';
		};
		/** The camera move under way: its animation and the views it passes through. */
		let glide: { animation: Animation; views: View[] } | undefined;
		/**
		 * Moves the camera through `views` as a Web Animation of the transform, which the compositor
		 * runs on its own: a cheap phone's main thread is free for the scroll while the map moves.
		 */
		const glideThrough = (views: View[], seconds: number) => {
			settle();
			const last = views.at(-1);
			if (!last) return;
			// No Web Animations (an old engine): the camera is where the move ends.
			if (typeof svg.animate !== 'function') return look(last);
			const keyframes = views.map((v) => ({ transform: transformOf(camera(view, v, size)) }));
			svg.dataset.moving = '';
			const animation = svg.animate(keyframes, {
				duration: seconds * 1000,
				easing: 'linear',
				fill: 'forwards'
			});
			glide = { animation, views };
		};
		/** Stops a camera move where the reader sees it, held there by a plain transform. */
		const settle = () => {
			if (!glide) return;
			const { animation, views } = glide;
			const duration = Number(animation.effect?.getTiming().duration) || 1;
			const progress = Math.min(1, Math.max(0, Number(animation.currentTime ?? 0) / duration));
			const at = progress * (views.length - 1);
			const i = Math.floor(at);
			const a = views[i]!;
			const b = views[Math.min(i + 1, views.length - 1)]!;
			animation.cancel();
			glide = undefined;
			look(a.map((n, j) => n + (b[j]! - n) * (at - i)) as View);
		};
		/**
		 * Screen-pixel-sized marks: map units per CSS pixel at the goal's view ("meet" fit), set on
		 * the goal's marks only and once per change, not per frame: every element under a changed
		 * custom property is restyled, which costs a cheap phone its frame budget.
		 */
		const setMarkScale = () => {
			const [, , w, h] = goal.view;
			const u = (Math.max(w / (size.width || 1), h / (size.height || 1)) * markScale).toFixed(4);
			for (const layer of layers(goal.step))
				if (layer.classList.contains('marks')) layer.style.setProperty('--u', u);
		};
		// Until the first change, the goal is the layer the server showed.
		let goal = {
			view,
			step: allLayers.find((l) => l.getAttribute('display') !== 'none')?.dataset.layer ?? ''
		};
		svg.dataset.enhanced = '';
		setMarkScale();
		placeLayers();
		// Fetch the timeline while the reader reads the top, not in the frame of the first move.
		// A preload that fails is tried again by the first move, which cuts if it fails too.
		if (!prefersReducedMotion()) whenIdle(() => void loadMapTimeline().catch(() => {}));

		const show = (layer: SVGGElement, on: boolean) => {
			layer.style.display = on ? 'inline' : 'none';
			layer.style.opacity = on ? '1' : '0';
		};

		const cut = (target: MapState) => {
			timeline?.kill();
			timeline = undefined;
			delete svg.dataset.motion;
			goal = target;
			setMarkScale();
			setView(target.view);
			for (const layer of allLayers) show(layer, layer.dataset.layer === target.step);
			placeLayers();
			for (const line of borders) line.style.opacity = '';
			for (const route of allLayers.flatMap((l) => [
				...l.querySelectorAll<SVGPathElement>('.route-fled')
			])) {
				route.style.strokeDasharray = '';
				route.style.strokeDashoffset = '';
			}
		};

		const tween = async (target: MapState, ticket: number) => {
			const loaded = await loadMapTimeline().catch(() => undefined);
			if (ticket !== request) return;
			// No motion to be had (the network gone): the map still goes where the reader is.
			if (!loaded) return cut(target);
			const { mapTimeline } = loaded;
			timeline?.kill();
			settle();
			goal = target;
			setMarkScale();
			const done = () => delete svg.dataset.motion;
			timeline = mapTimeline({
				layers: layers(target.step),
				allLayers,
				borders,
				step: target.step,
				from: seen,
				to: target.view,
				glide: glideThrough,
				setView,
				placeLayers,
				done
			});
		};

		const sizes = new ResizeObserver(([entry]) => {
			if (!entry) return;
			size = { width: entry.contentRect.width, height: entry.contentRect.height };
			setMarkScale();
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
			else {
				svg.dataset.motion = 'running';
				void tween(target, ticket);
			}
		});

		return () => {
			request++;
			timeline?.kill();
			glide?.animation.cancel();
			sizes.disconnect();
			for (const [layer, place] of places) if (place.isConnected) place.replaceWith(layer);
		};
	};
}

/** The timeline comes when the map first moves (or the browser is idle), off the critical path. */
const loadMapTimeline = lazyModule(() => import('./map-timeline'));

type Size = { width: number; height: number };

const transformOf = ({ k, dx, dy }: { k: number; dx: number; dy: number }) =>
	`translate(${dx}px, ${dy}px) scale(${k})`;

/**
 * The CSS transform (origin top left: scale k, then translate dx, dy) that makes an SVG of `size`
 * drawn at viewBox `drawn` show `seen` instead, as if its viewBox were `seen`.
 */
export function camera(drawn: View, seen: View, size: Size): { k: number; dx: number; dy: number } {
	const [from, to] = [fit(drawn, size), fit(seen, size)];
	const k = to.scale / from.scale;
	return { k, dx: to.x - k * from.x, dy: to.y - k * from.y };
}

/** Where a view lands in a box of `size` (preserveAspectRatio xMidYMid meet): scale and offset. */
export function fit([x, y, w, h]: View, size: Size) {
	const scale = Math.min(size.width / w, size.height / h);
	return {
		scale,
		x: (size.width - w * scale) / 2 - x * scale,
		y: (size.height - h * scale) / 2 - y * scale
	};
}

function parseView(value: string | null): View {
	const [x = 0, y = 0, w = 1, h = 1] = (value ?? '').split(/[\s,]+/).map(Number);
	return [x, y, w, h];
}
