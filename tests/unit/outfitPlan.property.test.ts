import { converter, differenceCiede2000 } from 'culori';
import fc from 'fast-check';
import { KIND_INFO, KINDS, type Product } from '../../cloudfunctions/contract/catalog';
import { outfitPlanSchema, type OutfitPlan, type WardrobePiece } from '../../cloudfunctions/contract/outfits';
import type { StyleReport } from '../../cloudfunctions/contract/styleQuiz';
import { CATEGORIES, type NamedColour, type Scene, SCENES, STYLES, WEAR_SEASONS } from '../../cloudfunctions/contract/styleWords';
import { completeTheLook, type PlanInput, planOutfits } from '../../cloudfunctions/domain/outfits';
import { C, DAY, PRODUCTS, REPORT, reportWith } from './outfitFixtures';

/**
 * The engine's promises for any wardrobe, catalogue, member and day (fast-check, over 1,000 random
 * cases): every outfit is complete, one piece per slot and no piece twice; no colour the member
 * avoids or dislikes at the face; every piece fits the scene (the documented rule) and the season
 * and temperature; never yesterday's outfit; only offerable products from the store, and outfits
 * with fewer of them first; deterministic for a seed; and an empty answer says why, never throws.
 * The checks are written from the rules as documented, with culori directly, not with the engine's
 * own helpers.
 */

const RUNS = 1_000;
const ciede = differenceCiede2000();
const oklch = converter('oklch');

// ——— the rules as documented, restated for the checks ———
const FACE = new Set(['top', 'dress', 'outer', 'accessory']);
const NEIGHBOURS: Record<Scene, Scene[]> = { 职场: [], 运动: [], 休闲: ['旅行', '约会', '职场', '运动'], 约会: ['休闲', '职场'], 旅行: ['休闲', '运动'] };
/** Neutral: OKLCH chroma under 0.045, or navy/denim and camel/brown hues under 0.09. */
function neutral(hex: string): boolean {
  const { c, h } = oklch(hex)!;
  if (c < 0.045) return true;
  return c < 0.09 && h !== undefined && c >= 0.01 && ((h >= 40 && h <= 95) || (h >= 235 && h <= 275));
}
function fitsScene(p: WardrobePiece, scene: Scene): boolean {
  const scenes = p.scenes.length > 0 ? p.scenes : ['休闲' as const];
  return scenes.includes(scene) || (neutral(p.colours[0]!.hex) && scenes.some((s) => NEIGHBOURS[scene].includes(s)));
}
const inBand = (p: Product, r: StyleReport | null) => {
  const band = r?.priceBands.find((b) => b.category === p.category);
  return !band || (p.priceFen >= band.minFen && (band.maxFen === null || p.priceFen <= band.maxFen));
};

// ——— arbitraries ———
const SEED_COLOURS: NamedColour[] = [...new Map(PRODUCTS.flatMap((p) => p.colours.map(({ name, hex }) => [hex, { name, hex }] as const))).values()];
const colour: fc.Arbitrary<NamedColour> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SEED_COLOURS, ...Object.values(C), { name: '纯黑', hex: '#000000' }, { name: '纯白', hex: '#ffffff' }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffffff }).map((n) => ({ name: '随机', hex: `#${n.toString(16).padStart(6, '0')}` })) },
);
const some = <T>(xs: readonly T[], minLength = 0) => fc.uniqueArray(fc.constantFrom(...xs), { minLength, maxLength: 3 });
/** Half the pieces are versatile (every scene, all year), so that many cases make outfits and the rules decide among them. */
const versatile = <T>(some: fc.Arbitrary<T>, every: T) => fc.oneof(some, fc.constant(every));
const pieceFields = {
  category: fc.constantFrom(...CATEGORIES),
  colours: fc.array(colour, { minLength: 1, maxLength: 2 }),
  wearSeason: versatile(fc.constantFrom(...WEAR_SEASONS), '四季' as const),
  priceFen: fc.integer({ min: 1_000, max: 200_000 }),
};
const wardrobePiece = fc.record({
  ...pieceFields,
  styles: some(STYLES),
  scenes: versatile(some(SCENES), [...SCENES]),
  source: fc.constantFrom('purchase' as const, 'own' as const),
  wears: fc.integer({ min: 0, max: 30 }),
  wornDaysAgo: fc.option(fc.integer({ min: 0, max: 90 })),
});
const product = fc.record({
  ...pieceFields,
  styles: some(STYLES, 1),
  scenes: versatile(some(SCENES, 1), [...SCENES]),
  stock: fc.integer({ min: 0, max: 3 }),
  onSale: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

type Drawn<A> = A extends fc.Arbitrary<infer T> ? T : never;
const instantDaysBefore = (days: number) => new Date(DAY.getTime() - days * 86_400_000).toISOString();
const toPiece = (w: Drawn<typeof wardrobePiece>, i: number): WardrobePiece => ({
  id: `w${i}`,
  source: w.source,
  category: w.category,
  colours: w.colours,
  styles: w.styles,
  scenes: w.scenes,
  wearSeason: w.wearSeason,
  priceFen: w.priceFen,
  image: 'cloud://x.jpg',
  addedAt: instantDaysBefore(200),
  wears: w.wears,
  ...(w.wornDaysAgo !== null && { lastWornAt: instantDaysBefore(w.wornDaysAgo) }),
});
const toProduct = (p: Drawn<typeof product>, i: number): Product => {
  const kind = KINDS.find((k) => KIND_INFO[k].category === p.category)!;
  return {
    _id: `SKU${String(i).padStart(4, '0')}`,
    name: '商品',
    category: p.category,
    kind,
    kindName: KIND_INFO[kind].name,
    priceFen: p.priceFen,
    colours: p.colours.map((c) => ({ ...c, family: 'neutral' as const })),
    styles: p.styles,
    scenes: p.scenes,
    wearSeason: p.wearSeason,
    sizes: [{ size: 'M', stock: p.stock }],
    image: '/x.svg',
    onSale: p.onSale,
  };
};
const report: fc.Arbitrary<StyleReport | null> = fc.option(
  fc
    .record({
      wear: fc.array(colour, { maxLength: 4 }),
      avoid: fc.array(colour, { maxLength: 4 }),
      neutrals: fc.array(colour, { maxLength: 3 }),
      disliked: fc.array(colour, { maxLength: 2 }),
      primary: fc.record({ style: fc.constantFrom(...STYLES), share: fc.integer({ min: 20, max: 100 }) }),
      banded: fc.boolean(),
    })
    .map(({ banded, ...r }) => reportWith({ ...r, priceBands: banded ? REPORT.priceBands : [] })),
  { freq: 3 },
);

const input: fc.Arbitrary<PlanInput> = fc
  .record({
    wardrobe: fc.array(wardrobePiece, { maxLength: 40, size: 'medium' }),
    catalogue: fc.array(product, { maxLength: 40, size: 'medium' }),
    report,
    scene: fc.constantFrom(...SCENES),
    temperatureC: fc.oneof(fc.integer({ min: -15, max: 38 }), fc.constantFrom(7.9, 8, 9.9, 10, 17.9, 18, 24.9, 25, 25.9, 26)),
    count: fc.integer({ min: 1, max: 5 }),
    seed: fc.integer(),
    yesterdayPicks: fc.array(fc.nat(), { maxLength: 5 }),
  })
  .map(({ wardrobe, catalogue, yesterdayPicks, ...rest }) => {
    const pieces = wardrobe.map(toPiece);
    const worn = pieces.length === 0 ? [] : [...new Set(yesterdayPicks.map((k) => pieces[k % pieces.length]!.id))];
    return { ...rest, wardrobe: pieces, catalogue: catalogue.map(toProduct), date: DAY, recentOutfits: [{ day: '20270309', pieceIds: worn }] };
  });

/** Every promise, for one plan. */
function check(plan: OutfitPlan, i: PlanInput, anchor: WardrobePiece | null = null) {
  expect(outfitPlanSchema.safeParse(plan).success).toBe(true);
  expect(plan.outfits.length).toBeLessThanOrEqual(i.count ?? 3);
  expect(plan.outfits.length === 0).toBe(plan.problem !== null);
  const t = i.temperatureC;
  const yesterday = new Set([
    ...i.recentOutfits.filter((o) => o.day === '20270309').flatMap((o) => o.pieceIds),
    ...i.wardrobe.filter((p) => p.lastWornAt?.startsWith(instantDaysBefore(1).slice(0, 10))).map((p) => p.id),
  ]);
  const avoid = i.report ? [...i.report.palette.avoid, ...i.report.dislikedColours] : [];
  const owned = new Map(i.wardrobe.map((p) => [p.id, p]));
  const sold = new Map(i.catalogue.map((p) => [p._id, p]));
  const cores = new Set<string>();
  let lastFromCatalogue = 0;
  for (const o of plan.outfits) {
    const { top, bottom, dress, shoes, outer } = o.slots;
    expect(shoes).toBeDefined();
    expect((top && bottom && !dress) || (dress && !top && !bottom)).toBeTruthy();
    if (t < 10) expect(outer).toBeDefined();
    if (t >= 26) expect(outer).toBeUndefined();
    const pieces = Object.entries(o.slots).map(([slot, p]) => [slot, p!] as const);
    expect(new Set(pieces.map(([, p]) => p.id)).size).toBe(pieces.length);
    for (const [slot, p] of pieces) {
      expect(p.category).toBe(slot);
      if (FACE.has(slot)) for (const a of avoid) expect(ciede(p.colours[0]!.hex, a.hex)).toBeGreaterThanOrEqual(12);
      expect(fitsScene(p, i.scene)).toBe(true);
      if (i.scene === '职场' || i.scene === '运动') expect(p.scenes).toContain(i.scene);
      if (t >= 25) expect(p.wearSeason).not.toBe('秋冬');
      if (t < 8) expect(p.wearSeason).not.toBe('春夏');
      if (p.id === anchor?.id) continue;
      if (p.source === 'catalogue') {
        const sku = sold.get(p.id)!;
        expect(sku).toBeDefined();
        expect(sku.onSale && sku.sizes.some((s) => s.stock > 0) && inBand(sku, i.report)).toBe(true);
        expect(o.fromCatalogue).toContain(p.id);
      } else expect(owned.get(p.id)).toEqual(p);
    }
    expect(o.fromCatalogue.length).toBe(pieces.filter(([, p]) => p.source === 'catalogue').length);
    expect(o.fromCatalogue.length).toBeGreaterThanOrEqual(lastFromCatalogue);
    lastFromCatalogue = o.fromCatalogue.length;
    const core = pieces.filter(([slot]) => slot !== 'outer' && slot !== 'accessory').map(([, p]) => p.id);
    expect(core.every((id) => yesterday.has(id))).toBe(false);
    const coreKey = [...core].sort().join(',');
    expect(cores.has(coreKey)).toBe(false);
    cores.add(coreKey);
    expect(o.reason).toMatch(/^[\u4e00-\u9fff°C0-9，·-]+$/);
    expect(o.score).toBeGreaterThanOrEqual(0);
  }
}

describe('for any wardrobe, catalogue, member and day', () => {
  it('every outfit keeps every promise, and an empty plan says why', () => {
    const seen = { ms: 0, planned: 0, outfits: 0, fromCatalogue: 0, withReport: 0, problems: new Set<string>() };
    fc.assert(
      fc.property(input, (i) => {
        const t0 = performance.now();
        const plan = planOutfits(i);
        seen.ms += performance.now() - t0;
        check(plan, i);
        seen.planned += 1;
        if (plan.outfits.length > 0) seen.outfits += 1;
        if (plan.outfits.some((o) => o.fromCatalogue.length > 0)) seen.fromCatalogue += 1;
        if (plan.outfits.length > 0 && i.report) seen.withReport += 1;
        if (plan.problem) seen.problems.add(plan.problem.code);
      }),
      { numRuns: RUNS },
    );
    // the cases are not vacuous: many plans make outfits, some with the store's help, and some cannot (empty
    // wardrobes and yesterday's outfit are rarer here: they have their own property and scenarios)
    expect(seen.planned).toBeGreaterThanOrEqual(RUNS);
    expect(seen.outfits).toBeGreaterThan(RUNS / 4);
    expect(seen.fromCatalogue).toBeGreaterThan(RUNS / 20);
    expect(seen.withReport).toBeGreaterThan(RUNS / 8);
    expect(seen.problems).toContain('missingPiece');
    console.log(`outfit property cases: ${JSON.stringify({ ...seen, ms: Math.round(seen.ms), problems: [...seen.problems] })}`);
  });

  it('the same input and seed give the same outfits, whatever the order of the wardrobe and catalogue', () => {
    fc.assert(
      fc.property(input, (i) => {
        const plan = planOutfits(i);
        expect(planOutfits(i)).toEqual(plan);
        expect(planOutfits({ ...i, wardrobe: [...i.wardrobe].reverse(), catalogue: [...i.catalogue].reverse() })).toEqual(plan);
      }),
      { numRuns: 300 },
    );
  });

  it('搭配这件 keeps the same promises, and every outfit wears the piece', () => {
    fc.assert(
      fc.property(input, fc.nat(), fc.boolean(), (i, k, fromStore) => {
        const pool = fromStore ? i.catalogue.map((p) => ({ ...p, onSale: true })) : i.wardrobe;
        if (pool.length === 0) return;
        const chosen = pool[k % pool.length]!;
        const anchor: WardrobePiece = 'kind' in chosen ? { ...planAnchor(chosen) } : chosen;
        const plan = completeTheLook(anchor, i);
        check(plan, { ...i, scene: i.scene }, anchor);
        for (const o of plan.outfits) expect(o.slots[anchor.category]).toEqual(anchor);
        if (plan.problem?.code === 'pieceUnfit') expect(plan.problem.message).toMatch(/^这件/);
      }),
      { numRuns: RUNS },
    );
  });

  it('with nothing owned and nothing sold, answers no outfit and why', () => {
    fc.assert(
      fc.property(input, (i) => {
        const plan = planOutfits({ ...i, wardrobe: [], catalogue: [] });
        expect(plan.outfits).toEqual([]);
        expect(plan.problem?.code).toBe('nothingToWear');
        expect(plan.problem?.message).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 200 },
    );
  });
});

/** A catalogue product as the anchor of 搭配这件 (the function maps it the same way). */
function planAnchor(p: Product): WardrobePiece {
  return { id: p._id, source: 'catalogue', category: p.category, colours: p.colours.map(({ name, hex }) => ({ name, hex })), styles: p.styles, scenes: p.scenes, wearSeason: p.wearSeason, priceFen: p.priceFen, image: p.image, name: p.name };
}
