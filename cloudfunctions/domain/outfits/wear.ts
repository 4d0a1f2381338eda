import type { WardrobePiece } from '../../contract/outfits';
import { shopDaysSince } from './days';

/** A piece not worn for six weeks is a forgotten one (被遗忘的宝贝). */
export const FORGOTTEN_AFTER_DAYS = 42;

export interface ForgottenPiece {
  piece: WardrobePiece;
  /** whole shop days since it was last worn, or since it arrived if it never was */
  idleDays: number;
  neverWorn: boolean;
}

/**
 * 被遗忘的宝贝: wardrobe pieces not worn for 6 weeks (42 shop days or more); a piece never worn
 * counts from the day it arrived. Longest forgotten first (then by id, for a stable list).
 * Catalogue products are not the member's, and a piece with neither date cannot be judged: both
 * are left out.
 */
export function forgottenPieces(wardrobe: readonly WardrobePiece[], now: Date): ForgottenPiece[] {
  return wardrobe
    .flatMap((piece) => {
      const since = piece.lastWornAt ?? piece.addedAt;
      if (piece.source === 'catalogue' || !since) return [];
      const idleDays = shopDaysSince(new Date(since), now);
      return idleDays >= FORGOTTEN_AFTER_DAYS ? [{ piece, idleDays, neverWorn: !piece.lastWornAt }] : [];
    })
    .sort((a, b) => b.idleDays - a.idleDays || (a.piece.id < b.piece.id ? -1 : 1));
}

/**
 * 单次穿着成本: what a bought piece cost per time worn, in fen, rounded to the nearest fen (half up).
 * Null for a piece not bought here (no price we can stand behind) or not yet worn.
 */
export function costPerWear(piece: WardrobePiece): number | null {
  if (piece.source !== 'purchase' || piece.priceFen === undefined || !piece.wears) return null;
  return Math.round(piece.priceFen / piece.wears);
}
