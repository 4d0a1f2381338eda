import type { WardrobeItemView } from '../../contract/wardrobe';
import { CATEGORY_NAMES } from '../../contract/styleWords';
import { shopDateLabel, shopDayKey, toIso } from '../time';
import { costPerWear, forgottenPieces } from '../outfits/wear';
import type { WardrobeItem } from './item';
import { pieceOfItem } from './piece';

/** A piece as the wardrobe pages show it; `storeNames` names the store a purchase came from. */
export function wardrobeItemView(i: WardrobeItem, now: Date, storeNames: ReadonlyMap<string, string>): WardrobeItemView {
  const piece = pieceOfItem(i);
  const origin = i.purchase ? ['门店购买', shopDateLabel(i.purchase.paidAt), storeNames.get(i.purchase.storeId)].filter(Boolean).join(' · ') : '我添加的';
  return {
    id: i._id,
    name: i.name,
    category: i.category,
    categoryName: CATEGORY_NAMES[i.category],
    colours: i.colours,
    styles: i.styles,
    scenes: i.scenes,
    wearSeason: i.wearSeason,
    image: i.image,
    size: i.size,
    status: i.status,
    source: i.source,
    origin,
    wears: i.wornDays.length,
    lastWornAt: i.lastWornAt ? toIso(i.lastWornAt) : null,
    costPerWearFen: costPerWear(piece),
    forgotten: i.status === 'active' && forgottenPieces([piece], now).length > 0,
    wornToday: i.wornDays.includes(shopDayKey(now)),
  };
}
