import type { Slot } from '../../contract/outfits';
import type { Candidate, Pool } from './candidates';
import type { Day } from './day';
import { lookRefusal, lookScore } from './judge';
import { type Look, piecesOf } from './pieces';
import { outerNeed } from './rules/seasonWeather';

/** The two ways an outfit is made. */
const FORMS: readonly (readonly Slot[])[] = [
  ['top', 'bottom', 'shoes'],
  ['dress', 'shoes'],
];

export interface Scored {
  look: Look;
  score: number;
  /** pieces the store would sell to complete it */
  fromCatalogue: number;
}

export interface Bodies {
  bodies: Scored[];
  /** bodies left out because they were yesterday's outfit */
  repeatedYesterday: number;
}

const catalogueCount = (look: Look) => piecesOf(look).filter(([, p]) => p.source === 'catalogue').length;
/** Fewest catalogue pieces first, then the best score. */
export const byPreference = (a: Scored, b: Scored) => a.fromCatalogue - b.fromCatalogue || b.score - a.score;

/** Every look of one form from the pool's slots (a small product: each slot holds at most KEEP_PER_SLOT). */
function* looksOf(form: readonly Slot[], pool: Pool, look: Look = {}): Generator<Look> {
  const [slot, ...rest] = form;
  if (!slot) {
    yield look;
    return;
  }
  for (const c of pool[slot]) yield* looksOf(rest, pool, { ...look, [slot]: c.piece });
}

/** The choices for an optional slot: nothing, or one of its pieces; `required` leaves out nothing. */
const choices = (cands: readonly Candidate[], required: boolean): readonly (Candidate | null)[] => (required ? cands : [null, ...cands]);

/**
 * Every body the pool allows (top + bottom + shoes, dress + shoes), scored, yesterday's outfit
 * refused. An anchored slot holds only the anchor, so every body is built around it; built around a
 * top, bottom or dress, only the form that wears it.
 */
export function bodiesOf(pool: Pool, day: Day, anchor: Slot | null): Bodies {
  let repeatedYesterday = 0;
  const bodies: Scored[] = [];
  for (const form of FORMS) {
    if (anchor && anchor !== 'shoes' && anchor !== 'outer' && anchor !== 'accessory' && !form.includes(anchor)) continue;
    for (const look of looksOf(form, pool)) {
      if (lookRefusal(look, day)) {
        repeatedYesterday++;
        continue;
      }
      bodies.push({ look, score: lookScore(look, day), fromCatalogue: catalogueCount(look) });
    }
  }
  return { bodies, repeatedYesterday };
}

/**
 * A body dressed for the day: first the outer layer the day asks for (required: always; wanted:
 * whenever there is one; otherwise only if it adds to the look), then an accessory if it adds to
 * the look with that layer on. One slot at a time, each the best by preference (fewest catalogue
 * pieces, then score): a scarf is chosen to go with the coat, not the coat with the scarf. Null
 * when the day requires an outer layer and there is none.
 */
export function dressed(body: Scored, pool: Pool, day: Day, anchor: Slot | null): Scored | null {
  const need = outerNeed(day.temperatureC);
  const outerRequired = need === 'required' || anchor === 'outer' || (need === 'wanted' && pool.outer.length > 0);
  const withOuter = bestWith(body, 'outer', choices(pool.outer, outerRequired), day);
  return withOuter && bestWith(withOuter, 'accessory', choices(pool.accessory, anchor === 'accessory'), day);
}

function bestWith(look: Scored, slot: Slot, options: readonly (Candidate | null)[], day: Day): Scored | null {
  let best: Scored | null = null;
  for (const option of options) {
    const next: Look = option ? { ...look.look, [slot]: option.piece } : look.look;
    const scored = option ? { look: next, score: lookScore(next, day), fromCatalogue: catalogueCount(next) } : look;
    if (!best || byPreference(scored, best) < 0) best = scored;
  }
  return best;
}
