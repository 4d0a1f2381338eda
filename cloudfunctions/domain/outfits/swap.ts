import type { Outfit, OutfitPlan, Slot, WardrobePiece } from '../../contract/outfits';
import { dayOf } from './day';
import { lookReason, lookRefusal, lookScore, pieceRefusal } from './judge';
import { type Look, offerableTo, pieceOfProduct, piecesOf, slotsOf } from './pieces';
import type { PlanInput } from './plan';

/**
 * 换一件: the same outfit with another piece in one slot — the member's own first, the store's
 * only when the wardrobe has nothing else for it — best first by the same rules, the rest of the
 * outfit kept as it is. The pieces offered are not the one swapped out, not in the outfit already,
 * and allowed today (season, scene, a colour kept from the face).
 */
export function swapPiece(outfit: Look, slot: Slot, input: PlanInput, count = 3): OutfitPlan {
  const current = outfit[slot];
  const inLook = new Set(piecesOf(outfit).map(([, p]) => p.id));
  const day = dayOf(input, input.wardrobe);
  const allowed = (p: WardrobePiece) => p.category === slot && !inLook.has(p.id) && p.id !== current?.id && !pieceRefusal(p, slot, day);
  const mine = input.wardrobe.filter(allowed);
  const owned = new Set(input.wardrobe.map((p) => p.id));
  const candidates = mine.length > 0 ? mine : input.catalogue.filter((p) => !owned.has(p._id) && offerableTo(p, day.report)).map(pieceOfProduct).filter(allowed);
  const looks = candidates
    .map((piece) => ({ ...outfit, [slot]: piece }) as Look)
    .filter((look) => look.shoes && !lookRefusal(look, day))
    .map((look) => ({ look, score: lookScore(look, day) }))
    .sort((a, b) => b.score - a.score || (a.look[slot]!.id < b.look[slot]!.id ? -1 : 1))
    .slice(0, Math.max(1, Math.min(10, count)));
  if (looks.length === 0) return { outfits: [], problem: { code: 'missingPiece', slot, message: '衣橱和店里都没有能换上的这一件' } };
  const outfits: Outfit[] = looks.map(({ look, score }) => ({
    slots: slotsOf(look),
    score: Math.max(0, Math.min(100, Math.round(100 * score))),
    reason: lookReason(look, day),
    fromCatalogue: piecesOf(look).filter(([, p]) => p.source === 'catalogue').map(([, p]) => p.id),
  }));
  return { outfits, problem: null };
}
