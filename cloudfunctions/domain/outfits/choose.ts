import type { Slot } from '../../contract/outfits';
import type { Scored } from './combine';
import { CORE_SLOTS, piecesOf, SLOT_ORDER } from './pieces';
import { seededUnit } from './seeded';

/** Seeded spread on a look's score: enough to swap near-equal looks, never to lift a poor one. */
const LOOK_JITTER = 0.03;
/**
 * What sharing a core piece with a look already chosen costs, so three outfits are three different
 * ones: the body (a dress, a top, a bottom) is what the eye sees first; the same shoes matter less.
 */
const OVERLAP_COST: Partial<Record<Slot, number>> = { dress: 0.15, top: 0.12, bottom: 0.12, shoes: 0.05 };

interface Entry {
  s: Scored;
  key: string;
  /** core piece id → its slot's overlap cost */
  core: Map<string, number>;
  coreKey: string;
  jitter: number;
  /** the most it shares with any look chosen so far */
  overlap: number;
}

/**
 * The seed's number for a look, mixed from its pieces' numbers (each hashed once per call, not once
 * per look: hundreds of looks share a few dozen pieces). Weighing each slot by a different
 * irrational step keeps two looks with the same pieces in other slots apart.
 */
function lookUnit(pieces: readonly (readonly [Slot, { id: string }])[], unitOf: (id: string) => number): number {
  let sum = 0;
  for (const [slot, p] of pieces) sum += unitOf(p.id) * (1 + SLOT_ORDER.indexOf(slot) * 0.618_033_988_7);
  return sum - Math.floor(sum);
}

function entryOf(s: Scored, unitOf: (id: string) => number): Entry {
  const pieces = piecesOf(s.look);
  const key = pieces.map(([slot, p]) => `${slot}:${p.id}`).join(',');
  const core = new Map(pieces.filter(([slot]) => CORE_SLOTS.has(slot)).map(([slot, p]) => [p.id, OVERLAP_COST[slot] ?? 0]));
  return { s, key, core, coreKey: [...core.keys()].sort().join(','), jitter: LOOK_JITTER * lookUnit(pieces, unitOf), overlap: 0 };
}

/**
 * Chooses up to `count` looks: fewest catalogue pieces first, then the best score less what each
 * shares with the looks already chosen, plus the seed's spread; never two with the same core pieces
 * (top, bottom, dress, shoes). Ties fall to the pieces' ids, so the input's order never matters.
 */
export function choose(looks: readonly Scored[], count: number, seed: string): Scored[] {
  const units = new Map<string, number>();
  const unitOf = (id: string) => units.get(id) ?? units.set(id, seededUnit(seed, id)).get(id)!;
  const open = looks.map((s) => entryOf(s, unitOf));
  const chosen: Scored[] = [];
  const taken = new Set<string>();
  while (chosen.length < count) {
    let best: Entry | null = null;
    let bestValue = 0;
    for (const x of open) {
      if (taken.has(x.coreKey)) continue;
      const value = x.s.score + x.jitter - x.overlap;
      const order = best ? x.s.fromCatalogue - best.s.fromCatalogue || bestValue - value || (x.key < best.key ? -1 : 1) : -1;
      if (order < 0) [best, bestValue] = [x, value];
    }
    if (!best) break;
    chosen.push(best.s);
    taken.add(best.coreKey);
    // what every other look now shares with the chosen ones (the most with any one of them)
    for (const x of open) {
      let shared = 0;
      for (const [id, cost] of x.core) if (best.core.has(id)) shared += cost;
      if (shared > x.overlap) x.overlap = shared;
    }
  }
  return chosen;
}
