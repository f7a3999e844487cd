import sharp from 'sharp';
import icon from '../../../static/favicon.svg?raw';

export const prerender = true;

/**
 * build/favicon.png: the tab's icon, drawn from static/favicon.svg at 64 px (16 px at 4x). A
 * picture, not the SVG: Chromium asks for the icon again at every new address, and the story's
 * address follows the account being read; an SVG icon was a new SVG document each time (about
 * 5 ms at 1x, a dropped frame at 4x on every account's arrival, #25), a PNG only a decode.
 */
export async function GET() {
	const png = await sharp(Buffer.from(icon), { density: 144 })
		.resize(64, 64)
		.png({ compressionLevel: 9, palette: true })
		.toBuffer();
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
}
