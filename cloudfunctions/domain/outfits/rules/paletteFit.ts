import type { WardrobePiece } from '../../../contract/outfits';
import { COLOUR_SEASON_NAMES } from '../../../contract/styleWords';
import type { Day } from '../day';
import { FACE_SLOTS, mainColour, piecesOf } from '../pieces';
import type { OutfitRule } from './rule';

/** A colour within this ΔE (CIEDE2000) of a swatch reads as that swatch (as in the report's products). */
export const NEAR_SWATCH = 12;

/** True when a piece's colour is one the member avoids or dislikes (never at the face). */
export const avoidedColour = (p: WardrobePiece, day: Pick<Day, 'colours'>) => day.colours.toAvoid(mainColour(p).hex) < NEAR_SWATCH;

/** 0–1: how well a piece's colour suits the member. */
function suits(p: WardrobePiece, day: Day): number {
  const hex = mainColour(p).hex;
  if (avoidedColour(p, day)) return 0;
  const d = day.colours.toSuiting(hex);
  if (d < NEAR_SWATCH) return 1;
  if (d < 2 * NEAR_SWATCH) return 0.7;
  return day.colours.facts(hex).neutral ? 0.6 : 0.3;
}

/**
 * 色彩季型: pieces near the member's wear and neutral swatches score; a colour within 12 ΔE of one
 * they avoid or dislike is never placed at the face (top, dress, outer, accessory) and scores 0
 * anywhere else. The face counts double: it is where a colour flatters or not. Without a report
 * the rule has nothing to say.
 */
export const paletteFit: OutfitRule = {
  code: 'palette-fit',
  description: '靠近会员适合色与中性色的单品加分；忌穿色与不喜欢的颜色不上身靠脸的位置，放在别处也减分',
  weight: 0.2,
  refuses(piece, slot, day) {
    if (!day.report || !FACE_SLOTS.has(slot) || !avoidedColour(piece, day)) return null;
    return `是${mainColour(piece).name}色，不在你的色彩里，不宜靠近脸`;
  },
  score(look, day) {
    if (!day.report) return null;
    let sum = 0;
    let count = 0;
    for (const [slot, p] of piecesOf(look)) {
      const w = FACE_SLOTS.has(slot) ? 2 : 1;
      sum += w * suits(p, day);
      count += w;
    }
    return count === 0 ? 0 : sum / count;
  },
  note(look, day) {
    if (!day.report) return null;
    const each = piecesOf(look).map(([, p]) => suits(p, day));
    // say it only when nothing is off and at least one piece is near a swatch, not merely neutral
    return each.every((s) => s >= 0.6) && each.some((s) => s >= 0.7) ? `符合你的${COLOUR_SEASON_NAMES[day.report.colour.season]}色彩` : null;
  },
};
