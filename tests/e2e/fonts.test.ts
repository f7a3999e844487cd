import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fontverter from 'fontverter';
import * as hb from 'harfbuzzjs';
import { WEB_FONTS } from '../../vite/web-fonts.ts';
import { expect, test } from './fixtures';

// The web fonts are cut to the story at build time (vite/web-fonts.ts). What a page
// shows is the judge: every character, weight and OpenType feature the rendered text asks of a
// web font must be in the file the page declares.

interface Declared {
	family: string;
	min: number;
	max: number;
	file: string;
}

/** The @font-face rules as the built page declares them (Kit inlines the CSS). */
function declaredFonts(route: string): Declared[] {
	const html = readFileSync(join('build', route, 'index.html'), 'utf8');
	return [...html.matchAll(/@font-face\{([^}]*)\}/g)].flatMap(([, rule]) => {
		const url = /src:\s*url\(["']?([^)"']+\.woff2)["']?\)/.exec(rule!)?.[1];
		const family = /font-family:\s*"?([^";]+)"?/.exec(rule!)?.[1];
		const weight = /font-weight:\s*(\d+)\s+(\d+)/.exec(rule!);
		if (!url || !family || !weight) return [];
		return [
			{
				family,
				min: Number(weight[1]),
				max: Number(weight[2]),
				file: url.replace(/^(\.\.?\/)+/, '')
			}
		];
	});
}

/** The characters a font maps and the layout features it carries. */
async function fontFacts(bytes: Buffer) {
	const face = new hb.Face(new hb.Blob(await fontverter.convert(bytes, 'sfnt')));
	return {
		chars: new Set(face.collectUnicodes()),
		features: new Set([...face.getTableFeatureTags('GSUB'), ...face.getTableFeatureTags('GPOS')])
	};
}

const require = createRequire(import.meta.url);

for (const route of ['./', './embed/', './present/', './present/notes/']) {
	test(`${route}: every character it shows is in its cut font, at a weight and with the features the font keeps`, async ({
		page
	}) => {
		const declared = declaredFonts(route);
		expect(declared.map((d) => d.family).sort()).toEqual(WEB_FONTS.map((f) => f.family).sort());
		await page.goto(route);
		// Every text node, shown or not (slides and captions wait hidden), by the web font that
		// sets it and what its style asks of it.
		const used = await page.evaluate(
			(families) => {
				const byFamily: Record<string, { chars: string; weights: number[]; features: string[] }> =
					{};
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					const text = node.textContent?.replace(/\s+/g, '') ?? '';
					const element = node.parentElement;
					if (!text || !element || element.closest('script, style')) continue;
					const style = getComputedStyle(element);
					const family = style.fontFamily
						.split(',')[0]!
						.trim()
						.replace(/^["']|["']$/g, '');
					if (!families.includes(family)) continue;
					const entry = (byFamily[family] ??= { chars: '', weights: [], features: [] });
					entry.chars += text;
					entry.weights.push(Number(style.fontWeight));
					const numeric = style.fontVariantNumeric;
					if (numeric.includes('tabular-nums')) entry.features.push('tnum');
					if (numeric.includes('lining-nums')) entry.features.push('lnum');
					if (style.fontVariantLigatures.includes('common-ligatures'))
						entry.features.push('liga', 'clig');
					for (const [, tag] of style.fontFeatureSettings.matchAll(/"(\w{4})"/g))
						entry.features.push(tag!);
				}
				return byFamily;
			},
			declared.map((d) => d.family)
		);

		for (const font of declared) {
			const shown = used[font.family];
			if (!shown) continue;
			const cut = await fontFacts(readFileSync(join('build', font.file)));
			const source = WEB_FONTS.find((f) => f.family === font.family)!;
			const full = await fontFacts(readFileSync(require.resolve(source.source)));
			const missing = [...new Set(shown.chars)].filter((c) => !cut.chars.has(c.codePointAt(0)!));
			expect(missing, `${font.family} lacks characters ${route} shows`).toEqual([]);
			const weights = [...new Set(shown.weights)].filter((w) => w < font.min || w > font.max);
			expect(weights, `${font.family} weights outside ${font.min}–${font.max}`).toEqual([]);
			// A feature the full font never had (Inter's figures are lining already) is not lost.
			const lost = [...new Set(shown.features)].filter(
				(f) => full.features.has(f) && !cut.features.has(f)
			);
			expect(lost, `${font.family} features the CSS asks for`).toEqual([]);
		}
	});
}

test('the cut fonts are a fraction of the full ones', () => {
	for (const font of declaredFonts('./')) {
		const source = WEB_FONTS.find((f) => f.family === font.family)!;
		const cut = readFileSync(join('build', font.file)).length;
		expect(cut).toBeLessThan(readFileSync(require.resolve(source.source)).length * 0.6);
	}
});
