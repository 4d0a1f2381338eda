/**
 * Quintile scores 1–5 from a histogram of the scored members' values (the database counts them).
 * A member's score is 1 + ⌊5 × (members strictly worse) / n⌋: ties share a score, and the tie
 * takes the lower one (most buyers buy once a year: they score F 1, not 4). The cut points are
 * the worst value that still reaches each score 2–5: score = 1 + (cuts the value is at least as
 * good as). Recency is better when lower (days since the last purchase), F and M when higher.
 */
export type Direction = 'higher' | 'lower';

export interface HistogramRow {
  value: number;
  count: number;
}

/** The cut points for scores 2, 3, 4, 5 (null: no member's value reaches that score). */
export type Cuts = Array<number | null>;

const better = (dir: Direction) => (a: number, b: number) => (dir === 'higher' ? a - b : b - a);

export function quintileCuts(rows: readonly HistogramRow[], dir: Direction): Cuts {
  const sorted = rows.filter((r) => r.count > 0).sort((a, b) => better(dir)(a.value, b.value));
  const n = sorted.reduce((s, r) => s + r.count, 0);
  const cuts: Cuts = [null, null, null, null];
  let worse = 0;
  for (const row of sorted) {
    const score = Math.min(5, 1 + Math.floor((5 * worse) / n));
    for (let s = 2; s <= score; s += 1) if (cuts[s - 2] === null) cuts[s - 2] = row.value;
    worse += row.count;
  }
  return cuts;
}

export function quintileScore(value: number, cuts: Cuts, dir: Direction): number {
  const cmp = better(dir);
  return 1 + cuts.filter((c) => c !== null && cmp(value, c) >= 0).length;
}
