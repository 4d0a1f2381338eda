import { differenceCiede2000 } from 'culori';

/**
 * How far apart two colours look, as CIEDE2000 ΔE (culori): about 2 is "just noticeable", under 10
 * reads as the same colour family at a glance, over 30 as different colours. The one colour
 * distance of the domain (palettes, products that suit a member, outfit harmony).
 */
const ciede2000 = differenceCiede2000();

export function colourDistance(a: string, b: string): number {
  return ciede2000(a, b);
}

/** The nearest of `candidates` to `hex`, with its distance (Infinity for none). */
export function nearestColour<T extends { hex: string }>(hex: string, candidates: readonly T[]): { colour: T | null; distance: number } {
  let best: T | null = null;
  let distance = Infinity;
  for (const c of candidates) {
    const d = colourDistance(hex, c.hex);
    if (d < distance) [best, distance] = [c, d];
  }
  return { colour: best, distance };
}
