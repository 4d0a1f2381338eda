import type { Product } from '../../cloudfunctions/contract/catalog';
import { catalogPage, productsByIds } from '../../cloudfunctions/data/products';
import { isInStock, type ProductFilter } from '../../cloudfunctions/domain/catalog/product';
import { database } from '../../cloudfunctions/platform/cloud';
import { catalogue } from '../../local/seed/catalog';
import { createHarness, type Harness } from '../support/harness';

/** The catalogue read (data/products.ts) through the local cloud, on the demo seed. */
describe('the catalogue read (catalogPage, productsByIds)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  const page = async (filter: ProductFilter, cursor: string | null, limit: number) => (await h.cloud.call(null, () => catalogPage(database(), filter, cursor, limit))).result;
  /** Every page of a filter, following nextCursor until it is null. */
  const allPages = async (filter: ProductFilter, limit: number) => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const next: { products: Product[]; nextCursor: string | null } = await page(filter, cursor, limit);
      pages.push(next.products.map((p) => p._id));
      cursor = next.nextCursor;
      if (pages.length > 200) throw new Error('the pages never end');
    } while (cursor !== null);
    return pages;
  };
  const seedIds = (keep: (p: Product) => boolean) => catalogue().filter(keep).map((p) => p._id).sort();
  const setProduct = async (product: Product) => h.cloud.db.apply([{ c: 'products', id: product._id, doc: structuredClone(product) }]);

  describe('paging by SKU', () => {
    it('pages through the whole catalogue in SKU order, without a gap or a repeat, and says when it ends', async () => {
      const pages = await allPages({ onSaleOnly: true }, 7);
      const ids = pages.flat();
      expect(ids).toEqual(seedIds(() => true));
      expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true);
      expect(pages.at(-1)!.length).toBeGreaterThan(0);
    });

    it('answers nextCursor null on a last page that is exactly full (it reads one product ahead)', async () => {
      const shoes = seedIds((p) => p.category === 'shoes');
      const first = await page({ category: 'shoes' }, null, shoes.length);
      expect(first.products.map((p) => p._id)).toEqual(shoes);
      expect(first.nextCursor).toBeNull();
      const shorter = await page({ category: 'shoes' }, null, shoes.length - 1);
      expect(shorter.nextCursor).toBe(shoes[shoes.length - 2]);
    });

    it('neither repeats nor skips a product when the catalogue changes between two pages', async () => {
      const first = await page({ onSaleOnly: true }, null, 10);
      const cursor = first.nextCursor!;
      const template = catalogue().find((p) => p._id === 'YYTEE011')!;
      // one product added before the cursor (already passed), one after it; one on the next page taken off sale
      await setProduct({ ...template, _id: 'YYAAA011', name: '新品T恤·燕麦' });
      await setProduct({ ...template, _id: 'YYZZZ011', name: '新品T恤·燕麦' });
      const rest = (await allPages({ onSaleOnly: true }, 10)).flat().filter((id) => id > cursor);
      const gone = rest[3]!;
      await setProduct({ ...catalogue().find((p) => p._id === gone)!, onSale: false });

      const seen = [...first.products.map((p) => p._id)];
      for (let c: string | null = cursor; c !== null; ) {
        const next: { products: Product[]; nextCursor: string | null } = await page({ onSaleOnly: true }, c, 10);
        seen.push(...next.products.map((p) => p._id));
        c = next.nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toContain('YYZZZ011');
      expect(seen).not.toContain('YYAAA011'); // added behind the shopper: the next browse shows it
      expect(seen).not.toContain(gone);
      expect(seen.filter((id) => id !== 'YYZZZ011')).toEqual(seedIds((p) => p._id !== gone));
    });

    it('reads a category page through its index: the documents examined follow the page, not the catalogue', async () => {
      const { result, docsExamined } = await h.cloud.call(null, () => catalogPage(database(), { onSaleOnly: true, category: 'top' }, null, 5));
      expect(result.products).toHaveLength(5);
      expect(docsExamined).toBeLessThanOrEqual(6);
      const all = await h.cloud.call(null, () => catalogPage(database(), { onSaleOnly: true }, 'YYMAM011', 5));
      expect(all.docsExamined).toBeLessThanOrEqual(6);
    });
  });

  describe('filters', () => {
    const cases: Array<[string, ProductFilter, (p: Product) => boolean]> = [
      ['a category (shoes)', { category: 'shoes' }, (p) => p.category === 'shoes'],
      ['a category (accessories)', { category: 'accessory' }, (p) => p.category === 'accessory'],
      ['a style among several (国风)', { style: '国风' }, (p) => p.styles.includes('国风')],
      ['a style (运动)', { style: '运动' }, (p) => p.styles.includes('运动')],
      ['a scene (职场)', { scene: '职场' }, (p) => p.scenes.includes('职场')],
      ['a wear season (春夏)', { wearSeason: '春夏' }, (p) => p.wearSeason === '春夏'],
      ['the main colour\'s family (blue), not a trim', { colourFamily: 'blue' }, (p) => p.colours[0]!.family === 'blue'],
      ['a price range, both ends included', { minPriceFen: 25_900, maxPriceFen: 39_900 }, (p) => p.priceFen >= 25_900 && p.priceFen <= 39_900],
      ['a lowest price', { minPriceFen: 60_000 }, (p) => p.priceFen >= 60_000],
      ['a highest price', { maxPriceFen: 15_900 }, (p) => p.priceFen <= 15_900],
      ['a size in stock (38)', { size: '38' }, (p) => p.sizes.some((s) => s.size === '38' && s.stock > 0)],
      ['a size in stock (M)', { size: 'M', category: 'dress' }, (p) => p.category === 'dress' && p.sizes.some((s) => s.size === 'M' && s.stock > 0)],
      ['in stock only', { inStockOnly: true }, isInStock],
      [
        'several at once',
        { onSaleOnly: true, inStockOnly: true, category: 'top', style: '甜酷', wearSeason: '秋冬' },
        (p) => p.category === 'top' && p.styles.includes('甜酷') && p.wearSeason === '秋冬' && isInStock(p),
      ],
    ];
    it.each(cases)('narrows by %s, over pages of 4', async (_name, filter, keep) => {
      const expected = seedIds(keep);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(catalogue().length);
      expect((await allPages(filter, 4)).flat()).toEqual(expected);
    });

    it('leaves out what is sold out in every size, and a size sold out', async () => {
      const inStock = (await allPages({ inStockOnly: true }, 50)).flat();
      expect(inStock).not.toContain('YYBOO021');
      expect(inStock).not.toContain('YYQIP012');
      expect((await allPages({}, 50)).flat()).toEqual(expect.arrayContaining(['YYBOO021', 'YYQIP012']));
      const soldOutInM = catalogue().find((p) => p.sizes.some((s) => s.size === 'M' && s.stock === 0) && isInStock(p))!;
      expect((await allPages({ size: 'M' }, 50)).flat()).not.toContain(soldOutInM._id);
    });

    it('follows stock as it changes: the last piece sold takes the product out of the in-stock pages', async () => {
      const hat = catalogue().find((p) => p._id === 'YYHAT011')!;
      expect((await allPages({ category: 'accessory', inStockOnly: true }, 50)).flat()).toContain('YYHAT011');
      await setProduct({ ...hat, sizes: [{ size: '均码', stock: 0 }] });
      expect((await allPages({ category: 'accessory', inStockOnly: true }, 50)).flat()).not.toContain('YYHAT011');
    });

    it('leaves out what is taken off sale when asked to (a shopper\'s read), and shows it when not', async () => {
      await setProduct({ ...catalogue().find((p) => p._id === 'YYCOA011')!, onSale: false });
      expect((await allPages({ onSaleOnly: true, category: 'outer' }, 50)).flat()).not.toContain('YYCOA011');
      expect((await allPages({ category: 'outer' }, 50)).flat()).toContain('YYCOA011');
    });

    it('answers an empty page when nothing matches', async () => {
      expect(await page({ category: 'shoes', style: '国风', wearSeason: '秋冬' }, null, 10)).toEqual({ products: [], nextCursor: null });
      expect(await page({ onSaleOnly: true }, 'ZZZ', 10)).toEqual({ products: [], nextCursor: null });
    });
  });

  describe('productsByIds', () => {
    it('gives the products asked for in the order asked, each once, leaving out SKUs the catalogue lacks', async () => {
      const { result } = await h.cloud.call(null, () => productsByIds(database(), ['YYSNE011', 'YYTEE011', 'NOPE01', 'YYSNE011', 'YYMAM011']));
      expect(result.map((p) => p._id)).toEqual(['YYSNE011', 'YYTEE011', 'YYMAM011']);
      expect(result[1]).toEqual(catalogue().find((p) => p._id === 'YYTEE011'));
    });

    it('answers none for none', async () => {
      expect((await h.cloud.call(null, () => productsByIds(database(), []))).result).toEqual([]);
    });
  });
});
