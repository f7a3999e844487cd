import type { View } from '$lib/map/types';
import { EASE, easeInOutCubic, sequence, type Sequence } from './sequence';

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
 * drawn for the new zoom. Hidden layers are display: none, so they cost nothing meanwhile. Every
 * tween is a Web Animation (sequence.ts): the fades and the camera run on the compositor, so the
 * main thread is free while the reader scrolls on; only a route's draw is the main thread's.
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
}: MapChange): Sequence {
	const tones = layers.filter((l) => l.classList.contains('tones'));
	const marks = layers.filter((l) => l.classList.contains('marks'));
	const outgoing = allLayers.filter((l) => l.dataset.layer !== step && l.style.display !== 'none');
	const [x, y, w, h] = to;
	const routes = marks.flatMap((l) => [...l.querySelectorAll<SVGPathElement>('.route-fled')]);
	const tl = sequence(done);
	const fade = (targets: Element[], opacity: string, seconds: number) =>
		tl.tween({ targets, property: 'opacity', to: opacity, seconds, easing: EASE['power1.out'] });
	const set = (targets: SVGElement[], style: Partial<Record<'display' | 'opacity', string>>) => {
		for (const target of targets) Object.assign(target.style, style);
	};

	// The incoming names wait hidden; anything still fading from an interrupted change goes.
	set(marks, { display: 'none', opacity: '0' });
	placeLayers();
	fade([...outgoing, ...borders], '0', OUT);
	tl.at(OUT, () => {
		set(outgoing, { display: 'none', opacity: '0' });
		set(tones, { display: 'inline' });
		placeLayers();
		fade(tones, '1', DURATION * 0.6);
		// The camera's path, as a tween of the view: sampled with the ease, then handed over.
		const path = Array.from({ length: GLIDE_FRAMES + 1 }, (_, i) => {
			const t = easeInOutCubic(i / GLIDE_FRAMES);
			return [x0 + (x - x0) * t, y0 + (y - y0) * t, w0 + (w - w0) * t, h0 + (h - h0) * t] as View;
		});
		glide(path, DURATION);
	});
	tl.at(LANDED, () => setView(to));
	tl.at(IN, () => {
		fade(borders, '1', 0.3);
		set(marks, { display: 'inline' });
		placeLayers();
		fade(marks, '1', 0.3);
		// A route draws itself by its dash, measured when the draw starts. Its stroke does not
		// scale (vector-effect), so browsers lay its dashes out in screen pixels: a dash as long as
		// the route in map units (pathLength) drew Oleg's route only 1/zoom of the way on a
		// projector. The drawn route keeps no dash, so it rests whole however the draw went.
		for (const route of routes) {
			const length = onScreen(route);
			route.style.strokeDasharray = `${length}px ${length}px`;
			tl.tween({
				targets: [route],
				property: 'strokeDashoffset',
				from: `${length}px`,
				to: '0px',
				seconds: DRAW,
				easing: EASE['power1.inOut'],
				then: () => {
					route.style.strokeDasharray = '';
					route.style.strokeDashoffset = '';
				}
			});
		}
	});
	return tl;
}

/** A path's length in screen pixels, at the view it is drawn in; a pixel over, never short. */
function onScreen(route: SVGPathElement): number {
	const m = route.getScreenCTM() ?? route.ownerSVGElement?.getScreenCTM();
	return Math.ceil(route.getTotalLength() * (m ? Math.hypot(m.a, m.b) : 1)) + 1;
}
