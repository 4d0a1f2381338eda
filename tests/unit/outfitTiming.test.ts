import type { Product } from '../../cloudfunctions/contract/catalog';
import type { WardrobePiece } from '../../cloudfunctions/contract/outfits';
import { SCENES } from '../../cloudfunctions/contract/styleWords';
import { completeTheLook, type PlanInput, planOutfits } from '../../cloudfunctions/domain/outfits';
import { DAY, PRODUCTS, RANGE_AS_PIECES, REPORT } from './outfitFixtures';

/**
 * How long planning takes at the size: a 300-piece wardrobe and a 2,000-product catalogue,
 * three outfits, in this process. It reports the times and asserts only that outfits come out (the
 * bench asserts the figures, on its own machine).
 */

const COLOURS = [...new Map(PRODUCTS.flatMap((p) => p.colours.map((c) => [c.hex, c] as const))).values()];
/** The demo range recoloured and renumbered to the size asked for, so no two pieces are the same piece. */
const recolour = <T extends { colours: { name: string; hex: string }[] }>(x: T, i: number): T => ({ ...x, colours: [{ ...x.colours[0]!, ...COLOURS[(i * 7) % COLOURS.length]! }, ...x.colours.slice(1)] });
const WARDROBE: WardrobePiece[] = Array.from({ length: 300 }, (_, i) => ({
  ...recolour(RANGE_AS_PIECES[i % RANGE_AS_PIECES.length]!, i),
  id: `piece-${i}`,
  ...(i % 5 === 0 && { lastWornAt: new Date(DAY.getTime() - (1 + (i % 9)) * 86_400_000).toISOString() }),
}));
const CATALOGUE: Product[] = Array.from({ length: 2000 }, (_, i) => ({ ...recolour(PRODUCTS[i % PRODUCTS.length]!, i + 3), _id: `SKU${String(i).padStart(5, '0')}` }));

function timed(label: string, make: (seed: number) => PlanInput, plan = planOutfits, runs = 30) {
  const ms: number[] = [];
  for (let seed = 0; seed < runs; seed++) {
    const input = make(seed);
    const t0 = performance.now();
    const out = plan(input);
    ms.push(performance.now() - t0);
    expect(out.outfits).toHaveLength(3);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  console.log(`${label}: first ${ms[0]!.toFixed(1)} ms, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms over ${runs} plans`);
}

const day = (seed: number, over: Partial<PlanInput> = {}): PlanInput => ({
  wardrobe: WARDROBE,
  catalogue: CATALOGUE,
  report: REPORT,
  scene: SCENES[seed % 4]!, // 约会 职场 休闲 运动 in turn
  date: DAY,
  temperatureC: [3, 14, 22, 30][seed % 4]!,
  recentOutfits: [{ day: '20270309', pieceIds: WARDROBE.slice(seed, seed + 4).map((p) => p.id) }],
  seed,
  ...over,
});

describe('planning time, 300 pieces and 2,000 products (reported, not asserted)', () => {
  it('今日穿搭 from a full wardrobe', () => timed('today, full wardrobe', (seed) => day(seed, { scene: '休闲' })));

  it('今日穿搭 across scenes and temperatures', () => timed('today, every scene and temperature', (seed) => day(seed, { scene: SCENES.filter((s) => s !== '运动')[seed % 4]! })));

  it('今日穿搭 from a wardrobe without dresses or outer layers (the catalogue fills them)', () => {
    const lacking = WARDROBE.filter((p) => p.category !== 'dress' && p.category !== 'outer');
    timed('today, catalogue filling dress and outer', (seed) => day(seed, { wardrobe: lacking, scene: '职场', temperatureC: 5 }));
  });

  it('今日穿搭 from an empty wardrobe (the catalogue only)', () => timed('today, catalogue only', (seed) => day(seed, { wardrobe: [], scene: '休闲', temperatureC: 12 })));

  it('搭配这件 around a top', () => {
    const top = WARDROBE.find((p) => p.category === 'top' && p.wearSeason === '四季' && p.scenes.includes('休闲'))!;
    timed('complete the look', (seed) => day(seed, { scene: '休闲', temperatureC: 20 }), (i) => completeTheLook(top, i));
  });
});
