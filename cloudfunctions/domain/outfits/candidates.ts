import type { Product } from '../../contract/catalog';
import type { Slot, WardrobePiece } from '../../contract/outfits';
import { CATEGORIES } from '../../contract/styleWords';
import type { Day } from './day';
import { lookScore, pieceRefusal } from './judge';
import { offerableTo, pieceOfProduct } from './pieces';
import { outerNeed } from './rules/seasonWeather';
import { seededUnit } from './seeded';

/** How many pieces of a slot go on to be combined: the best by their own score (8³ top-bottom-shoes looks is plenty to choose 3 from). */
export const KEEP_PER_SLOT = 8;
/** Seeded spread added to a piece's own score, so a seed can reorder pieces that score nearly the same. */
const PIECE_JITTER = 0.02;

export interface Candidate {
  piece: WardrobePiece;
  slot: Slot;
  /** its own score (the rules on it alone), with the seed's spread: the order pieces are combined in */
  rank: number;
}

export type Pool = Record<Slot, Candidate[]>;

export interface PoolOptions {
  /** the one piece a look is built around (搭配这件): its slot holds it alone */
  anchor?: WardrobePiece;
  /** let the catalogue into every slot it may fill, not only those the wardrobe cannot (yesterday's outfit is all there is) */
  catalogueEverywhere?: boolean;
}

function ranked(pieces: readonly WardrobePiece[], slot: Slot, day: Day): Candidate[] {
  return pieces
    .filter((p) => p.category === slot && pieceRefusal(p, slot, day) === null)
    .map((piece) => ({ piece, slot, rank: lookScore({ [slot]: piece }, day) + PIECE_JITTER * seededUnit(day.seed, piece.id) }))
    .sort((a, b) => b.rank - a.rank || (a.piece.id < b.piece.id ? -1 : 1))
    .slice(0, KEEP_PER_SLOT);
}

/**
 * The pieces each slot may take today, best first. The wardrobe comes first: the catalogue fills a
 * slot only when no wardrobe piece may be worn there today, and only the slots an outfit needs (the
 * body and shoes, and an outer layer when the day calls for one; never an accessory). Catalogue
 * products must be offerable to the member (on sale, in stock, in their price band).
 */
export function poolOf(wardrobe: readonly WardrobePiece[], catalogue: readonly Product[], day: Day, opts: PoolOptions = {}): Pool {
  const owned = new Set(wardrobe.map((p) => p.id));
  const need = outerNeed(day.temperatureC);
  const shopFor = (slot: Slot) => slot !== 'accessory' && (slot !== 'outer' || need === 'required' || need === 'wanted');
  let shop: WardrobePiece[] | null = null;
  const pool = {} as Pool;
  for (const slot of CATEGORIES) {
    if (opts.anchor?.category === slot) {
      pool[slot] = [{ piece: opts.anchor, slot, rank: 1 }];
      continue;
    }
    const mine = ranked(wardrobe, slot, day);
    if ((mine.length > 0 && !opts.catalogueEverywhere) || !shopFor(slot)) {
      pool[slot] = mine;
      continue;
    }
    // the products are turned into pieces once, and only if some slot needs them
    shop ??= catalogue.filter((p) => !owned.has(p._id) && p._id !== opts.anchor?.id && offerableTo(p, day.report)).map(pieceOfProduct);
    pool[slot] = [...mine, ...ranked(shop, slot, day)];
  }
  return pool;
}
