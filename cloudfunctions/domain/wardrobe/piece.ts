import type { WardrobePiece } from '../../contract/outfits';
import { toIso } from '../time';
import type { WardrobeItem } from './item';

/** A wardrobe item as the outfit engine and the wear figures take it. */
export function pieceOfItem(i: WardrobeItem): WardrobePiece {
  return {
    id: i._id,
    source: i.source,
    category: i.category,
    name: i.name,
    colours: i.colours,
    styles: i.styles,
    scenes: i.scenes,
    wearSeason: i.wearSeason,
    ...(i.priceFen !== null ? { priceFen: i.priceFen } : {}),
    image: i.image,
    addedAt: toIso(i.addedAt),
    ...(i.lastWornAt ? { lastWornAt: toIso(i.lastWornAt) } : {}),
    wears: i.wornDays.length,
  };
}
