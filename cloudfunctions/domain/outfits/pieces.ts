import type { Product } from '../../contract/catalog';
import type { OutfitSlots, Slot, WardrobePiece } from '../../contract/outfits';
import type { StyleReport } from '../../contract/styleQuiz';
import { offerable } from '../style/productCard';

/** Slots in the order an outfit is read (and a reason names them): body first, then what goes over and with it. */
export const SLOT_ORDER: readonly Slot[] = ['dress', 'top', 'bottom', 'outer', 'shoes', 'accessory'];

/** The pieces that make an outfit an outfit: change one of them and it is another outfit (an outer or a bag does not). */
export const CORE_SLOTS: ReadonlySet<Slot> = new Set(['top', 'bottom', 'dress', 'shoes']);

/**
 * The slots worn near the face, where a colour that does not suit the member shows most: tops,
 * dresses, outer layers, and accessories (scarves and hats sit at the face; a bag is judged with
 * them, since a piece does not tell which kind of accessory it is).
 */
export const FACE_SLOTS: ReadonlySet<Slot> = new Set(['top', 'dress', 'outer', 'accessory']);

/** A look being put together: each slot holds at most one piece. */
export type Look = Partial<Record<Slot, WardrobePiece>>;

/** The pieces of a look with their slots, in reading order. */
export function piecesOf(look: Look): [Slot, WardrobePiece][] {
  const out: [Slot, WardrobePiece][] = [];
  for (const slot of SLOT_ORDER) {
    const p = look[slot];
    if (p) out.push([slot, p]);
  }
  return out;
}

/** The colour a piece is judged by: its main one (a trim or pattern is too small to read at a glance). */
export const mainColour = (p: WardrobePiece) => p.colours[0]!;

/** A catalogue product as a piece the engine can place. */
export function pieceOfProduct(p: Product): WardrobePiece {
  return {
    id: p._id,
    source: 'catalogue',
    category: p.category,
    name: p.name,
    colours: p.colours.map(({ name, hex }) => ({ name, hex })),
    styles: [...p.styles],
    scenes: [...p.scenes],
    wearSeason: p.wearSeason,
    priceFen: p.priceFen,
    image: p.image,
  };
}

/**
 * A product the store may propose to complete a look: on sale, some size in stock, and within what
 * the member usually pays for its category when the report says (categories they rarely buy, and
 * accessories, which the quiz does not price, are not narrowed).
 */
export function offerableTo(p: Product, report: StyleReport | null): boolean {
  if (!offerable(p)) return false;
  const band = report?.priceBands.find((b) => b.category === p.category);
  return !band || (p.priceFen >= band.minFen && (band.maxFen === null || p.priceFen <= band.maxFen));
}

/** A finished look as the contract's slots (the caller has checked it has shoes). */
export function slotsOf(look: Look): OutfitSlots {
  const { shoes, ...rest } = look;
  if (!shoes) throw new Error('an outfit without shoes reached the output');
  return { ...rest, shoes };
}
