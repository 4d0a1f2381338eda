import type { CatalogFilter, Kind, Product } from '../../contract/catalog';

/**
 * A product of the catalogue (the shape is the contract's `productSchema`, written once there; the
 * seed file cloudfunctions/database/seed/products.json holds the demo range). What follows are the
 * rules about products that more than one part of the programme needs.
 */
export type { Product, ProductColour, SizeStock } from '../../contract/catalog';

/** The size runs the brand makes, smallest first. */
export const SIZE_RUNS = {
  /** tops, outerwear, dresses */
  letters: ['XS', 'S', 'M', 'L', 'XL', 'XXL'],
  /** trousers, by waist in inches */
  waist: ['25', '26', '27', '28', '29', '30', '31', '32'],
  /** skirts and sportswear bottoms */
  bottomLetters: ['S', 'M', 'L', 'XL'],
  /** shoes, Chinese sizes */
  shoes: ['35', '36', '37', '38', '39', '40'],
  /** accessories */
  oneSize: ['均码'],
} as const;

const RUN_OF_KIND: Record<Kind, keyof typeof SIZE_RUNS> = {
  tee: 'letters', shirt: 'letters', knit: 'letters', hoodie: 'letters', pankou: 'letters', tank: 'letters',
  trousers: 'waist', joggers: 'bottomLetters', skirt: 'bottomLetters', mamian: 'bottomLetters',
  dress: 'letters', qipao: 'letters',
  coat: 'letters', puffer: 'letters', blazer: 'letters', trench: 'letters', jacket: 'letters', trackJacket: 'letters',
  loafer: 'shoes', sneaker: 'shoes', boots: 'shoes', maryjane: 'shoes', heels: 'shoes', embroidered: 'shoes',
  scarf: 'oneSize', bag: 'oneSize', hat: 'oneSize',
};

/** The sizes a piece of this kind is made in. */
export function sizeRunOf(kind: Kind): readonly string[] {
  return SIZE_RUNS[RUN_OF_KIND[kind]];
}

/** Some size of it can be bought. */
export const isInStock = (p: Pick<Product, 'sizes'>): boolean => p.sizes.some((s) => s.stock > 0);

/** The sizes that can be bought. */
export const sizesInStock = (p: Pick<Product, 'sizes'>): string[] => p.sizes.filter((s) => s.stock > 0).map((s) => s.size);

/**
 * What a read of the catalogue narrows by: a shopper's filter, and whether pieces taken off sale
 * are left out (a shopper never sees them; staff tools may).
 */
export interface ProductFilter extends CatalogFilter {
  onSaleOnly?: boolean;
}
