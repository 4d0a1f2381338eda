import type { Slot, WardrobePiece } from '../../../contract/outfits';
import type { Day } from '../day';
import type { Look } from '../pieces';

/**
 * One outfit rule (like a tier rule): a stable code, what it judges in plain words, and pure
 * functions of a look and the day. A rule may refuse a piece for a slot outright (a 秋冬 coat on a
 * 30°C day), refuse a whole look (yesterday's outfit), score a look 0–1, and say in shop words
 * what the look does well, for the outfit's one-line reason.
 */
export interface OutfitRule {
  code: string;
  description: string;
  /** how much this rule counts in an outfit's score, against the others */
  weight: number;
  /** why this piece may never be worn in this slot today, or null */
  refuses?(piece: WardrobePiece, slot: Slot, day: Day): string | null;
  /** why this look may never be proposed today, or null */
  refusesLook?(look: Look, day: Day): string | null;
  /** 0–1; null when the rule has nothing to go on (no report), and then it does not count */
  score(look: Look, day: Day): number | null;
  /** a few words for the reason ("同为通勤风"), or null when there is nothing worth saying */
  note?(look: Look, day: Day): string | null;
}

/** The mean of some numbers (0 for none: a rule with nothing to judge is not rewarded). */
export const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
