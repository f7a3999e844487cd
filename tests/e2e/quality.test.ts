import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { ACCOUNT_IDS } from '../source-text';
import { ACCOUNTS, FIGURES, ID, LABELS, STEPS } from '../story';
import { enhanced, expect, phone, test } from './fixtures';

const ROUTES = ['./', './embed/', './present/', './present/notes/', './share/'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Every counter shows its figure as its sentence writes it. */
async function expectFinalCounts(page: Page | Frame) {
	for (const { id, display } of FIGURES)
		await expect(page.locator(`[data-counter="${id}"]`)).toHaveText(display);
}

test.describe('a strict Content-Security-Policy', () => {
	for (const route of ROUTES) {
		test(`${route} declares it and never trips it`, async ({ page }) => {
			await page.goto(route);
			const csp = await page
				.locator('meta[http-equiv="content-security-policy"]')
				.getAttribute('content');
			expect(csp).toContain("default-src 'self'");
			expect(csp).toContain("object-src 'none'");
			expect(csp).toContain("base-uri 'self'");
			expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
			expect(csp).not.toContain('unsafe-eval');
			expect(csp).not.toContain("'unsafe-inline'");
			await page.waitForTimeout(500);
			// Violations, like requests to other origins, fail every test through the fixture.
		});
	}
});

test.describe('accessibility (axe)', () => {
	for (const [size, use] of [
		['phone', phone],
		['desktop', { viewport: { width: 1280, height: 800 } }]
	] as const) {
		for (const colorScheme of ['light', 'dark'] as const) {
			test.describe(`${size}, ${colorScheme}`, () => {
				test.use({ ...use, colorScheme, reducedMotion: 'reduce' });

				for (const [route, spot] of [
					['./', ''],
					['./', `#${ID.middle}`],
					['./embed/', ''],
					['./present/', ''],
					['./present/notes/', ''],
					['./share/', '']
				] as const) {
					test(`${route}${spot} has no violations`, async ({ page }) => {
						await page.goto(route + spot);
						await page.waitForTimeout(400);
						const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
						expect(
							violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
						).toEqual([]);
					});
				}
			});
		}
	}
});

test('the keyboard reaches the skip link, the accounts and the chapter control in order, focus always visible', async ({
	page
}) => {
	await page.goto('./');
	await enhanced(page);
	const visited: string[] = [];
	// The skip link, the chapter control, the accounts list; then the browser's own UI.
	const n = ACCOUNTS.length;
	for (let i = 0; i < 1 + 2 * n; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement;
			const style = getComputedStyle(el);
			return {
				text: el.textContent?.trim() ?? '',
				outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
			};
		});
		expect(focused.outline, focused.text).toBe(true);
		visited.push(focused.text);
	}
	expect(visited[0]).toBe(LABELS.skipLink);
	// The chapter control (in the graphic) comes before the text's own list of accounts, which
	// names each by its first person.
	expect(visited.slice(1, 1 + n)).toEqual(ACCOUNTS.map((a) => a.short));
	expect(visited.slice(1 + n, 1 + 2 * n).map((t) => t.split(' (')[0])).toEqual(
		ACCOUNTS.map((a) => a.people[0]!.name)
	);
});

test.describe('no request leaves the page’s origin', () => {
	for (const route of ROUTES) {
		test(`${route}`, async ({ page }) => {
			const origins = new Set<string>();
			page.on('request', (r) => origins.add(new URL(r.url()).origin));
			await page.goto(route);
			await page.waitForLoadState('networkidle');
			await page.mouse.wheel(0, 3000);
			await page.waitForTimeout(500);
			expect([...origins]).toEqual([new URL(page.url()).origin]);
		});
	}
});

test('if the scroll engine cannot start, the story still reads, each account with its map', async ({
	page,
	problems
}) => {
	// A browser without IntersectionObserver: scrollama and the counters cannot start.
	await page.addInitScript(() => {
		(window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = function () {
			throw new Error('injected: no IntersectionObserver');
		};
	});
	await page.goto('./');
	await page.waitForTimeout(800);
	await expect(page.locator(`#${ID.second} .words p`).first()).toBeVisible();
	await expect(page.locator(`[data-inline-map="${ID.middle}"]`)).toBeVisible();
	await expectFinalCounts(page);
	expect(problems.filter((p) => !p.includes('injected'))).toEqual([]);
	problems.length = 0;
});

test('if the map’s motion cannot load, each account shows its own map and the counters their values', async ({
	page,
	problems
}) => {
	// The motion comes after hydration, in chunks of its own (lazy-attachment.svelte.ts): lose them
	// on the way, as a flaky network would.
	await page.route('**/_app/immutable/chunks/*.js', async (route) => {
		const response = await route.fetch();
		const code = await response.text();
		if (code.includes('dataset.enhanced') || code.includes('beforeprint')) await route.abort();
		else await route.fulfill({ response });
	});
	await page.goto(`./#${ID.middle}`);
	await expect(page.locator('.scrolly[data-static-maps]')).toHaveCount(1);
	await expect(page.locator(`[data-inline-map="${ID.middle}"]`)).toBeVisible();
	await expect(page.locator('[data-graphic]')).toBeHidden();
	await expect(page.locator(`#${ID.middle}`)).toBeInViewport();
	await expectFinalCounts(page);
	await expect(page.locator('[data-motion]')).toHaveCount(0);
	expect(problems.filter((p) => !/could not load|Failed to fetch|net::ERR_FAILED/.test(p))).toEqual(
		[]
	);
	problems.length = 0;
});

test('a motion that failed to load once (a page left while it loaded, then restored) is tried again; meanwhile the map cuts to each account', async ({
	page,
	problems
}) => {
	// Safari loses an import that leaving the page cut short, and the page it restores from the
	// back/forward cache has the failure: here the map timeline's first two fetches fail (the
	// preload's and the first move's), as they did there.
	let fetches = 0;
	await page.route('**/_app/immutable/chunks/*.js', async (route) => {
		const response = await route.fetch();
		const code = await response.text();
		if (code.includes('getScreenCTM') && fetches++ < 2) await route.abort();
		else await route.fulfill({ response });
	});
	await page.goto('./');
	await enhanced(page);
	await expect.poll(() => fetches, 'the motion preloaded, and lost').toBeGreaterThan(0);
	const map = page.locator('[data-graphic] svg[data-enhanced]');
	const shown = () =>
		map.evaluate((svg) =>
			[...svg.querySelectorAll<SVGGElement>('[data-layer]')]
				.filter((l) => l.isConnected && getComputedStyle(l).display !== 'none')
				.map((l) => l.dataset.layer)
		);
	// Whether the camera moved since the last look.
	await map.evaluate((svg) => {
		const w = window as unknown as { __moved: boolean };
		w.__moved = false;
		new MutationObserver(() => (w.__moved ||= svg.hasAttribute('data-moving'))).observe(svg, {
			attributeFilter: ['data-moving']
		});
	});
	const moved = () =>
		page.evaluate(() => {
			const w = window as unknown as { __moved: boolean };
			const was = w.__moved;
			w.__moved = false;
			return was;
		});
	const looks: boolean[] = [];
	for (const id of ACCOUNT_IDS.slice(0, 3)) {
		await page.locator(`[data-graphic] nav a[href="#${id}"]`).click();
		await expect(page.locator('[data-graphic]')).toHaveAttribute('data-active', id);
		await expect(map).not.toHaveAttribute('data-motion');
		expect(new Set(await shown())).toEqual(new Set([id]));
		looks.push(await moved());
	}
	expect(looks, 'the camera moved at each account').toEqual([false, true, true]);
	expect(fetches).toBe(3);
	expect(problems.filter((p) => !/net::ERR_FAILED/.test(p))).toEqual([]);
	problems.length = 0;
});

test('printed, the story is all its text, each account with its map, nothing sticky', async ({
	page
}) => {
	await page.goto('./');
	await enhanced(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('[data-graphic]')).toBeHidden();
	for (const step of STEPS) {
		await expect(page.locator(`[data-inline-map="${step}"]`)).toBeVisible();
	}
	await expectFinalCounts(page);
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
	expect(pages.length).toBeGreaterThan(6);
});

test.describe('if the page’s scripts cannot run, the story is the flat one, never a sticky graphic that does not move', () => {
	/** The flat story: no graphic, every account's own map, the final numbers, nothing sideways. */
	async function flat(page: Page | Frame) {
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'failed');
		await expect(page.locator('[data-graphic]')).toBeHidden();
		for (const id of ACCOUNT_IDS)
			await expect(page.locator(`[data-inline-map="${id}"]`)).toBeVisible();
		await expectFinalCounts(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(
			true
		);
	}
	/** Lost on the way, as a blocker, a refused CORS request or a failed chunk loses them. */
	const blockApp = (page: Page) =>
		page.route('**/_app/immutable/**/*.js', (route) => route.abort());
	const blocked = (p: string) =>
		/net::ERR_FAILED|Failed to fetch|dynamically imported module/.test(p);

	for (const [size, use] of [
		['phone', phone],
		['desktop', { viewport: { width: 1280, height: 800 } }]
	] as const) {
		test.describe(size, () => {
			test.use(use);
			for (const route of ['./', `./#${ID.middle}`, './embed/', './embed/?scroll=frame']) {
				test(`${route}: blocked scripts`, async ({ page, problems }) => {
					await blockApp(page);
					await page.goto(route);
					await flat(page);
					if (route.includes('#')) await expect(page.locator(`#${ID.middle}`)).toBeInViewport();
					expect(problems.filter((p) => !blocked(p))).toEqual([]);
					problems.length = 0;
				});
			}
		});
	}

	test('a module that never arrives: flat once the guard stops waiting', async ({ page }) => {
		await page.clock.install();
		// Held, never answered: the page's load event never comes either.
		await page.route('**/_app/immutable/**/*.js', () => {});
		await page.goto('./', { waitUntil: 'domcontentloaded' });
		await page.clock.runFor(2_000);
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'starting');
		await expect(page.locator('[data-graphic]')).toBeVisible();
		await page.clock.runFor(30_000);
		await flat(page);
		await page.unrouteAll({ behavior: 'ignoreErrors' });
	});

	test('the split embed in a sandboxed frame of origin null (an old snippet in WordPress): flat', async ({
		page,
		problems,
		baseURL
	}) => {
		await page.setContent(
			`<iframe sandbox="allow-scripts" src="${baseURL}embed/?scroll=frame#?secret=abc" style="width:100%;height:700px"></iframe>`
		);
		const frame = (await (await page.locator('iframe').elementHandle())!.contentFrame())!;
		await flat(frame);
		// The modules refused by CORS, the outlines by the sandbox: said in the console, not shown.
		await page.setContent('');
		expect(
			problems.filter(
				(p) =>
					!/CORS|blocked|Unsafe attempt to load URL|net::ERR_FAILED|dynamically imported module/.test(
						p
					)
			)
		).toEqual([]);
		problems.length = 0;
	});
});
