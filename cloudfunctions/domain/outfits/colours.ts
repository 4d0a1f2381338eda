import { converter, wcagContrast } from 'culori';
import type { StyleReport } from '../../contract/styleQuiz';
import type { NamedColour } from '../../contract/styleWords';
import { colourDistance } from '../colour';

/**
 * What the outfit rules need to know about colours, all read through culori: lightness, chroma and
 * hue in OKLCH (a space where equal steps look equal), WCAG contrast between two colours, and
 * CIEDE2000 distance to the member's swatches. One book per planning call: the same few hexes come
 * up thousands of times while combining, so each answer is worked out once (and nothing outlives
 * the call).
 */

const toOklch = converter('oklch');

/** Below this OKLCH chroma a colour reads as black, white or a grey (墨黑, 奶白, 麻灰, 燕麦, 月白). */
const GREYISH_CHROMA = 0.045;
/**
 * Navy and denim, camel, khaki and brown carry some colour yet are worn like neutrals (藏青, 牛仔蓝,
 * 卡其, 驼色, 咖啡): up to this chroma, in these OKLCH hue ranges, they go with anything too.
 */
const DRESSING_NEUTRAL_CHROMA = 0.09;
const DRESSING_NEUTRAL_HUES: readonly (readonly [number, number])[] = [
  [40, 95],
  [235, 275],
];

export interface ColourFacts {
  /** OKLCH lightness 0–1, chroma, hue in degrees (undefined for a pure grey) */
  l: number;
  c: number;
  h: number | undefined;
  /** goes with anything */
  neutral: boolean;
}

export interface ColourBook {
  facts(hex: string): ColourFacts;
  /** CIEDE2000 ΔE */
  distance(a: string, b: string): number;
  /** WCAG contrast ratio, 1–21 */
  contrast(a: string, b: string): number;
  /** the angle between two hues, 0–180; null when either colour has no hue to speak of */
  hueGap(a: string, b: string): number | null;
  /** ΔE to the nearest colour the member avoids or dislikes (Infinity without a report) */
  toAvoid(hex: string): number;
  /** ΔE to the nearest colour of the member's wear and neutral swatches (Infinity without a report) */
  toSuiting(hex: string): number;
}

function memo<T>(f: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let v = seen.get(key);
    if (v === undefined && !seen.has(key)) seen.set(key, (v = f(key)));
    return v as T;
  };
}
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const nearest = (hex: string, swatches: readonly NamedColour[]) => swatches.reduce((d, s) => Math.min(d, colourDistance(hex, s.hex)), Infinity);

export function colourBook(report: StyleReport | null): ColourBook {
  const avoid = report ? [...report.palette.avoid, ...report.dislikedColours] : [];
  const suiting = report ? [...report.palette.wear, ...report.palette.neutrals] : [];
  const facts = memo((hex): ColourFacts => {
    const o = toOklch(hex);
    if (!o) throw new Error(`not a colour: ${hex}`);
    const h = o.c < 0.01 ? undefined : o.h;
    const dressing = o.c < DRESSING_NEUTRAL_CHROMA && h !== undefined && DRESSING_NEUTRAL_HUES.some(([lo, hi]) => h >= lo && h <= hi);
    return { l: o.l, c: o.c, h, neutral: o.c < GREYISH_CHROMA || dressing };
  });
  const distance = memo((key) => {
    const [a, b] = key.split('|') as [string, string];
    return colourDistance(a, b);
  });
  const contrast = memo((key) => {
    const [a, b] = key.split('|') as [string, string];
    return wcagContrast(a, b);
  });
  return {
    facts,
    distance: (a, b) => distance(pairKey(a, b)),
    contrast: (a, b) => contrast(pairKey(a, b)),
    hueGap(a, b) {
      const [ha, hb] = [facts(a).h, facts(b).h];
      if (ha === undefined || hb === undefined) return null;
      const d = Math.abs(ha - hb) % 360;
      return d > 180 ? 360 - d : d;
    },
    toAvoid: memo((hex) => nearest(hex, avoid)),
    toSuiting: memo((hex) => nearest(hex, suiting)),
  };
}
