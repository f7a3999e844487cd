import type { Country, Place, Route } from '$lib/content/schema';

/** A rectangle in map units: [x, y, width, height], as an SVG viewBox. */
export type View = [number, number, number, number];

export interface MapCountry {
	/** Natural Earth name, also the `id` suffix of its path in the map's <defs>. */
	name: string;
	/** Projected outline. */
	d: string;
}

export interface PlacedLabel {
	/** Offset from the point, in screen pixels (the mark is scaled to pixels on screen). */
	dx: number;
	dy: number;
	anchor: 'start' | 'middle' | 'end';
}

/** A place's marker radius by its role: drawn by MapLayers, kept clear of labels at build time. */
export const MARKER_RADIUS: Record<MapPlace['role'], number> = {
	home: 6,
	destination: 5,
	origin: 4,
	via: 3.5
};

export interface MapPlace {
	name: string;
	role: Place['role'];
	x: number;
	y: number;
	label: PlacedLabel;
}

export interface MapCountryMark {
	name: string;
	role: Country['role'] | 'subject';
	/** Where its name is written, in map units; absent when it falls outside the view. */
	label?: { x: number; y: number };
}

export interface MapRoute {
	kind: Route['kind'];
	/** One gentle arc per leg, in map units. */
	d: string;
}

/** What the map shows at one step of the story. */
export interface MapState {
	step: string;
	caption: string;
	view: View;
	/** Map units per screen pixel for the view in the phone graphic's map area: the no-JS scale. */
	unitsPerPixel: number;
	countries: MapCountryMark[];
	places: MapPlace[];
	routes: MapRoute[];
}

/** Everything the map draws, projected at build time: the client gets only path strings. */
export interface MapData {
	width: number;
	height: number;
	countries: MapCountry[];
	/** Land borders between countries, one path. */
	borders: string;
	states: MapState[];
}

/**
 * The presenter draws the map's marks and labels (11–12 px in the story) this many times larger:
 * 24 px and up, legible from the back row of a lit room. Labels are placed at build time with it
 * (project.server.ts), so that they do not collide there either.
 */
export const BACK_ROW_SCALE = 2.2;
/** The presenter's map pane at its narrowest layout, 1024x768: 52 % of the width, full height. */
export const PRESENTER_MAP = { width: 532, height: 768 };
