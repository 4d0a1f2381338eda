import type { Product } from '../../contract/catalog';
import type { ProductCard } from '../../contract/style';
import type { StyleReport } from '../../contract/styleQuiz';
import { COLOUR_SEASON_NAMES } from '../../contract/styleWords';
import { nearestColour } from '../colour';
import { offerable, productCard } from './productCard';

/** A colour within this ΔE of a palette swatch reads as that swatch. */
const NEAR = 12;
/** How many products the report shows. */
export const FITTING_PRODUCTS = 8;

/**
 * How well one product fits a report, from 0, and why in shop words: its styles' shares in the
 * member's mix, its main colour near their palette (and never near what they avoid or dislike),
 * and its price within what they usually pay for that category. Null: it does not fit (an avoid
 * colour, or none of their styles).
 */
export function productFit(p: Product, r: StyleReport): { score: number; why: string } | null {
  const share = Math.max(0, ...p.styles.map((s) => r.style.shares.find((x) => x.style === s)?.share ?? 0));
  if (share === 0) return null;
  const main = p.colours[0]!.hex;
  const avoid = nearestColour(main, [...r.palette.avoid, ...r.dislikedColours]);
  if (avoid.distance < NEAR) return null;
  const wear = nearestColour(main, [...r.palette.wear, ...r.palette.neutrals]);
  const colourFit = wear.distance < NEAR ? 1 : wear.distance < 2 * NEAR ? 0.5 : 0;
  const band = r.priceBands.find((b) => b.category === p.category);
  const inBand = band ? p.priceFen >= band.minFen && (band.maxFen === null || p.priceFen <= band.maxFen) : false;
  const style = p.styles.find((s) => s === r.style.primary.style) ?? p.styles.find((s) => s === r.style.secondary.style) ?? p.styles[0]!;
  const why = [style, colourFit > 0 ? `${COLOUR_SEASON_NAMES[r.colour.season]}适合的${p.colours[0]!.name}` : null, inBand ? '你常买的价位' : null].filter(Boolean).join(' · ');
  return { score: share + 40 * colourFit + (inBand ? 20 : 0), why };
}

/**
 * The catalogue's products that fit a report, best first: on sale and in stock, at most two of a
 * category so the list reads as a wardrobe, not eight tops. Ties go by SKU (a stable list).
 */
export function fittingProducts(products: readonly Product[], r: StyleReport, limit = FITTING_PRODUCTS): ProductCard[] {
  const scored = products
    .filter(offerable)
    .flatMap((p) => {
      const fit = productFit(p, r);
      return fit ? [{ p, ...fit }] : [];
    })
    .sort((a, b) => b.score - a.score || (a.p._id < b.p._id ? -1 : 1));
  const perCategory = new Map<string, number>();
  const out: ProductCard[] = [];
  for (const { p, why } of scored) {
    const n = perCategory.get(p.category) ?? 0;
    if (n >= 2) continue;
    perCategory.set(p.category, n + 1);
    out.push(productCard(p, why));
    if (out.length >= limit) break;
  }
  return out;
}
