import { yuanText } from '../../../contract/formats';
import { applies, type DiscountRule } from './rule';

/** "8" for 80, "8.5" for 85: how a shop writes 折. */
const zhe = (percent: number) => String(percent / 10);

/** 8折: the shopper pays `percent`% of what is left to pay, the discount rounded down to the fen, at most `capFen`. */
export const percentOff: DiscountRule<{ kind: 'percent'; percent: number; capFen?: number }> = {
  kind: 'percent',
  face: (d) => ({
    value: `${zhe(d.percent)}折`,
    rule: '全场通用，无门槛',
    notes: d.capFen ? [`最多优惠${yuanText(d.capFen)}`] : [],
  }),
  compute(d, _basket, remainingFen) {
    const off = Math.floor((remainingFen * (100 - d.percent)) / 100);
    return applies(Math.min(off, d.capFen ?? off, remainingFen));
  },
};
