import type { WardrobePiece } from '../../contract/outfits';
import type { StyleReport } from '../../contract/styleQuiz';
import type { Scene } from '../../contract/styleWords';
import { shopDayKey } from '../time';
import { type ColourBook, colourBook } from './colours';
import { dayNumber } from './days';

/** The pieces worn on one shop day ("YYYY-MM-DD", as the wardrobe's worn days, or "YYYYMMDD"). */
export interface RecentOutfit {
  day: string;
  pieceIds: readonly string[];
}

/** Everything the rules judge a look against: the day, the member and what they wore lately. */
export interface Day {
  scene: Scene;
  temperatureC: number;
  report: StyleReport | null;
  colours: ColourBook;
  /** shop days since each piece was last worn (0 today, 1 yesterday); a piece not here was not worn lately */
  daysSinceWorn: ReadonlyMap<string, number>;
  /** every piece worn yesterday */
  yesterday: ReadonlySet<string>;
  seed: string;
}

export interface DayFacts {
  scene: Scene;
  temperatureC: number;
  report: StyleReport | null;
  /** the shop day planned for (any instant in it: the caller's clock) */
  date: Date;
  recentOutfits: readonly RecentOutfit[];
  seed: number | string;
}

/**
 * The day's context, once per call. What was worn comes from both the wear log's outfits and each
 * piece's `lastWornAt`, so a piece marked 今天穿了 on its own counts as worn too.
 */
export function dayOf(f: DayFacts, pieces: readonly WardrobePiece[]): Day {
  const today = dayNumber(shopDayKey(f.date));
  const daysSinceWorn = new Map<string, number>();
  // kept apart from the latest wear: a piece worn yesterday and again today was still worn yesterday
  const yesterday = new Set<string>();
  const wornOn = (id: string, days: number) => {
    if (days < 0) return; // a wear logged after the planned day says nothing about it
    if (days === 1) yesterday.add(id);
    const seen = daysSinceWorn.get(id);
    if (seen === undefined || days < seen) daysSinceWorn.set(id, days);
  };
  for (const o of f.recentOutfits) for (const id of o.pieceIds) wornOn(id, today - dayNumber(o.day));
  for (const p of pieces) if (p.lastWornAt) wornOn(p.id, today - dayNumber(shopDayKey(new Date(p.lastWornAt))));
  return { scene: f.scene, temperatureC: f.temperatureC, report: f.report, colours: colourBook(f.report), daysSinceWorn, yesterday, seed: String(f.seed) };
}
