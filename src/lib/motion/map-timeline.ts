import { gsap } from 'gsap';
import type { View } from '$lib/map/types';

const DURATION = 0.75;
const OUT = 0.15;
const LANDED = OUT + DURATION;
// Names appear a beat after the view lands: drawing the new viewBox and laying out the names in
// one frame is more than a cheap phone's frame budget.
const IN = LANDED + 0.05;
const DRAW = 0.9;
/** Keyframes of a camera move: one every 25 ms, so the straight lines between them never show. */
const GLIDE_FRAMES = 30;

export interface MapChange {
	/** The incoming step's layers (its tones and its marks). */
	layers: SVGGElement[];
	/** Every layer of the map, to find what is still showing. */
	allLayers: SVGGElement[];
	/** The hairline borders: they rest while the camera moves (a transform would thicken them). */
	borders: SVGElement[];
	step: string;
	from: View;
	to: View;
	/**
	 * Moves the camera through `views` (evenly spaced in time) over `seconds`, as a transform the
	 * compositor carries: the main thread does nothing while it moves.
	 */
	glide: (views: View[], seconds: number) => void;
	/** Draws the view the move ends on. */
	setView: (view: View) => void;
	/** Takes the hidden layers out of the map and puts the shown ones back (map-motion). */
	placeLayers: () => void;
	/** Called when the change has wholly landed (not when it is killed). */
	done: () => void;
}

/**
 * Out, move, in: names and borders fade out, the camera moves (a transform, which would scale
 * hairlines and lettering with the zoom), the view lands, and borders and names fade back in,
 * drawn for the new zoom. Hidden layers are display: none, so they cost nothing meanwhile.
 * Loaded with gsap, when the first move needs it.
 */
export function mapTimeline({
	layers,
	allLayers,
	borders,
	step,
	from: [x0, y0, w0, h0],
	to,
	glide,
	setView,
	placeLayers,
	done
}: MapChange): gsap.core.Timeline {
	const tones = layers.filter((l) => l.classList.contains('tones'));
	const marks = layers.filter((l) => l.classList.contains('marks'));
	const outgoing = allLayers.filter((l) => l.dataset.layer !== step && l.style.display !== 'none');
	const [x, y, w, h] = to;
	const routes = marks.flatMap((l) => [...l.querySelectorAll<SVGPathElement>('.route-fled')]);

	const tl = gsap.timeline({ defaults: { ease: 'power2.inOut' }, onComplete: done });
	// The incoming names wait hidden; anything still fading from an interrupted change goes.
	tl.set(marks, { display: 'none', opacity: 0 }, 0);
	tl.call(placeLayers, undefined, 0);
	tl.to([...outgoing, ...borders], { opacity: 0, duration: OUT, ease: 'power1.out' }, 0);
	tl.set(outgoing, { display: 'none' }, OUT);
	tl.set(tones, { display: 'inline' }, OUT);
	tl.call(placeLayers, undefined, OUT);
	tl.to(tones, { opacity: 1, duration: DURATION * 0.6, ease: 'power1.out' }, OUT);
	// The camera's path, as the tween of the view it was: sampled with the ease, then handed over.
	const ease = gsap.parseEase('power2.inOut');
	const path = Array.from({ length: GLIDE_FRAMES + 1 }, (_, i) => {
		const t = ease(i / GLIDE_FRAMES);
		return [x0 + (x - x0) * t, y0 + (y - y0) * t, w0 + (w - w0) * t, h0 + (h - h0) * t] as View;
	});
	tl.call(glide, [path, DURATION], OUT);
	tl.call(setView, [to], LANDED);
	tl.to(borders, { opacity: 1, duration: 0.3, ease: 'power1.out' }, IN);
	tl.set(marks, { display: 'inline' }, IN);
	tl.call(placeLayers, undefined, IN);
	tl.to(marks, { opacity: 1, duration: 0.3, ease: 'power1.out' }, IN);
	if (routes.length > 0) {
		// A route draws itself by its dash, measured when the draw starts. Its stroke does not
		// scale (vector-effect), so browsers lay its dashes out in screen pixels: a dash as long as
		// the route in map units (pathLength) drew Oleg's route only 1/zoom of the way on a
		// projector. The drawn route keeps no dash, so it rests whole however the draw went.
		tl.fromTo(
			routes,
			{
				strokeDasharray: (_: number, r: SVGPathElement) => `${onScreen(r)} ${onScreen(r)}`,
				strokeDashoffset: (_: number, r: SVGPathElement) => onScreen(r)
			},
			{ strokeDashoffset: 0, duration: DRAW, ease: 'power1.inOut', immediateRender: false },
			IN
		);
		tl.set(routes, { clearProps: 'strokeDasharray,strokeDashoffset' }, IN + DRAW);
	}
	return tl;
}

/** A path's length in screen pixels, at the view it is drawn in; a pixel over, never short. */
function onScreen(route: SVGPathElement): number {
	const m = route.getScreenCTM() ?? route.ownerSVGElement?.getScreenCTM();
	return Math.ceil(route.getTotalLength() * (m ? Math.hypot(m.a, m.b) : 1)) + 1;
}
