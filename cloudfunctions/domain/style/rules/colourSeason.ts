import type { ColourAxes, StyleWeights } from '../../../contract/styleQuiz';
import { type ColourSeason, COLOUR_SEASONS } from '../../../contract/styleWords';
import { seasonSentence } from '../words';
import { required, type ScoringRule } from './rule';

export interface ColourSeasonResult {
  season: ColourSeason;
  runnerUp: ColourSeason;
  /** 50–100: 100 on the season's centre, 50 halfway to the runner-up's */
  confidence: number;
  sentence: string;
}

/**
 * 色彩季型: the season whose centre is nearest the member's scores. The 12 seasons are told apart
 * by undertone, value and chroma — each is "the season of" one of them (浅春 light, 暖秋 warm, 净冬
 * bright …) — so distance is measured in those three. Contrast counts too, but weaker (times
 * `contrastWeight`): in colour analysis it follows from value and chroma more than it stands alone,
 * and only one question asks it directly; it settles near ties rather than overruling the three.
 * Exact ties go to the earlier season in COLOUR_SEASONS, so the answer never depends on luck.
 */
export const colourSeason: ScoringRule<{ axes: ColourAxes; weights: StyleWeights }, ColourSeasonResult> = {
  code: 'colour-season',
  description: '在冷暖、深浅、艳柔三维（对比度为弱权重）中取离得最近的季型中心',
  score({ axes, weights }) {
    const w = weights.contrastWeight;
    const ranked = COLOUR_SEASONS.map((season, i) => {
      const c = required(weights.seasons[season], `season ${season}`).centre;
      const d2 = (axes.undertone - c.undertone) ** 2 + (axes.value - c.value) ** 2 + (axes.chroma - c.chroma) ** 2 + (w * (axes.contrast - c.contrast)) ** 2;
      return { season, i, d: Math.sqrt(d2) };
    }).sort((a, b) => a.d - b.d || a.i - b.i);
    const [first, second] = ranked as [(typeof ranked)[0], (typeof ranked)[0]];
    const confidence = Math.round((100 * second.d) / (first.d + second.d));
    return { season: first.season, runnerUp: second.season, confidence, sentence: seasonSentence(axes, first.season) };
  },
};
