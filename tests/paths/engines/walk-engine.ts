import { afterAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../engines/engine';
import { engineEmbedSurface, enginePresenterSurface, engineStorySurface } from '../engine-surfaces';
import type { Surface } from '../reading';
import { SLIDES } from '../reading';
import { RUN } from '../report';
import { reported, Walker } from '../walking';

/**
 * The generated walks in one engine of tests/engines (npm run test:paths -- --engines …): the
 * story at a phone's and a desktop's size, the embed on another origin, the presenter at a
 * projector's two sizes, each walk and each paging stop compared with the engine's own deep link.
 */
export function walkEngine(engine: Engine): void {
	const missing = engine.missing();
	// CI installs every engine (.ci/run): there, a missing one is a failure, not a skip.
	if (missing && process.env.CI) throw new Error(`${engine.name}: ${missing}`);

	describe.skipIf(!!missing)(engine.name, () => {
		afterAll(() => engine.shutdown());
		const surfaces: Surface<never, Engine>[] = [
			engineStorySurface(engine, { width: 360, height: 640 }, [
				{ width: 640, height: 360 },
				{ width: 412, height: 915 }
			]),
			engineStorySurface(engine, { width: 1280, height: 800 }, [
				{ width: 800, height: 1280 },
				{ width: 1024, height: 768 }
			]),
			engineEmbedSurface(engine, { width: 390, height: 844 }, [{ width: 844, height: 390 }]),
			enginePresenterSurface(engine, { width: 1024, height: 768 }, SLIDES),
			enginePresenterSurface(engine, { width: 1920, height: 1080 }, SLIDES)
		] as Surface<never, Engine>[];
		const walker = new Walker(engine, `${engine.name} `);

		for (const surface of surfaces) {
			it.skipIf(walker.only(surface) === null)(
				`${surface.name}: generated walks settle on the deep link's picture`,
				async () => {
					const walks = await walker.generated(
						surface,
						Math.max(1, Math.round(RUN.walks / surfaces.length))
					);
					expect(
						reported(engine.name, 'walks', surface.name, walks),
						`replay one with: npm run test:paths -- --seed ${RUN.seed} --runs ${RUN.walks} --only "<name>"`
					).toEqual([]);
				}
			);

			it.skipIf(!!RUN.only)(
				`${surface.name}: paging forward through everything and back, each stop as its deep link`,
				async () => {
					const paging = await walker.paging(surface);
					expect(reported(engine.name, 'paging', surface.name, paging)).toEqual([]);
				}
			);
		}
	});
}
