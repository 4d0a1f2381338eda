import type { Category } from '../contract/styleWords';
import type { Product, ProductFilter } from '../domain/catalog/product';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { documents, PAGE_MAX } from './read';

/** The catalogue's names of these SKUs (the till sends SKUs; a shopper reads names). */
export async function productNames(db: Database, skus: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(skus)];
  const names = new Map<string, string>();
  const _ = db.command;
  for (let i = 0; i < wanted.length; i += PAGE_MAX) {
    const page = await documents<{ _id: string; name: string }>(db.collection(COLLECTIONS.products).where({ _id: _.in(wanted.slice(i, i + PAGE_MAX)) }).field({ name: true }).limit(PAGE_MAX));
    for (const p of page) names.set(p._id, p.name);
  }
  return names;
}

/** These products, in the order asked (an unknown SKU is left out, a repeated one given once). */
export async function productsByIds(db: Database, ids: string[]): Promise<Product[]> {
  const wanted = [...new Set(ids)];
  const found = new Map<string, Product>();
  const _ = db.command;
  for (let i = 0; i < wanted.length; i += PAGE_MAX) {
    const page = await documents<Product>(db.collection(COLLECTIONS.products).where({ _id: _.in(wanted.slice(i, i + PAGE_MAX)) }).limit(PAGE_MAX));
    for (const p of page) found.set(p._id, p);
  }
  return wanted.flatMap((id) => found.get(id) ?? []);
}

/**
 * The query of a catalogue filter. The equalities lead (onSale, then a category, a style or a
 * scene), so an index of database/indexes.json on them and `_id` serves the page in SKU order from
 * the cursor on; the other conditions are tested on the products that index scan yields.
 */
function catalogWhere(db: Database, filter: ProductFilter, cursor: string | null): Record<string, unknown> {
  const _ = db.command;
  const where: Record<string, unknown> = {};
  if (filter.onSaleOnly) where.onSale = true;
  if (filter.category) where.category = filter.category;
  // array fields: an equality matches a product carrying the word among others
  if (filter.style) where.styles = filter.style;
  if (filter.scene) where.scenes = filter.scene;
  if (filter.wearSeason) where.wearSeason = filter.wearSeason;
  // a product is found by its main colour, not by its trim
  if (filter.colourFamily) where['colours.0.family'] = filter.colourFamily;
  const { minPriceFen: min, maxPriceFen: max } = filter;
  if (min !== undefined && max !== undefined) where.priceFen = _.gte(min).and(_.lte(max));
  else if (min !== undefined) where.priceFen = _.gte(min);
  else if (max !== undefined) where.priceFen = _.lte(max);
  // one size entry must carry both: that size, and stock of it
  if (filter.size !== undefined) where.sizes = _.elemMatch({ size: filter.size, stock: _.gt(0) });
  else if (filter.inStockOnly) where['sizes.stock'] = _.gt(0);
  if (cursor !== null) where._id = _.gt(cursor);
  return where;
}

/**
 * A page of the catalogue: the products matching the filter, in SKU order, after `cursor` (the
 * last SKU of the previous page; null for the first). The cursor is a SKU, never an offset, so a
 * product added or taken off sale between two pages neither repeats one nor skips one.
 * `nextCursor` is null when nothing matching follows.
 */
export async function catalogPage(db: Database, filter: ProductFilter, cursor: string | null, limit: number): Promise<{ products: Product[]; nextCursor: string | null }> {
  const take = Math.max(1, Math.min(limit, PAGE_MAX - 1));
  // one more than the page, to know whether another follows without asking again
  const found = await documents<Product>(db.collection(COLLECTIONS.products).where(catalogWhere(db, filter, cursor)).orderBy('_id', 'asc').limit(take + 1));
  const products = found.slice(0, take);
  return { products, nextCursor: found.length > take ? products[products.length - 1]!._id : null };
}

/** One product by SKU, or null. */
export async function findProduct(db: Database, sku: string): Promise<Product | null> {
  return (await productsByIds(db, [sku]))[0] ?? null;
}

/** The products of these SKUs by SKU (an order's pieces, for their category, colours and styles). */
export async function productsBySku(db: Database, skus: string[]): Promise<Map<string, Product>> {
  return new Map((await productsByIds(db, skus)).map((p) => [p._id, p]));
}

/**
 * Everything on sale, in SKU order, up to one read's worth (1,000): the quiz draws its boards and
 * the report picks what fits from it. A range beyond that would pick per style instead.
 */
export async function onSaleProducts(db: Database): Promise<Product[]> {
  return documents<Product>(db.collection(COLLECTIONS.products).where({ onSale: true }).orderBy('_id', 'asc').limit(PAGE_MAX));
}

/** The catalogue's category of each of these SKUs (a till basket's pieces): one read of two fields. */
export async function categoriesOf(db: Database, skus: string[]): Promise<Map<string, Category>> {
  const wanted = [...new Set(skus)].slice(0, PAGE_MAX);
  if (wanted.length === 0) return new Map();
  const _ = db.command;
  const found = await documents<{ _id: string; category: Category }>(db.collection(COLLECTIONS.products).where({ _id: _.in(wanted) }).field({ category: true }).limit(PAGE_MAX));
  return new Map(found.map((p) => [p._id, p.category]));
}
