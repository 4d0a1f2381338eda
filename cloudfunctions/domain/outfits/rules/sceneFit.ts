import type { Slot, WardrobePiece } from '../../../contract/outfits';
import type { Scene } from '../../../contract/styleWords';
import type { Day } from '../day';
import { mainColour, piecesOf } from '../pieces';
import { mean, type OutfitRule } from './rule';

/**
 * Scenes whose dress codes overlap. 职场 and 运动 are strict (a dress code, a function): only
 * pieces made for them. 休闲 takes a plain piece from anywhere; 约会 a plain piece from 休闲 or 职场;
 * 旅行 from 休闲 or 运动.
 */
const NEIGHBOURS: Record<Scene, readonly Scene[]> = {
  职场: [],
  运动: [],
  休闲: ['旅行', '约会', '职场', '运动'],
  约会: ['休闲', '职场'],
  旅行: ['休闲', '运动'],
};
/** What a plain piece borrowed from a neighbouring scene scores, against 1 for a piece made for the scene. */
const BORROWED = 0.6;

/** A piece the member tagged with no scene is read as everyday wear. */
const scenesOf = (p: WardrobePiece): readonly Scene[] => (p.scenes.length > 0 ? p.scenes : ['休闲']);

/**
 * How well a piece suits the scene: 1 when it carries the scene; BORROWED when it is neutral in
 * colour (black, white, grey, navy, camel … — culori's chroma) and carries a neighbouring scene;
 * otherwise 0, and it is not proposed.
 */
export function sceneFitOf(p: WardrobePiece, scene: Scene, day: Pick<Day, 'colours'>): number {
  const scenes = scenesOf(p);
  if (scenes.includes(scene)) return 1;
  const plain = day.colours.facts(mainColour(p).hex).neutral;
  return plain && scenes.some((s) => NEIGHBOURS[scene].includes(s)) ? BORROWED : 0;
}

/**
 * 场合: every piece carries the requested scene, or is a plain (neutral-coloured) piece from a
 * scene whose dress code overlaps; pieces made for the scene score more.
 */
export const sceneFit: OutfitRule = {
  code: 'scene-fit',
  description: '每件单品都标有所选场合，或是相近场合的中性色基础款；职场与运动只用本场合单品',
  weight: 0.1,
  refuses(piece: WardrobePiece, _slot: Slot, day: Day) {
    return sceneFitOf(piece, day.scene, day) > 0 ? null : `不适合${day.scene}场合`;
  },
  score(look, day) {
    return mean(piecesOf(look).map(([, p]) => sceneFitOf(p, day.scene, day)));
  },
};
