import { type DiscountRule, refuses } from './rule';

/**
 * A pass (新品优先试穿权): a wallet item the store honours in person, not money. It takes nothing
 * off an order: a till that names it hears why.
 */
export const pass: DiscountRule<{ kind: 'pass'; title: string }> = {
  kind: 'pass',
  face: (d) => ({ value: d.title, rule: '到店出示，由店员核销', notes: ['不抵扣金额'] }),
  compute: () => refuses('试穿权到店出示，由店员核销，不抵扣金额'),
};
