import type { PricedCategory, PriceOption } from '../../../contract/styleQuiz';
import { stepOf } from '../lookup';
import type { Scoring, ScoringRule } from './rule';

export interface PriceBandResult {
  category: PricedCategory;
  label: string;
  minFen: number;
  maxFen: number | null;
  /** the band's place among the category's bands, 1 (cheapest) … count */
  rank: number;
  count: number;
}

/**
 * 价格带: what the member usually pays per category, as the quiz's band for it (fen). Categories
 * they rarely buy (很少买) are left out. The rank lets categories with different prices be compared
 * (the dearest dress band and the dearest top band both mean "spends at the top of the range").
 */
export const priceBands: ScoringRule<Scoring, PriceBandResult[]> = {
  code: 'price-bands',
  description: '按会员选的价格档给出每个品类的价格带（分），很少买的品类不列',
  score({ answers, quiz }) {
    return stepOf(quiz, 'prices').categories.flatMap(({ category, options }) => {
      const banded = options.filter((o): o is PriceOption & { band: NonNullable<PriceOption['band']> } => o.band !== null);
      const i = banded.findIndex((o) => o.id === answers.prices[category]);
      const o = banded[i];
      return o ? [{ category, label: o.label, minFen: o.band.minFen, maxFen: o.band.maxFen, rank: i + 1, count: banded.length }] : [];
    });
  },
};
