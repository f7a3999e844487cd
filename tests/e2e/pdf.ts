import { execFileSync, spawnSync } from 'node:child_process';
import { normalize } from '../source-text';

/** Poppler's pdftotext reads back what a print wrote: where each word landed on which page. */
export const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

export interface Word {
	text: string;
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}
export interface Page {
	width: number;
	height: number;
	words: Word[];
	text: string;
}

export function readPdf(pdf: string): Page[] {
	const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], {
		encoding: 'utf8',
		maxBuffer: 1 << 26
	});
	return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(
		([, width, height, body]) => {
			const words = [
				...body!.matchAll(
					/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
				)
			].map(([, x0, y0, x1, y1, text]) => ({
				text: text!
					.replace(/&amp;/g, '&')
					.replace(/&lt;/g, '<')
					.replace(/&gt;/g, '>')
					.replace(/&quot;/g, '"')
					.replace(/&#39;/g, "'"),
				x0: Number(x0),
				y0: Number(y0),
				x1: Number(x1),
				y1: Number(y1)
			}));
			return {
				width: Number(width),
				height: Number(height),
				words,
				text: normalize(words.map((w) => w.text).join(' '))
			};
		}
	);
}
