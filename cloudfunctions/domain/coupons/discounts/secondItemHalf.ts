import { applies, type DiscountRule, refuses } from './rule';

/**
 * 第二件半价: with two or more pieces, the cheaper of the two dearest pieces is half price (the
 * half rounded down to the fen). Pieces are counted by qty: two of one shirt qualify. When the till
 * charges less than the pieces' list prices (its own markdown), the piece is halved at what it is
 * charged: its list price scaled by amount / list total, so a marked-down basket is never halved twice.
 */
export const secondItemHalf: DiscountRule<{ kind: 'secondItemHalf' }> = {
  kind: 'secondItemHalf',
  face: () => ({ value: '半价', rule: '同单2件及以上，第二件半价', notes: ['按最贵两件中价低的一件计'] }),
  compute(_d, basket, remainingFen) {
    const prices = basket.items
      .flatMap((i) => (i.qty >= 2 ? [i.priceFen, i.priceFen] : [i.priceFen]))
      .sort((a, b) => b - a);
    if (prices.length < 2) return refuses('同单需购买2件及以上');
    const listed = basket.items.reduce((sum, i) => sum + i.qty * i.priceFen, 0);
    const charged = listed > basket.amountFen ? Math.floor((prices[1]! * basket.amountFen) / listed) : prices[1]!;
    return applies(Math.min(Math.floor(charged / 2), remainingFen));
  },
};
