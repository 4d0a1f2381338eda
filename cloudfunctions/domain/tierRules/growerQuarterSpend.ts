import { yuanText } from '../../contract/formats';
import { ratioOf, type TierRule } from './rule';

/** ≥ ¥1,000 net in one calendar quarter. */
export const GROWER_QUARTER_FEN = 100_000;

export const growerQuarterSpend: TierRule = {
  code: 'grower-quarter-spend',
  tier: 'grower',
  description: `单季度消费满 ${yuanText(GROWER_QUARTER_FEN)}`,
  check: (f) => f.quarterSpendFen >= GROWER_QUARTER_FEN,
  progress: (f, name) => ({
    text: `本季度再消费 ${yuanText(Math.max(0, GROWER_QUARTER_FEN - f.quarterSpendFen))} 升级${name}`,
    ratio: ratioOf(f.quarterSpendFen, GROWER_QUARTER_FEN),
  }),
};
