import { storyMap } from '$lib/map/story-map.server';

export const prerender = true;

/** build/map.svg: the country outlines and borders every map on every route draws. */
export function GET() {
	return new Response(storyMap().sprite, { headers: { 'content-type': 'image/svg+xml' } });
}
