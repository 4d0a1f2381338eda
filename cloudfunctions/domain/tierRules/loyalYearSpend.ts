import { yuanText } from '../../contract/formats';
import { ratioOf, type TierRule } from './rule';

/** More than ¥3,000 net in the last 12 months ("满" means strictly above: ¥3,000.01 qualifies, ¥3,000 does not). */
export const LOYAL_YEAR_FEN = 300_000;

export const loyalYearSpend: TierRule = {
  code: 'loyal-year-spend',
  tier: 'loyal',
  description: `近12个月消费超过 ${yuanText(LOYAL_YEAR_FEN)}`,
  check: (f) => f.yearSpendFen > LOYAL_YEAR_FEN,
  progress: (f, name) => {
    const left = LOYAL_YEAR_FEN - f.yearSpendFen;
    // "超过": the line itself does not qualify, so the shopper is told the whole yuan that pass it
    // (¥500 short → ¥501): short enough for one line on the card, and spending it is enough
    const text = left > 0 ? `近12个月再消费 ${yuanText(Math.ceil((left + 1) / 100) * 100)} 升级${name}` : `近12个月再消费任意金额即可升级${name}`;
    return { text, ratio: ratioOf(f.yearSpendFen, LOYAL_YEAR_FEN + 1) };
  },
};
