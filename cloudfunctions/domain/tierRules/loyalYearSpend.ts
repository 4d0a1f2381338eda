import { yuanText } from '../../contract/rules';
import { ratioOf, type TierRule } from './rule';

/** More than ¥3,000 net in the last 12 months ("满" means strictly above: ¥3,000.01 qualifies, ¥3,000 does not). */
export const LOYAL_YEAR_FEN = 300_000;

export const loyalYearSpend: TierRule = {
  code: 'loyal-year-spend',
  tier: 'loyal',
  description: `近12个月消费超过 ${yuanText(LOYAL_YEAR_FEN)}`,
  check: (f) => f.yearSpendFen > LOYAL_YEAR_FEN,
  progress: (f, name) => ({
    // the smallest amount that gets strictly above the line
    text: `近12个月再消费 ${yuanText(Math.max(0, LOYAL_YEAR_FEN + 1 - f.yearSpendFen))} 升级${name}`,
    ratio: ratioOf(f.yearSpendFen, LOYAL_YEAR_FEN + 1),
  }),
};
