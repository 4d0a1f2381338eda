import { yuanText } from '../../../contract/formats';
import { applies, type DiscountRule, refuses } from './rule';

/** 满300减50 (threshold 0: 无门槛): judged on the order's amount before coupons. */
export const amountOff: DiscountRule<{ kind: 'amountOff'; amountFen: number; thresholdFen: number }> = {
  kind: 'amountOff',
  face: (d) => ({
    value: yuanText(d.amountFen),
    rule: d.thresholdFen > 0 ? `满${yuanText(d.thresholdFen)}可用` : '无门槛',
    notes: [],
  }),
  compute(d, basket, remainingFen) {
    if (basket.amountFen < d.thresholdFen) {
      return refuses(`满${yuanText(d.thresholdFen)}可用，还差${yuanText(d.thresholdFen - basket.amountFen)}`);
    }
    return applies(Math.min(d.amountFen, remainingFen));
  },
};
