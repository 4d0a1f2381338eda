import * as z from 'zod/mini';
import { visibleWordSchema } from './fields';
import { categorySchema, namedColourSchema, sceneSchema, styleSchema, wearSeasonSchema, type Category } from './styleWords';

/**
 * The catalogue's products, as the `products` collection holds them and the seed file
 * (cloudfunctions/database/seed/products.json) writes them. One schema for the seed, the data
 * layer and whatever action shows products to a shopper.
 */

/** A SKU as the till sends it and the image route names it: capitals and digits ("YYTEE011"). */
export const SKU = /^[A-Z0-9]{4,32}$/;
export const skuSchema = z.string().check(z.regex(SKU, 'sku is 4–32 capital letters or digits'));

/**
 * The finer kind of a piece inside its category: what its name and picture say ("乐福鞋"), and
 * what sizes it is made in (domain/catalog/product.ts).
 */
export const KINDS = [
  'tee', 'shirt', 'knit', 'hoodie', 'pankou', 'tank',
  'trousers', 'joggers', 'skirt', 'mamian',
  'dress', 'qipao',
  'coat', 'puffer', 'blazer', 'trench', 'jacket', 'trackJacket',
  'loafer', 'sneaker', 'boots', 'maryjane', 'heels', 'embroidered',
  'scarf', 'bag', 'hat',
] as const;
export const kindSchema = z.enum(KINDS);
export type Kind = z.infer<typeof kindSchema>;

/** Each kind's word for a shopper and the category it belongs to. */
export const KIND_INFO: Record<Kind, { name: string; category: Category }> = {
  tee: { name: 'T恤', category: 'top' },
  shirt: { name: '衬衫', category: 'top' },
  knit: { name: '针织', category: 'top' },
  hoodie: { name: '卫衣', category: 'top' },
  pankou: { name: '盘扣上衣', category: 'top' },
  tank: { name: '背心', category: 'top' },
  trousers: { name: '裤装', category: 'bottom' },
  joggers: { name: '运动裤', category: 'bottom' },
  skirt: { name: '半裙', category: 'bottom' },
  mamian: { name: '马面裙', category: 'bottom' },
  dress: { name: '连衣裙', category: 'dress' },
  qipao: { name: '旗袍', category: 'dress' },
  coat: { name: '大衣', category: 'outer' },
  puffer: { name: '羽绒服', category: 'outer' },
  blazer: { name: '西装', category: 'outer' },
  trench: { name: '风衣', category: 'outer' },
  jacket: { name: '夹克', category: 'outer' },
  trackJacket: { name: '运动外套', category: 'outer' },
  loafer: { name: '乐福鞋', category: 'shoes' },
  sneaker: { name: '运动鞋', category: 'shoes' },
  boots: { name: '短靴', category: 'shoes' },
  maryjane: { name: '玛丽珍鞋', category: 'shoes' },
  heels: { name: '高跟鞋', category: 'shoes' },
  embroidered: { name: '绣花鞋', category: 'shoes' },
  scarf: { name: '围巾', category: 'accessory' },
  bag: { name: '包', category: 'accessory' },
  hat: { name: '帽子', category: 'accessory' },
};

/** The colour families a shopper filters by ("蓝色系"); a product is found by its main colour's family. */
export const COLOUR_FAMILIES = ['neutral', 'earth', 'red', 'yellow', 'green', 'blue', 'purple'] as const;
export const colourFamilySchema = z.enum(COLOUR_FAMILIES);
export type ColourFamily = z.infer<typeof colourFamilySchema>;
export const COLOUR_FAMILY_NAMES: Record<ColourFamily, string> = {
  neutral: '黑白灰',
  earth: '大地色',
  red: '红粉',
  yellow: '黄橙',
  green: '绿色',
  blue: '蓝色',
  purple: '紫色',
};

/** A product's colour: its name, `#rrggbb` and family. */
export const productColourSchema = z.extend(namedColourSchema, { family: colourFamilySchema });
export type ProductColour = z.infer<typeof productColourSchema>;

/** One size and the pieces of it in stock (0: sold out in that size). */
export const sizeStockSchema = z.object({
  size: z.string().check(z.minLength(1), z.maxLength(8)),
  stock: z.int().check(z.minimum(0)),
});
export type SizeStock = z.infer<typeof sizeStockSchema>;

export const productSchema = z.object({
  /** the SKU the till sends */
  _id: skuSchema,
  /** "纯棉圆领T恤·燕麦" */
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  category: categorySchema,
  kind: kindSchema,
  /** the kind's word, as KIND_INFO names it ("T恤") */
  kindName: z.string(),
  priceFen: z.int().check(z.minimum(1), z.maximum(100_000_000)),
  /** the main colour first; a second one is its trim or pattern */
  colours: z.array(productColourSchema).check(z.minLength(1), z.maxLength(4)),
  styles: z.array(styleSchema).check(z.minLength(1)),
  scenes: z.array(sceneSchema).check(z.minLength(1)),
  wearSeason: wearSeasonSchema,
  /** the sizes it is made in, in their order, with the stock of each */
  sizes: z.array(sizeStockSchema).check(z.minLength(1)),
  /** where its picture is (the dev server draws /static/products/<sku>.svg; production serves it from storage) */
  image: z.string().check(z.minLength(1)),
  onSale: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;

/** The seed file's shape. */
export const productSeedSchema = z.object({ products: z.array(productSchema) });

/** The most a catalogue page holds. */
export const CATALOG_PAGE_MAX = 50;

/**
 * What a shopper may narrow the catalogue by (every field optional; all given ones must hold).
 * An action that lists the catalogue takes this; it always shows only what is on sale.
 */
export const catalogFilterSchema = z.strictObject({
  category: z.optional(categorySchema),
  style: z.optional(styleSchema),
  scene: z.optional(sceneSchema),
  wearSeason: z.optional(wearSeasonSchema),
  /** the main colour's family */
  colourFamily: z.optional(colourFamilySchema),
  minPriceFen: z.optional(z.int().check(z.minimum(0), z.maximum(100_000_000))),
  maxPriceFen: z.optional(z.int().check(z.minimum(0), z.maximum(100_000_000))),
  /** only what has this size in stock */
  size: z.optional(visibleWordSchema(8, 'size is 1–8 visible characters, e.g. M, 38 or 均码')),
  /** only what has some size in stock */
  inStockOnly: z.optional(z.boolean()),
});
export type CatalogFilter = z.infer<typeof catalogFilterSchema>;

/** A catalogue page request: the filter, the `nextCursor` of the previous page, how many. */
export const catalogQuerySchema = z.strictObject({
  filter: z.optional(catalogFilterSchema),
  cursor: z.optional(skuSchema),
  limit: z.optional(z.int().check(z.minimum(1, 'limit is at least 1'), z.maximum(CATALOG_PAGE_MAX, `limit is at most ${CATALOG_PAGE_MAX}`))),
});

/** A catalogue page: products in SKU order; pass `nextCursor` for the next page (null: this was the last). */
export const catalogPageSchema = z.object({
  products: z.array(productSchema),
  nextCursor: z.nullable(skuSchema),
});
export type CatalogPage = z.infer<typeof catalogPageSchema>;
