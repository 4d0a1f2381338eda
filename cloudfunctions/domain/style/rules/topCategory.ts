import { PRICED_CATEGORIES, type PricedCategory, type StyleWeights } from '../../../contract/styleQuiz';
import { CATEGORY_NAMES } from '../../../contract/styleWords';
import type { PriceBandResult } from './priceBands';
import { required, type ScoringRule } from './rule';
import type { ScenePriority } from './scenePriorities';

export interface TopCategoryResult {
  category: PricedCategory;
  why: string;
}

/**
 * 穿搭诊断券的品类: where the member's scenes and their spending meet. A category's need is the
 * sum over scenes of the scene's weight times how much that scene calls for the category
 * (`sceneNeeds`); its spend is the rank of the member's price band in it (0 for 很少买, 1 for its
 * dearest band). The coupon goes to the highest need × spend: a category they dress in often and
 * pay well for, so the coupon is one they will use. Ties go in PRICED_CATEGORIES order. With no
 * score at all it falls back to the dearest spend, then the greatest need, then tops (the category
 * everyone buys). Accessories are never asked a price, so never chosen.
 */
export const topCategory: ScoringRule<{ scenes: ScenePriority[]; bands: PriceBandResult[]; weights: StyleWeights }, TopCategoryResult> = {
  code: 'top-category',
  description: '场景需要 × 价格档位最高的品类，作为穿搭诊断券的品类',
  score({ scenes, bands, weights }) {
    const pull = (p: ScenePriority, c: PricedCategory) => p.weight * required(weights.sceneNeeds[p.scene], `scene ${p.scene}`)[c];
    const bandOf = (c: PricedCategory) => bands.find((b) => b.category === c);
    const rows = PRICED_CATEGORIES.map((c) => {
      const band = bandOf(c);
      const need = scenes.reduce((s, p) => s + pull(p, c), 0);
      const spend = band ? band.rank / band.count : 0;
      return { c, need, spend, score: need * spend };
    });
    // the first row holding the largest value, if that value is above 0
    const best = (key: 'score' | 'spend' | 'need') => {
      const top = rows.reduce((a, b) => (b[key] > a[key] ? b : a));
      return top[key] > 0 ? top : undefined;
    };
    const pick = best('score') ?? best('spend') ?? best('need');
    if (!pick) return { category: 'top', why: `${CATEGORY_NAMES.top}：人人都穿，先从这里开始` };
    const band = bandOf(pick.c);
    const lead = [...scenes].sort((a, b) => pull(b, pick.c) - pull(a, pick.c))[0];
    const sceneWords = lead && pull(lead, pick.c) > 0 ? `你的${lead.scene}穿搭最需要它` : '';
    const spendWords = band ? `你通常一件花${band.label}` : '';
    return { category: pick.c, why: `${CATEGORY_NAMES[pick.c]}：${[sceneWords, spendWords].filter(Boolean).join('，')}` };
  },
};
