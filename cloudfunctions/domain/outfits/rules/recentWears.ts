import { CATEGORY_NAMES } from '../../../contract/styleWords';
import { CORE_SLOTS, mainColour, piecesOf } from '../pieces';
import { FORGOTTEN_AFTER_DAYS } from '../wear';
import { mean, type OutfitRule } from './rule';
/** How far back a wear still costs a piece something: a week. */
const RESTED_AFTER_DAYS = 6;

/**
 * 最近穿过: yesterday's outfit is never proposed again (its core pieces — top, bottom, dress,
 * shoes — all worn yesterday; a different bag does not make a new outfit), and a piece worn in the
 * last week loses a little, less each day.
 */
export const recentWears: OutfitRule = {
  code: 'recent-wears',
  description: '不重复昨天的整套穿搭；近一周穿过的单品略微减分',
  weight: 0.1,
  refusesLook(look, day) {
    const core = piecesOf(look).filter(([slot]) => CORE_SLOTS.has(slot));
    return core.length > 0 && core.every(([, p]) => day.yesterday.has(p.id)) ? '和昨天穿的一样' : null;
  },
  score(look, day) {
    return mean(
      piecesOf(look).map(([, p]) => {
        const d = day.daysSinceWorn.get(p.id);
        return d === undefined ? 1 : Math.min(1, 0.4 + (0.6 * d) / RESTED_AFTER_DAYS);
      }),
    );
  },
  /** a forgotten piece (被遗忘的宝贝) coming back is worth a word */
  note(look, day) {
    const back = piecesOf(look).find(([, p]) => p.source !== 'catalogue' && (day.daysSinceWorn.get(p.id) ?? 0) >= FORGOTTEN_AFTER_DAYS);
    return back ? `翻出好久没穿的${mainColour(back[1]).name}${CATEGORY_NAMES[back[0]]}` : null;
  },
};
