import type { OutfitView } from '../../../../cloudfunctions/contract/outfits';
import type { Category } from '../../../../cloudfunctions/contract/styleWords';
import type { WardrobePiece } from '../../../../cloudfunctions/contract';
import { shopDay } from '../../../services/format';
import { SLOT_ORDER } from '../words';

/** An outfit's pieces as the card lays them out: outer layer, top or dress, bottom, shoes, accessory. */
export function piecesInOrder(outfit: Pick<OutfitView, 'slots'>): Array<{ slot: Category; piece: WardrobePiece }> {
  return SLOT_ORDER.flatMap((slot) => {
    const piece = outfit.slots[slot];
    return piece ? [{ slot, piece }] : [];
  });
}

export const pieceIds = (outfit: Pick<OutfitView, 'slots'>) => piecesInOrder(outfit).map((p) => p.piece.id);

/** A piece of the member's own wardrobe (bought at the till "p:…" or added "o:…"), not one the store sells. */
export const isMine = (piece: WardrobePiece) => piece.source !== 'catalogue';

/** The ids 今天穿了 marks: the outfit's wardrobe pieces only (the store's are not the member's). */
export const wornIds = (outfit: Pick<OutfitView, 'slots'>) => piecesInOrder(outfit).filter((p) => isMine(p.piece)).map((p) => p.piece.id);

/** Every wardrobe piece of the outfit was worn on `day` (the shop day, "2026-11-25"): 今天穿了 is done. */
export function wornOn(outfit: Pick<OutfitView, 'slots'>, day: string): boolean {
  const mine = piecesInOrder(outfit).filter((p) => isMine(p.piece));
  return mine.length > 0 && mine.every((p) => p.piece.lastWornAt !== undefined && shopDay(p.piece.lastWornAt) === day);
}

/** The outfit with its pieces' last wear as 今天穿了 answered it (id → lastWornAt), for the card to show at once. */
export function withWears<T extends Pick<OutfitView, 'slots'>>(outfit: T, lastWorn: ReadonlyMap<string, string | null>): T {
  const slots = { ...outfit.slots };
  for (const { slot, piece } of piecesInOrder(outfit)) {
    const at = lastWorn.get(piece.id);
    if (at) slots[slot] = { ...piece, lastWornAt: at };
  }
  return { ...outfit, slots };
}
