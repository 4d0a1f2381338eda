/**
 * Monetary value is scored in bands of two significant figures (¥1,234.56 counts as ¥1,200; under
 * ¥1 as ¥0): the cut points read as round sums (消费 ≥ ¥1,200), and the database's histogram of
 * the brand's members has at most BAND_BOUNDS.length rows, however many members there are.
 */
const TOP_FEN = 1_000_000_000; // ¥10,000,000: everything above is one band

function bounds(): number[] {
  const out = [0];
  for (let scale = 10; scale < TOP_FEN / 10; scale *= 10) for (let m = 10; m <= 99; m += 1) out.push(m * scale);
  out.push(TOP_FEN);
  return out;
}

/** The lower bounds of the bands, ascending (0, 100, 110, …, 990, 1,000, 1,100 … fen). */
export const BAND_BOUNDS: readonly number[] = bounds();
export const TOP_BAND_FEN = TOP_FEN;

/** The band (its lower bound, fen) a net spend falls in. */
export function moneyBand(fen: number): number {
  if (fen < 100) return 0;
  if (fen >= TOP_FEN) return TOP_FEN;
  const scale = 10 ** (String(Math.floor(fen)).length - 2);
  return Math.floor(fen / scale) * scale;
}
