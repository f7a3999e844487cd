#!/usr/bin/env node
// Screenshots of the built story at the sizes the piece promises, light and dark, for people to look at.
// Usage: npm run build && node scripts/screenshots.js [--url http://localhost:4173/] [--out screenshots]
// Needs a server on --url (npm run serve).
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { args, executablePath } from './chromium.js';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: {
		url: { type: 'string', default: 'http://localhost:4173/' },
		out: { type: 'string', default: 'screenshots' },
		sizes: {
			type: 'string',
			default: '360x640,390x844,844x390,768x1024,1024x768,1280x800,1920x1080'
		},
		schemes: { type: 'string', default: 'light,dark' },
		spots: { type: 'string', default: ',#konstantin,#anna,#oleg,#konstantin-roman,#aleksandr' }
	}
});
const sizes = values.sizes.split(',').map((size) => size.split('x').map(Number));
const spots = values.spots.split(',');
mkdirSync(values.out, { recursive: true });

const browser = await chromium.launch({
	executablePath,
	args
});
for (const colorScheme of /** @type {('light' | 'dark')[]} */ (values.schemes.split(','))) {
	for (const [width, height] of sizes) {
		for (const spot of spots) {
			// A fresh page per spot: a hash change on the same page would scroll smoothly, mid-flight.
			const page = await browser.newPage({
				viewport: { width, height },
				colorScheme,
				reducedMotion: 'reduce'
			});
			await page.goto(values.url + spot);
			await page.evaluate(() => document.fonts.ready);
			await page.waitForTimeout(300);
			const name = `${values.out}/${width}x${height}-${colorScheme}${spot.replace('#', '-') || '-top'}.png`;
			await page.screenshot({ path: name });
			console.log(name);
			await page.close();
		}
	}
}
await browser.close();
