/**
 * Whole percents that sum to exactly 100 (largest remainder, Hamilton's method): each part gets
 * the floor of its exact share, and the points left go to the largest remainders. Ties go to the
 * earlier part, so the answer is the same on every run. Negative weights count as 0; when nothing
 * is left to share, the parts split evenly.
 */
export function percentShares(weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const positive = weights.map((w) => (w > 0 ? w : 0));
  const total = positive.reduce((a, b) => a + b, 0);
  const exact = total > 0 ? positive.map((w) => (w * 100) / total) : positive.map(() => 100 / weights.length);
  const floors = exact.map((x) => Math.floor(x));
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
}

/** Rounds half away from zero, so a score and its mirror round alike (−2.5 → −3, 2.5 → 3). */
export const roundScore = (x: number) => Math.sign(x) * Math.round(Math.abs(x)) || 0; // never −0
