/**
 * The demo catalogue: the products of the deployable seed file (its data lives there, not here),
 * and their pictures, which the dev server draws (production images live in cloud storage).
 */
import { productSeedSchema, type Product } from '../../cloudfunctions/contract/catalog';
import seed from '../../cloudfunctions/database/seed/products.json';

export { productSvg } from './productImage';

let products: Product[] | null = null;

/** The seed file's products, checked against the product schema once (a broken seed fails the dev server and the tests loudly). */
export function catalogue(): Product[] {
  products ??= productSeedSchema.parse(seed).products;
  return products;
}
