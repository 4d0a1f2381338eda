import type { OutfitProblem, Slot } from '../../contract/outfits';
import { CATEGORY_NAMES } from '../../contract/styleWords';
import type { Pool } from './candidates';
import type { Day } from './day';
import { outerNeed } from './rules/seasonWeather';

/** What the planner knew when no outfit came out. */
export interface Shortfall {
  pool: Pool;
  day: Day;
  nothingOwnedOrSold: boolean;
  repeatedYesterday: number;
  /** the slot of the piece the looks were built around, if any */
  anchor: Slot | null;
}

const today = (day: Day) => `今天${Math.round(day.temperatureC)}°C、${day.scene}场合`;
const missing = (slot: Slot, day: Day, what = CATEGORY_NAMES[slot]): OutfitProblem => ({
  code: 'missingPiece',
  slot,
  message: `${today(day)}，衣橱和店里都没有合适的${what}`,
});

/** Why no outfit could be made, in the order a shopper would fix it: something to wear at all, then the missing piece, then yesterday. */
export function whyNoOutfit({ pool, day, nothingOwnedOrSold, repeatedYesterday, anchor }: Shortfall): OutfitProblem {
  if (nothingOwnedOrSold) return { code: 'nothingToWear', message: '衣橱里还没有单品，店里也暂时没有可搭配的款式' };
  if (pool.shoes.length === 0) return missing('shoes', day, '鞋');
  // built around a top or a bottom, a dress is no way out
  const separates = anchor === 'top' || anchor === 'bottom';
  if ((separates || pool.dress.length === 0) && (pool.top.length === 0 || pool.bottom.length === 0)) {
    const slot = pool.top.length === 0 ? 'top' : 'bottom';
    return missing(slot, day, separates ? CATEGORY_NAMES[slot] : `${CATEGORY_NAMES[slot]}（或连衣裙）`);
  }
  if (outerNeed(day.temperatureC) === 'required' && pool.outer.length === 0) return missing('outer', day);
  if (repeatedYesterday > 0) return { code: 'onlyYesterday', message: '能搭出的只有昨天那一套，换一件新单品再试试' };
  return { code: 'nothingToWear', message: `${today(day)}，暂时搭不出合适的一套` };
}
