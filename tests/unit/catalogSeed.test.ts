import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLOUR_FAMILIES, KIND_INFO, productSchema, type Product } from '../../cloudfunctions/contract/catalog';
import { CATEGORIES, SCENES, STYLES, WEAR_SEASONS } from '../../cloudfunctions/contract/styleWords';
import { isInStock, sizeRunOf } from '../../cloudfunctions/domain/catalog/product';

/**
 * The catalogue seed is the brand's range as data (cloudfunctions/database/seed/products.json):
 * every product must read as a Product, the range must be wide enough for outfit boards and the
 * quiz's products (every category, style and scene), and what tills already send must still be there.
 */
const SEED = path.resolve(__dirname, '../../cloudfunctions/database/seed/products.json');
const raw = JSON.parse(readFileSync(SEED, 'utf8')) as { products: Array<Record<string, unknown>> };
const products: Product[] = raw.products.map((p) => productSchema.parse(p));

/** The pieces sold out in every size on purpose (the in-stock filter has something to leave out). */
const SOLD_OUT = ['YYBOO021', 'YYQIP012'];

/**
 * The 48 SKUs of the first demo catalogue and their prices: tills and tests send them, so each
 * stays, at its price. YY + kind + item (01–03) + colour (1–2).
 */
const FIRST_RANGE: Record<string, [number, number, number]> = {
  TEE: [9900, 12900, 8900],
  SHI: [19900, 22900, 25900],
  KNI: [39900, 29900, 35900],
  COA: [129900, 89900, 59900],
  TRO: [29900, 25900, 27900],
  SKI: [26900, 23900, 25900],
  DRE: [32900, 36900, 33900],
  SCA: [29900, 15900, 19900],
};
const firstRange = Object.entries(FIRST_RANGE).flatMap(([code, prices]) =>
  prices.flatMap((priceFen, i) => [1, 2].map((c) => ({ sku: `YY${code}${String(i + 1).padStart(2, '0')}${c}`, priceFen }))),
);

const countBy = (keys: (p: Product) => readonly string[]) => {
  const counts = new Map<string, number>();
  for (const p of products) for (const k of keys(p)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
};

describe('the catalogue seed', () => {
  it('holds only what a product is: every field of the schema and no other', () => {
    const fields = Object.keys(productSchema.def.shape).sort();
    for (const p of raw.products) expect([p._id, Object.keys(p).sort()]).toEqual([p._id, fields]);
  });

  it('has at least 80 products, each SKU once', () => {
    expect(products.length).toBeGreaterThanOrEqual(80);
    expect(new Set(products.map((p) => p._id)).size).toBe(products.length);
  });

  it('keeps the first range: all 48 SKUs, each at its price', () => {
    expect(firstRange).toHaveLength(48);
    const bySku = new Map(products.map((p) => [p._id, p]));
    for (const { sku, priceFen } of firstRange) expect([sku, bySku.get(sku)?.priceFen]).toEqual([sku, priceFen]);
    expect(bySku.get('YYCOA011')?.name).toBe('双面羊毛大衣·墨黑'); // the export test reads it by name
  });

  it('has at least 8 products in every category', () => {
    const counts = countBy((p) => [p.category]);
    for (const c of CATEGORIES) expect([c, (counts.get(c) ?? 0) >= 8]).toEqual([c, true]);
  });

  it('carries every style on at least 4 products, and covers every scene and wear season', () => {
    const styles = countBy((p) => p.styles);
    for (const s of STYLES) expect([s, (styles.get(s) ?? 0) >= 4]).toEqual([s, true]);
    const scenes = countBy((p) => p.scenes);
    for (const s of SCENES) expect([s, (scenes.get(s) ?? 0) >= 4]).toEqual([s, true]);
    const seasons = countBy((p) => [p.wearSeason]);
    for (const s of WEAR_SEASONS) expect([s, (seasons.get(s) ?? 0) >= 4]).toEqual([s, true]);
  });

  it('files each product under its kind\'s category and word', () => {
    for (const p of products) expect([p._id, p.category, p.kindName]).toEqual([p._id, KIND_INFO[p.kind].category, KIND_INFO[p.kind].name]);
  });

  it('names each product in Chinese, ending with its main colour', () => {
    // the shop's own words "T恤" and "A字" are the only Latin letters a name may carry
    for (const p of products) {
      expect([p._id, /^[\u4e00-\u9fff·]+$/.test(p.name.replace(/T恤|A字/g, '衣'))]).toEqual([p._id, true]);
      expect([p._id, p.name.endsWith(`·${p.colours[0]!.name}`)]).toEqual([p._id, true]);
    }
  });

  it('gives every colour a Chinese name, a lowercase #rrggbb and a family; the main colour first, none twice', () => {
    for (const p of products) {
      for (const c of p.colours) {
        expect([p._id, c.hex]).toEqual([p._id, expect.stringMatching(/^#[0-9a-f]{6}$/)]);
        expect([p._id, c.name]).toEqual([p._id, expect.stringMatching(/^[\u4e00-\u9fff]{1,4}$/)]);
        expect(COLOUR_FAMILIES).toContain(c.family);
      }
      expect([p._id, new Set(p.colours.map((c) => c.hex)).size]).toEqual([p._id, p.colours.length]);
    }
    // one name, one colour, across the range
    const hexesOf = new Map<string, Set<string>>();
    for (const c of products.flatMap((p) => p.colours)) hexesOf.set(c.name, (hexesOf.get(c.name) ?? new Set()).add(c.hex));
    for (const [name, hexes] of hexesOf) expect([name, [...hexes]]).toEqual([name, [expect.any(String)]]);
  });

  it('lists the sizes of each product\'s kind, in order, each with a whole stock of 0 or more', () => {
    for (const p of products) {
      expect([p._id, p.sizes.map((s) => s.size)]).toEqual([p._id, [...sizeRunOf(p.kind)]]);
      for (const s of p.sizes) expect([p._id, Number.isInteger(s.stock) && s.stock >= 0]).toEqual([p._id, true]);
    }
  });

  it('has some size in stock of every product but the ones sold out on purpose', () => {
    expect(products.filter((p) => !isInStock(p)).map((p) => p._id)).toEqual(SOLD_OUT);
    // and some sold out in one size only, for the size filter
    expect(products.filter((p) => isInStock(p) && p.sizes.some((s) => s.stock === 0)).length).toBeGreaterThanOrEqual(10);
  });

  it('prices in whole fen and puts every product on sale, its picture at /static/products/<sku>.svg', () => {
    for (const p of products) {
      expect([p._id, Number.isInteger(p.priceFen) && p.priceFen > 0, p.onSale, p.image]).toEqual([p._id, true, true, `/static/products/${p._id}.svg`]);
    }
  });

  it('reaches beyond the first range: shoes, bags, hats, sportswear and 国风 pieces', () => {
    const kinds = new Set(products.map((p) => p.kind));
    for (const k of ['loafer', 'sneaker', 'bag', 'hat', 'joggers', 'trackJacket', 'pankou', 'mamian', 'qipao'] as const) expect(kinds).toContain(k);
  });
});
