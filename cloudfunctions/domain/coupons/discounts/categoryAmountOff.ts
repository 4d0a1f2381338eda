import { yuanText } from '../../../contract/formats';
import { CATEGORY_NAMES, type Category } from '../../../contract/styleWords';
import { applies, type DiscountRule, refuses } from './rule';

/**
 * 上装满299减50: `amountFen` off the pieces of one category (the 穿搭诊断 coupon for the report's
 * top category), once they come to `thresholdFen`. Judged on what the till charges for those
 * pieces: their list prices scaled by amount / list total when the till marked the basket down, so
 * a markdown is never discounted twice; never more than those pieces cost.
 */
export const categoryAmountOff: DiscountRule<{ kind: 'categoryAmountOff'; category: Category; amountFen: number; thresholdFen: number }> = {
  kind: 'categoryAmountOff',
  face: (d) => ({
    value: yuanText(d.amountFen),
    rule: d.thresholdFen > 0 ? `${CATEGORY_NAMES[d.category]}满${yuanText(d.thresholdFen)}可用` : `${CATEGORY_NAMES[d.category]}无门槛`,
    notes: [`仅限${CATEGORY_NAMES[d.category]}`],
  }),
  compute(d, basket, remainingFen) {
    const listed = basket.items.reduce((sum, i) => sum + i.qty * i.priceFen, 0);
    const ofCategory = basket.items.filter((i) => i.category === d.category).reduce((sum, i) => sum + i.qty * i.priceFen, 0);
    const charged = listed > basket.amountFen && listed > 0 ? Math.floor((ofCategory * basket.amountFen) / listed) : ofCategory;
    const name = CATEGORY_NAMES[d.category];
    if (charged <= 0) return refuses(`本单没有${name}`);
    if (charged < d.thresholdFen) return refuses(`${name}满${yuanText(d.thresholdFen)}可用，还差${yuanText(d.thresholdFen - charged)}`);
    return applies(Math.min(d.amountFen, charged, remainingFen));
  },
};
