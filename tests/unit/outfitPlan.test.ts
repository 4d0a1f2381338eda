import type { Product } from '../../cloudfunctions/contract/catalog';
import { type WardrobePiece, wardrobePieceSchema } from '../../cloudfunctions/contract/outfits';
import { completeTheLook, type PlanInput, planOutfits, sceneFor } from '../../cloudfunctions/domain/outfits';
import { C, DAY, piece, product, REPORT, reportWith } from './outfitFixtures';

/** 今日穿搭 and 搭配这件, scenario by scenario. */

/** A small work wardrobe: two tops, two bottoms, a dress, two pairs of shoes, a coat, a scarf. */
const W = {
  navyShirt: piece({ category: 'top', colours: [C.navy], name: '藏青衬衫' }),
  creamKnit: piece({ category: 'top', colours: [C.cream], name: '奶白针织' }),
  creamTrousers: piece({ category: 'bottom', colours: [C.cream], name: '米白西裤' }),
  greySkirt: piece({ category: 'bottom', colours: [C.grey], name: '麻灰半裙' }),
  wineDress: piece({ category: 'dress', colours: [C.wine], styles: ['优雅', '通勤'], name: '酒红连衣裙' }),
  loafers: piece({ category: 'shoes', colours: [C.caramel], name: '焦糖乐福鞋' }),
  boots: piece({ category: 'shoes', colours: [C.oat], name: '燕麦短靴' }),
  coat: piece({ category: 'outer', colours: [C.oat], wearSeason: '秋冬', name: '燕麦大衣' }),
  scarf: piece({ category: 'accessory', colours: [C.oat], wearSeason: '秋冬', name: '燕麦围巾' }),
};
const WARDROBE = Object.values(W);
const base = (over: Partial<PlanInput> = {}): PlanInput => ({
  wardrobe: WARDROBE,
  catalogue: [],
  report: null,
  scene: '职场',
  date: DAY,
  temperatureC: 20,
  recentOutfits: [],
  seed: 7,
  ...over,
});
const ids = (o: { slots: Record<string, WardrobePiece | undefined> }) => Object.values(o.slots).map((p) => p!.id).sort();
/** A catalogue product as sold: on sale and in stock unless told otherwise. */
const sold = (sku: string, over: Partial<Product> = {}): Product => ({ ...product(sku), onSale: true, sizes: [{ size: 'M', stock: 5 }], ...over });

describe('今日穿搭', () => {
  it('gives three different outfits from the wardrobe alone, each complete, with a reason in shop words', () => {
    const { outfits, problem } = planOutfits(base());
    expect(problem).toBeNull();
    expect(outfits).toHaveLength(3);
    for (const o of outfits) {
      expect(o.slots.shoes).toBeDefined();
      expect(Boolean(o.slots.dress) !== Boolean(o.slots.top && o.slots.bottom)).toBe(true);
      expect(o.fromCatalogue).toEqual([]);
      expect(o.reason).toMatch(/^[\u4e00-\u9fff，°C0-9]+$/);
    }
    expect(new Set(outfits.map((o) => ids(o).join())).size).toBe(3);
  });

  it('speaks of the shared style and the two colours: 同为通勤风，藏青配米白', () => {
    const wardrobe = [W.navyShirt, { ...W.creamTrousers, colours: [{ name: '米白', hex: '#f3eee4' }] }, W.loafers];
    expect(planOutfits(base({ wardrobe, count: 1 })).outfits[0]!.reason).toBe('同为通勤风，藏青配米白');
  });

  it('adds that it suits the member’s colour season when the pieces are near their swatches', () => {
    const member = reportWith({ wear: [C.navy], neutrals: [C.cream, C.caramel], avoid: [], disliked: [] });
    const wardrobe = [W.navyShirt, W.creamTrousers, W.loafers];
    expect(planOutfits(base({ wardrobe, report: member, count: 1 })).outfits[0]!.reason).toBe(`同为通勤风，藏青配奶白，符合你的柔秋色彩`);
  });

  it('asks for at most `count` outfits, and fewer when the wardrobe has fewer', () => {
    expect(planOutfits(base({ count: 1 })).outfits).toHaveLength(1);
    expect(planOutfits(base({ wardrobe: [W.navyShirt, W.creamTrousers, W.loafers] })).outfits).toHaveLength(1);
  });

  describe('the weather', () => {
    it('puts the coat on every outfit at 3°C and says so', () => {
      for (const o of planOutfits(base({ temperatureC: 3 })).outfits) {
        expect(o.slots.outer?.id).toBe(W.coat.id);
        expect(o.reason).toContain('今天3°C，加件燕麦外套');
      }
    });

    it('at 3°C with no coat in the wardrobe, completes the look with the store’s coat in the member’s price band', () => {
      const inBand = sold('YYTRE011'); // 89900 fen: the report's outer band is ¥600–999
      const tooDear = sold('YYCOA012'); // 129900 fen
      const member = reportWith({ avoid: [], disliked: [] });
      expect(member.priceBands.find((b) => b.category === 'outer')).toMatchObject({ minFen: 60000, maxFen: 99999 });
      const plan = planOutfits(base({ wardrobe: WARDROBE.filter((p) => p !== W.coat), catalogue: [tooDear, inBand], report: member, temperatureC: 3 }));
      expect(plan.outfits.length).toBeGreaterThan(0);
      for (const o of plan.outfits) {
        expect(o.slots.outer?.id).toBe(inBand._id);
        expect(o.fromCatalogue).toEqual([inBand._id]);
      }
    });

    it('at 3°C with no coat anywhere, answers none and says the outer layer is missing', () => {
      expect(planOutfits(base({ wardrobe: WARDROBE.filter((p) => p !== W.coat), temperatureC: 3 }))).toEqual({
        outfits: [],
        problem: { code: 'missingPiece', slot: 'outer', message: '今天3°C、职场场合，衣橱和店里都没有合适的外套' },
      });
    });

    it('leaves the coat and the wool scarf at home at 30°C, and the 秋冬 pieces out', () => {
      const knit = piece({ category: 'top', wearSeason: '秋冬', colours: [C.oat] });
      for (const o of planOutfits(base({ wardrobe: [...WARDROBE, knit], temperatureC: 30, count: 5 })).outfits) {
        expect(o.slots.outer).toBeUndefined();
        expect(o.slots.accessory).toBeUndefined();
        expect(o.slots.top?.id).not.toBe(knit.id);
      }
    });

    it('keeps a 春夏 dress out at 2°C', () => {
      const summer = { ...W.wineDress, wearSeason: '春夏' as const };
      const plan = planOutfits(base({ wardrobe: [...WARDROBE.filter((p) => p !== W.wineDress), summer], temperatureC: 2, count: 5 }));
      expect(plan.outfits.some((o) => o.slots.dress)).toBe(false);
    });
  });

  describe('the member’s colours', () => {
    it('never puts a colour they avoid at the face, but may wear it below', () => {
      const member = reportWith({ avoid: [{ name: '纯黑', hex: '#000000' }], disliked: [] });
      const blackTop = piece({ category: 'top', colours: [C.black] });
      const blackTrousers = piece({ category: 'bottom', colours: [C.black] });
      const plan = planOutfits(base({ wardrobe: [blackTop, W.creamKnit, blackTrousers, W.loafers], report: member, count: 5 }));
      expect(plan.outfits.map((o) => [o.slots.top?.id, o.slots.bottom?.id])).toEqual([[W.creamKnit.id, blackTrousers.id]]);
    });

    it('keeps a colour they dislike from the face too', () => {
      const member = reportWith({ avoid: [], disliked: [C.red] });
      const redTop = piece({ category: 'top', colours: [C.red] });
      const plan = planOutfits(base({ wardrobe: [redTop, W.creamTrousers, W.loafers], report: member }));
      expect(plan).toEqual({ outfits: [], problem: expect.objectContaining({ code: 'missingPiece', slot: 'top' }) });
    });
  });

  describe('the scene', () => {
    it('dresses for sport only in pieces made for it', () => {
      const plan = planOutfits(base({ scene: '运动' }));
      expect(plan.outfits).toEqual([]);
      expect(plan.problem).toEqual({ code: 'missingPiece', slot: 'shoes', message: '今天20°C、运动场合，衣橱和店里都没有合适的鞋' });
    });

    it('borrows plain work pieces for a day off, but not a bright one', () => {
      const redShirt = piece({ category: 'top', colours: [C.red], scenes: ['职场'] });
      const plan = planOutfits(base({ wardrobe: [...WARDROBE, redShirt], scene: '休闲', count: 10 }));
      expect(plan.outfits.length).toBeGreaterThan(0);
      expect(plan.outfits.some((o) => o.slots.top?.id === redShirt.id)).toBe(false);
    });
  });

  describe('yesterday', () => {
    const yesterday = (pieces: WardrobePiece[]) => [{ day: '20270309', pieceIds: pieces.map((p) => p.id) }];

    it('never proposes yesterday’s outfit again, even with another scarf', () => {
      const worn = [W.navyShirt, W.creamTrousers, W.loafers];
      const plan = planOutfits(base({ recentOutfits: yesterday(worn), count: 10 }));
      expect(plan.outfits.length).toBeGreaterThan(0);
      for (const o of plan.outfits) expect([o.slots.top?.id, o.slots.bottom?.id, o.slots.shoes.id]).not.toEqual(worn.map((p) => p.id));
    });

    it('when yesterday’s outfit is all the wardrobe makes, changes one piece with the store’s help', () => {
      const worn = [W.navyShirt, W.creamTrousers, W.loafers];
      const plan = planOutfits(base({ wardrobe: worn, catalogue: [sold('YYTEE011'), sold('YYSHI011')], recentOutfits: yesterday(worn) }));
      expect(plan.outfits.length).toBeGreaterThan(0);
      for (const o of plan.outfits) expect(o.fromCatalogue).toHaveLength(1);
    });

    it('and with nothing in the store either, says so', () => {
      const worn = [W.navyShirt, W.creamTrousers, W.loafers];
      expect(planOutfits(base({ wardrobe: worn, recentOutfits: yesterday(worn) }))).toEqual({
        outfits: [],
        problem: { code: 'onlyYesterday', message: '能搭出的只有昨天那一套，换一件新单品再试试' },
      });
    });

    it('rests pieces worn in the last days: the first outfit avoids them when others are as good', () => {
      const twins = [W.navyShirt, { ...W.navyShirt, id: 'navy-twin' }, W.creamTrousers, W.loafers];
      const plan = planOutfits(base({ wardrobe: twins, recentOutfits: [{ day: '20270307', pieceIds: [W.navyShirt.id] }], count: 1 }));
      expect(plan.outfits[0]!.slots.top?.id).toBe('navy-twin');
    });
  });

  describe('the store', () => {
    it('fills only the slot the wardrobe lacks, with one product', () => {
      const noShoes = WARDROBE.filter((p) => p.category !== 'shoes');
      const plan = planOutfits(base({ wardrobe: noShoes, catalogue: [sold('YYLOA011'), sold('YYTEE011'), sold('YYTRO011')] }));
      expect(plan.outfits.length).toBeGreaterThan(0);
      for (const o of plan.outfits) expect(o.fromCatalogue).toEqual([o.slots.shoes.id]);
    });

    it('lists outfits that need fewer store pieces first', () => {
      const noDress = WARDROBE.filter((p) => p.category !== 'dress');
      const plan = planOutfits(base({ wardrobe: noDress, catalogue: [sold('YYDRE011'), sold('YYDRE021'), sold('YYQIP011')], count: 6 }));
      const counts = plan.outfits.map((o) => o.fromCatalogue.length);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      expect(counts[0]).toBe(0);
    });

    it('never offers what is off sale or sold out', () => {
      const catalogue = [sold('YYLOA011', { onSale: false }), sold('YYLOA012', { sizes: [{ size: '37', stock: 0 }] })];
      expect(planOutfits(base({ wardrobe: [W.navyShirt, W.creamTrousers], catalogue })).problem?.code).toBe('missingPiece');
    });
  });

  it('answers an empty wardrobe and an empty store with no outfit and why, never a throw', () => {
    expect(planOutfits(base({ wardrobe: [], catalogue: [] }))).toEqual({
      outfits: [],
      problem: { code: 'nothingToWear', message: '衣橱里还没有单品，店里也暂时没有可搭配的款式' },
    });
  });

  it('takes the wardrobe’s own ids for its pieces (a purchase’s id names the member, the order line and the unit)', () => {
    const id = `p:${'m'.repeat(32)}:${'o'.repeat(64)}:YYTEE011:1`;
    expect(wardrobePieceSchema.safeParse({ ...W.navyShirt, id }).success).toBe(true);
    expect(planOutfits(base({ wardrobe: [{ ...W.navyShirt, id }, W.creamTrousers, W.loafers] })).outfits[0]!.slots.top!.id).toBe(id);
  });

  it('reads a repeated id once: no piece is worn twice', () => {
    const plan = planOutfits(base({ wardrobe: [...WARDROBE, ...WARDROBE] }));
    for (const o of plan.outfits) expect(new Set(ids(o)).size).toBe(ids(o).length);
  });

  describe('the seed', () => {
    it('gives the same outfits for the same seed', () => {
      expect(planOutfits(base({ seed: 'm1-20270310' }))).toEqual(planOutfits(base({ seed: 'm1-20270310' })));
    });

    it('may pick differently among near-equal outfits for another seed', () => {
      const same = (n: number) => piece({ category: 'top', colours: [C.navy], id: `twin-${n}` });
      const wardrobe = [same(1), same(2), same(3), same(4), W.creamTrousers, W.loafers];
      const firsts = new Set(Array.from({ length: 12 }, (_, seed) => planOutfits(base({ wardrobe, seed, count: 1 })).outfits[0]!.slots.top!.id));
      expect(firsts.size).toBeGreaterThan(1);
    });
  });
});

describe('搭配这件', () => {
  const input = base();

  it('builds every outfit around the chosen top, in the top-and-bottom form', () => {
    const plan = completeTheLook(W.creamKnit, input);
    expect(plan.outfits.length).toBeGreaterThan(0);
    for (const o of plan.outfits) {
      expect(o.slots.top).toEqual(W.creamKnit);
      expect(o.slots.dress).toBeUndefined();
    }
  });

  it('builds around shoes in either form', () => {
    const plan = completeTheLook(W.boots, { ...input, count: 6 });
    expect(plan.outfits.every((o) => o.slots.shoes.id === W.boots.id)).toBe(true);
    expect(plan.outfits.some((o) => o.slots.dress)).toBe(true);
    expect(plan.outfits.some((o) => o.slots.top)).toBe(true);
  });

  it('wears an outer layer or an accessory chosen by the member even when the day would not call for it', () => {
    for (const o of completeTheLook(W.scarf, { ...input, temperatureC: 15 }).outfits) expect(o.slots.accessory?.id).toBe(W.scarf.id);
    for (const o of completeTheLook(W.coat, { ...input, temperatureC: 20 }).outfits) expect(o.slots.outer?.id).toBe(W.coat.id);
  });

  it('completes a catalogue product with what the member owns, and lists it among the store’s pieces', () => {
    const p = sold('YYSKI011');
    const anchor = { id: p._id, source: 'catalogue' as const, category: p.category, colours: p.colours.map(({ name, hex }) => ({ name, hex })), styles: p.styles, scenes: p.scenes, wearSeason: p.wearSeason, priceFen: p.priceFen, image: p.image };
    const plan = completeTheLook(anchor, { ...input, scene: p.scenes[0] });
    expect(plan.outfits.length).toBeGreaterThan(0);
    for (const o of plan.outfits) {
      expect(o.slots.bottom?.id).toBe(p._id);
      expect(o.fromCatalogue).toEqual([p._id]);
    }
  });

  it('refuses a piece the day cannot wear, saying why', () => {
    expect(completeTheLook(W.coat, { ...input, temperatureC: 30 })).toEqual({ outfits: [], problem: { code: 'pieceUnfit', slot: 'outer', message: '这件是外套，今天30°C用不上' } });
    const knit = piece({ category: 'top', wearSeason: '秋冬' });
    expect(completeTheLook(knit, { ...input, temperatureC: 28 }).problem?.message).toBe('这件是秋冬款，今天28°C太热');
    const black = piece({ category: 'top', colours: [{ name: '纯黑', hex: '#000000' }] });
    expect(completeTheLook(black, { ...input, report: REPORT }).problem?.message).toBe('这件是纯黑色，不在你的色彩里，不宜靠近脸');
  });

  it('says which piece is missing around the chosen one', () => {
    const plan = completeTheLook(W.navyShirt, { ...input, wardrobe: [W.navyShirt, W.loafers, W.wineDress] });
    expect(plan.problem).toEqual({ code: 'missingPiece', slot: 'bottom', message: '今天20°C、职场场合，衣橱和店里都没有合适的下装' });
    const aroundShoes = completeTheLook(W.loafers, { ...input, wardrobe: [W.navyShirt, W.loafers] });
    expect(aroundShoes.problem?.message).toBe('今天20°C、职场场合，衣橱和店里都没有合适的下装（或连衣裙）');
  });

  it('takes the piece’s own scene when none is given: the one the member dresses for most', () => {
    const p = piece({ category: 'top', scenes: ['约会', '职场'] });
    expect(sceneFor(p, REPORT)).toBe(REPORT.scenes.map((s) => s.scene).find((s) => p.scenes.includes(s)));
    expect(sceneFor(p, null)).toBe('约会');
    expect(sceneFor(piece({ category: 'top', scenes: [] }), null)).toBe('休闲');
  });
});
