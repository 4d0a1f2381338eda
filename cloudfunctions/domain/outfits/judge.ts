import type { Slot, WardrobePiece } from '../../contract/outfits';
import type { Day } from './day';
import type { Look } from './pieces';
import { OUTFIT_RULES } from './rules';

/** Why any rule refuses this piece in this slot today (the first that does), or null. */
export function pieceRefusal(piece: WardrobePiece, slot: Slot, day: Day): string | null {
  for (const rule of OUTFIT_RULES) {
    const why = rule.refuses?.(piece, slot, day);
    if (why) return why;
  }
  return null;
}

/** Why any rule refuses the whole look today, or null. */
export function lookRefusal(look: Look, day: Day): string | null {
  for (const rule of OUTFIT_RULES) {
    const why = rule.refusesLook?.(look, day);
    if (why) return why;
  }
  return null;
}

/** 0–1: the rules' scores, weighted; a rule with nothing to go on (null) leaves the weighing. */
export function lookScore(look: Look, day: Day): number {
  let sum = 0;
  let weights = 0;
  for (const rule of OUTFIT_RULES) {
    const s = rule.score(look, day);
    if (s === null) continue;
    sum += rule.weight * s;
    weights += rule.weight;
  }
  return weights === 0 ? 0 : sum / weights;
}

/** The outfit's one line: the rules' notes in their order, at most three, or the scene when none has a word. */
export function lookReason(look: Look, day: Day): string {
  const notes: string[] = [];
  for (const rule of OUTFIT_RULES) {
    const note = rule.note?.(look, day);
    if (note && notes.length < 3) notes.push(note);
  }
  return notes.length > 0 ? notes.join('，') : `适合${day.scene}的一套`;
}
