import type { CompleteAnswers, LikedColour, Palette, StyleQuiz, StyleWeights } from '../../../contract/styleQuiz';
import type { ColourSeason, NamedColour } from '../../../contract/styleWords';
import { stepOf } from '../lookup';
import { required, type ScoringRule } from './rule';

export interface PaletteResult {
  palette: Palette;
  likedColours: LikedColour[];
  dislikedColours: NamedColour[];
}

const hexes = (cs: readonly NamedColour[]) => new Set(cs.map((c) => c.hex));
const without = (cs: readonly NamedColour[], out: Set<string>) => cs.filter((c, i) => !out.has(c.hex) && cs.findIndex((d) => d.hex === c.hex) === i);
const plain = ({ name, hex }: NamedColour): NamedColour => ({ name, hex });

/**
 * 色板: the season's palette, then the member's own taste beside it. A colour the member avoids
 * leaves the wear and neutral lists (no point proposing it) but does not join `avoid`, which says
 * what does not suit; it is reported in `dislikedColours`. A loved colour is never added to wear:
 * it is reported with a verdict (suits / avoid / maybe). So what is proposed (wear, neutrals and
 * the loved colours that suit) never meets what is held back (avoid and the disliked colours),
 * even if the seed lists a colour on both sides: avoid wins.
 */
export const seasonPalette: ScoringRule<{ season: ColourSeason; answers: CompleteAnswers; quiz: StyleQuiz; weights: StyleWeights }, PaletteResult> = {
  code: 'season-palette',
  description: '取季型色板，去掉会员不想穿的颜色；会员爱穿的颜色单列并注明是否适合',
  score({ season, answers, quiz, weights }) {
    const base = required(weights.seasons[season], `season ${season}`).palette;
    const choices = stepOf(quiz, 'likes').colours;
    const picked = (ids: string[]) => choices.filter((c) => ids.includes(c.id)).map(plain);
    const dislikedColours = picked(answers.dislikedColours);
    const heldBack = new Set([...hexes(base.avoid), ...hexes(dislikedColours)]);
    const palette: Palette = {
      wear: without(base.wear, heldBack).map(plain),
      avoid: without(base.avoid, new Set()).map(plain),
      neutrals: without(base.neutrals, heldBack).map(plain),
      metals: base.metals.map(plain),
    };
    const suits = new Set([...hexes(palette.wear), ...hexes(palette.neutrals)]);
    const likedColours = picked(answers.likedColours).map((c): LikedColour => {
      if (suits.has(c.hex)) return { ...c, verdict: 'suits', note: '正适合你，放心穿' };
      if (heldBack.has(c.hex)) return { ...c, verdict: 'avoid', note: '离脸远一些穿：下装、鞋包' };
      return { ...c, verdict: 'maybe', note: '可小面积点缀，或选更贴近你色板的同类色' };
    });
    return { palette, likedColours, dislikedColours };
  },
};
