import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEADINGS, normalize } from '../source-text';
import { expect, test } from './fixtures';
import { hasPoppler, readPdf, type Page } from './pdf';

// Printed to A4 as a reader's "Save as PDF" does, and read back with poppler's pdftotext: where each
// word landed on which page.
const MM = 72 / 25.4;
/** The @page margins in app.css, in points. */
const MARGIN = { top: 18 * MM, right: 16 * MM, bottom: 20 * MM, left: 16 * MM };

test.describe('printed to A4', () => {
	test.skip(
		!hasPoppler && !process.env.CI,
		'pdftotext (apt-get install -y poppler-utils) is not installed'
	);

	test('margins all round, each account’s opening with its first lines, no page left half empty', async ({
		page
	}) => {
		await page.goto('./');
		// What the reader's browser prints: the first lines of each account's words, to find them on paper.
		const firstWords = await page.evaluate(() =>
			[...document.querySelectorAll('section.account')].map((s) =>
				(s.querySelector('.words p')?.textContent ?? '').trim().split(/\s+/).slice(0, 6).join(' ')
			)
		);
		const dir = mkdtempSync(join(tmpdir(), 'story-print-'));
		try {
			const pdf = join(dir, 'story.pdf');
			await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
			const pages = readPdf(pdf);
			await test
				.info()
				.attach('story.pdf', { body: readFileSync(pdf), contentType: 'application/pdf' });
			expect(pages.length).toBeGreaterThan(3);

			for (const [i, p] of pages.entries()) {
				for (const w of p.words) {
					const where = `page ${i + 1}: “${w.text}” at ${w.x0.toFixed(0)},${w.y0.toFixed(0)}–${w.x1.toFixed(0)},${w.y1.toFixed(0)}`;
					expect(w.x0, where).toBeGreaterThanOrEqual(MARGIN.left - 1);
					expect(w.x1, where).toBeLessThanOrEqual(p.width - MARGIN.right + 1);
					// pdftotext's boxes are the font's, a little taller than the line the page sets.
					expect(w.y0, where).toBeGreaterThanOrEqual(MARGIN.top - 2);
					expect(w.y1, where).toBeLessThanOrEqual(p.height - MARGIN.bottom + 2);
				}
			}

			const pageOf = (text: string) => {
				const found = pages.findIndex((p) => p.text.includes(normalize(text)));
				expect(found, `“${text}” is printed`).toBeGreaterThanOrEqual(0);
				return found + 1;
			};
			for (const [i, heading] of HEADINGS.entries()) {
				const [who, ...where] = heading.shown.split(', ');
				const at = pageOf(who!);
				expect(pageOf(where.join(', ').toUpperCase()), `${who}: the place line`).toBe(at);
				expect(pageOf(heading.quote), `${who}: the headline quote`).toBe(at);
				expect(pageOf(firstWords[i]!), `${who}: the first lines of the account`).toBe(at);
			}

			// Every page but the last is filled to at least two thirds of its text area.
			const area = (p: Page) => p.height - MARGIN.top - MARGIN.bottom;
			for (const [i, p] of pages.slice(0, -1).entries()) {
				const bottom = Math.max(...p.words.map((w) => w.y1)) - MARGIN.top;
				expect(
					bottom / area(p),
					`page ${i + 1} is filled to ${((bottom / area(p)) * 100).toFixed(0)}%`
				).toBeGreaterThan(2 / 3);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
