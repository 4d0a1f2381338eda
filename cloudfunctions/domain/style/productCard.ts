import type { Product } from '../../contract/catalog';
import type { ProductCard } from '../../contract/style';

/** A catalogue product as a page shows it (with why it is there, in lists that fit a member). */
export function productCard(p: Product, why?: string): ProductCard {
  return {
    sku: p._id,
    name: p.name,
    category: p.category,
    kindName: p.kindName,
    priceFen: p.priceFen,
    colours: p.colours.map(({ name, hex }) => ({ name, hex })),
    styles: [...p.styles],
    image: p.image,
    ...(why ? { why } : {}),
  };
}

/** On sale with some size in stock: what a page may offer. */
export const offerable = (p: Product) => p.onSale && p.sizes.some((s) => s.stock > 0);
