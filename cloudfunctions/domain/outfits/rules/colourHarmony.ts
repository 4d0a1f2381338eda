import type { ColourBook } from '../colours';
import { type Look, mainColour, piecesOf } from '../pieces';
import { mean, type OutfitRule } from './rule';

/** Under this ΔE two colours read as one tone: a tonal look, deliberate. */
const TONAL = 10;
/** Hue gaps (OKLCH degrees): close hues sit together (analogous); opposite ones answer each other (complementary). */
const ANALOGOUS = 30;
const NEIGHBOURLY = 60;
const COMPLEMENTARY = 150;
/** WCAG contrast from which two clashing colours read as colour-blocking rather than mud. */
const BLOCKING = 3;

/** 0–1: how two colours sit together. Neutrals go with anything; a clash of similar lightness is muddy. */
export function pairHarmony(a: string, b: string, book: ColourBook): number {
  if (book.facts(a).neutral || book.facts(b).neutral) return 1;
  if (book.distance(a, b) < TONAL) return 0.9;
  const gap = book.hueGap(a, b);
  if (gap === null || gap <= ANALOGOUS) return 0.9;
  if (gap >= COMPLEMENTARY) return 0.8;
  if (gap <= NEIGHBOURLY) return 0.6;
  return book.contrast(a, b) >= BLOCKING ? 0.4 : 0.1;
}

/**
 * 0–1: the contrast between top and bottom against what suits the member: a high-contrast member
 * (冬季型: 藏青配白) wants about 8:1, a low-contrast one (夏季型, 柔和) about 2:1, and 4:1 without a
 * report; a tonal pair is deliberate and always fine.
 */
function halvesContrast(look: Look, book: ColourBook, contrastAxis: number | null): number | null {
  if (!look.top || !look.bottom) return null;
  const [a, b] = [mainColour(look.top).hex, mainColour(look.bottom).hex];
  if (book.distance(a, b) < TONAL) return 1;
  const target = 2 ** (2 + (contrastAxis ?? 0) / 100);
  return 1 - Math.min(1, Math.abs(Math.log2(book.contrast(a, b) / target)) / 3);
}

/** The two colours a look reads as: its body (dress, or top and bottom), then what goes over it, then the shoes. */
function leadingPair(look: Look) {
  const [first, second] = piecesOf(look).filter(([slot]) => slot !== 'accessory');
  return first && second ? ([mainColour(first[1]), mainColour(second[1])] as const) : null;
}

/**
 * 配色: every pair of main colours scores by their hue relation in OKLCH (neutral, tonal,
 * analogous, complementary score; a near-miss less; a clash of similar lightness is muddy and
 * loses most), top against bottom by their WCAG contrast, and more than two non-neutral colours
 * in one look read busy.
 */
export const colourHarmony: OutfitRule = {
  code: 'colour-harmony',
  description: '中性色百搭；同色系、邻近色与互补色相配加分，明度相近的撞色减分；上下装对比度贴合会员的对比度',
  weight: 0.3,
  score(look, day) {
    const hexes = piecesOf(look).map(([, p]) => mainColour(p).hex);
    const pairs: number[] = [];
    for (let i = 0; i < hexes.length; i++) for (let j = i + 1; j < hexes.length; j++) pairs.push(pairHarmony(hexes[i]!, hexes[j]!, day.colours));
    const colourful = new Set(hexes.filter((h) => !day.colours.facts(h).neutral)).size;
    const busy = colourful > 2 ? 0.85 ** (colourful - 2) : 1;
    const harmony = pairs.length === 0 ? 1 : mean(pairs);
    const contrast = halvesContrast(look, day.colours, day.report?.colour.axes.contrast ?? null);
    return (contrast === null ? harmony : 0.75 * harmony + 0.25 * contrast) * busy;
  },
  note(look, day) {
    const pair = leadingPair(look);
    if (!pair) return null;
    const [a, b] = pair;
    if (a.name === b.name) return `一身${a.name}`;
    return pairHarmony(a.hex, b.hex, day.colours) >= 0.6 ? `${a.name}配${b.name}` : null;
  },
};
