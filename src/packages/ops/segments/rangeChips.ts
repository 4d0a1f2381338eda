/** A score range 1–5 as chips edit it; null is 不限 (any score). */
export type Range = { min: number; max: number } | null;

/**
 * One tap on score chip `v`: the first tap picks v alone; a tap outside the range stretches it to
 * v; a tap on an end takes that end back (the last one clears it to 不限); a tap inside narrows
 * the range to v alone.
 */
export function tapScore(range: Range, v: number): Range {
  if (range === null) return { min: v, max: v };
  if (v < range.min) return { min: v, max: range.max };
  if (v > range.max) return { min: range.min, max: v };
  if (range.min === range.max) return null;
  if (v === range.min) return { min: v + 1, max: range.max };
  if (v === range.max) return { min: range.min, max: v - 1 };
  return { min: v, max: v };
}

/** "4–5 分", "3 分", "不限". */
export function rangeText(range: Range): string {
  if (range === null) return '不限';
  return range.min === range.max ? `${range.min} 分` : `${range.min}–${range.max} 分`;
}
