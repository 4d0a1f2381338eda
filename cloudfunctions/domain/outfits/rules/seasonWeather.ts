import type { WearSeason } from '../../../contract/styleWords';
import { piecesOf } from '../pieces';
import { mean, type OutfitRule } from './rule';

/** Below this no outfit leaves home without an outer layer. */
export const OUTER_REQUIRED_BELOW = 10;
/** Below this the day calls for one: it joins whenever there is one to wear. */
export const OUTER_WANTED_BELOW = 18;
/** From this on an outer layer is only something to carry: none is proposed. */
export const NO_OUTER_FROM = 26;
/** A 春夏 piece (linen, a thin dress) is too cold below this. */
export const SPRING_SUMMER_TOO_COLD_BELOW = 8;
/** A 秋冬 piece (wool, down) is too warm from this on. */
export const AUTUMN_WINTER_TOO_WARM_FROM = 25;

export type OuterNeed = 'required' | 'wanted' | 'optional' | 'none';

/** What the day's temperature asks of the outer slot. */
export function outerNeed(t: number): OuterNeed {
  return t < OUTER_REQUIRED_BELOW ? 'required' : t < OUTER_WANTED_BELOW ? 'wanted' : t < NO_OUTER_FROM ? 'optional' : 'none';
}

const degrees = (t: number) => `${Math.round(t)}°C`;
/** 0.3 at `from`, rising evenly to 1 at `to` (either way round), flat beyond. */
const ramp = (t: number, from: number, to: number) => 0.3 + 0.7 * Math.min(1, Math.max(0, (t - from) / (to - from)));

/** How comfortable a piece of this season is at this temperature: 四季 always; 秋冬 fades from 15°C up, 春夏 from 20°C down. */
function comfort(season: WearSeason, t: number): number {
  if (season === '秋冬') return ramp(t, AUTUMN_WINTER_TOO_WARM_FROM, 15);
  if (season === '春夏') return ramp(t, SPRING_SUMMER_TOO_COLD_BELOW, 20);
  return 1;
}

/**
 * 季节与气温: a 秋冬 piece from 25°C on and a 春夏 piece below 8°C are never proposed; between, the
 * season's pieces lose as the day drifts from their weather. An outer layer is required under
 * 10°C and wanted under 18°C (the planner fills the slot), a choice up to 26°C (it must earn its
 * place: it loses as the day warms), and left at home from 26°C.
 */
export const seasonWeather: OutfitRule = {
  code: 'season-weather',
  description: '秋冬款25°C以上、春夏款8°C以下不推荐；10°C以下必穿外套，18°C以下加外套，26°C以上不穿外套',
  weight: 0.1,
  refuses(piece, slot, { temperatureC: t }) {
    if (slot === 'outer' && outerNeed(t) === 'none') return `是外套，今天${degrees(t)}用不上`;
    if (piece.wearSeason === '秋冬' && t >= AUTUMN_WINTER_TOO_WARM_FROM) return `是秋冬款，今天${degrees(t)}太热`;
    if (piece.wearSeason === '春夏' && t < SPRING_SUMMER_TOO_COLD_BELOW) return `是春夏款，今天${degrees(t)}太冷`;
    return null;
  },
  score(look, { temperatureC: t }) {
    const each = piecesOf(look).map(([slot, p]) => comfort(p.wearSeason, t) * (slot === 'outer' ? ramp(t, NO_OUTER_FROM, OUTER_WANTED_BELOW) : 1));
    const layered = outerNeed(t) === 'wanted' && !look.outer ? 0.8 : 1;
    return mean(each) * layered;
  },
  note(look, { temperatureC: t }) {
    return look.outer && t < OUTER_WANTED_BELOW ? `今天${degrees(t)}，加件${look.outer.colours[0]!.name}外套` : null;
  },
};
