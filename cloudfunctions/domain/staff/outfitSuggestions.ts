import type { Product } from '../../contract/catalog';
import type { OutfitSuggestion } from '../../contract/staffSales';
import type { StyleReport } from '../../contract/styleQuiz';
import type { Category } from '../../contract/styleWords';
import { planOutfits, type PlanInput } from '../outfits';
import { isListed, type WardrobeItem } from '../wardrobe/item';
import { pieceOfItem } from '../wardrobe/piece';
import { shopDateLabel } from '../time';

/** How many of the engine's outfits a clerk is offered. */
export const STAFF_SUGGESTIONS = 3;

/**
 * The engine's outfits for a member, as a clerk picks from them (issue 17, part 7): the member's
 * own pieces, and the store's products they do not own yet to complete the look; the scene their
 * report names first; the store's day. Only the catalogue pieces are sent, with the member's own
 * pieces alongside.
 */
export function staffSuggestions(f: { memberId: string; wardrobe: readonly WardrobeItem[]; catalogue: readonly Product[]; report: StyleReport | null; temperatureC: number; now: Date }): OutfitSuggestion[] {
  const listed = f.wardrobe.filter(isListed);
  const owned = new Set(f.wardrobe.flatMap((i) => (i.purchase ? [i.purchase.sku] : [])));
  const input: PlanInput = {
    wardrobe: listed.map(pieceOfItem),
    catalogue: f.catalogue.filter((p) => !owned.has(p._id)),
    report: f.report,
    scene: f.report?.scenes[0]?.scene ?? '休闲',
    date: f.now,
    temperatureC: f.temperatureC,
    recentOutfits: [],
    count: STAFF_SUGGESTIONS,
    seed: `${f.memberId}:staff:${shopDateLabel(f.now)}`,
  };
  return planOutfits(input).outfits.map((o) => {
    const pieces = Object.values(o.slots).filter((p) => p !== undefined);
    return { reason: o.reason, skus: pieces.filter((p) => p.source === 'catalogue').map((p) => p.id), wardrobeIds: pieces.filter((p) => p.source !== 'catalogue').map((p) => p.id) };
  });
}

/** The catalogue as the outfit page lists it: of the category asked, in stock first, in the catalogue's order. */
export function productsToPick(products: readonly Product[], category: Category | undefined): Product[] {
  const inStock = (p: Product) => p.sizes.some((s) => s.stock > 0);
  return products.filter((p) => p.onSale && (!category || p.category === category)).sort((a, b) => Number(inStock(b)) - Number(inStock(a)));
}
