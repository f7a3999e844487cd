import { gsap } from 'gsap';
import type { View } from '$lib/map/types';

const DURATION = 0.75;
const OUT = 0.15;
const IN = OUT + DURATION;

export interface MapChange {
	/** The incoming step's layers (its tones and its marks). */
	layers: SVGGElement[];
	/** Every layer of the map, to find what is still showing. */
	allLayers: SVGGElement[];
	step: string;
	from: View;
	to: View;
	setView: (view: View) => void;
}

/**
 * Out, move, in: names fade out before the view moves and fade in after it stops, because SVG
 * text is laid out again at every change of zoom, which a cheap phone cannot do per frame. Hidden
 * layers are display: none, so they cost nothing meanwhile. Loaded with gsap, when the first move
 * needs it.
 */
export function mapTimeline({ layers, allLayers, step, from: [x0, y0, w0, h0], to: [x, y, w, h], setView }: MapChange): gsap.core.Timeline {
	const tones = layers.filter((l) => l.classList.contains('tones'));
	const marks = layers.filter((l) => l.classList.contains('marks'));
	const outgoing = allLayers.filter((l) => l.dataset.layer !== step && l.style.display !== 'none');
	const view = { x: x0, y: y0, w: w0, h: h0 };
	const routes = marks.flatMap((l) => [...l.querySelectorAll<SVGPathElement>('.route-fled')]);

	const tl = gsap.timeline({ defaults: { ease: 'power2.inOut' } });
	// The incoming names wait hidden; anything still fading from an interrupted change goes.
	tl.set(marks, { display: 'none', opacity: 0 }, 0);
	tl.to(outgoing, { opacity: 0, duration: OUT, ease: 'power1.out' }, 0);
	tl.set(outgoing, { display: 'none' }, OUT);
	tl.set(tones, { display: 'inline' }, OUT);
	tl.to(tones, { opacity: 1, duration: DURATION * 0.6, ease: 'power1.out' }, OUT);
	tl.to(view, { x, y, w, h, duration: DURATION, onUpdate: () => setView([view.x, view.y, view.w, view.h]) }, OUT);
	tl.set(marks, { display: 'inline' }, IN);
	tl.to(marks, { opacity: 1, duration: 0.3, ease: 'power1.out' }, IN);
	if (routes.length > 0) {
		tl.set(routes, { strokeDasharray: 1, strokeDashoffset: 1 }, IN);
		tl.to(routes, { strokeDashoffset: 0, duration: 0.9, ease: 'power1.inOut' }, IN);
	}
	return tl;
}
