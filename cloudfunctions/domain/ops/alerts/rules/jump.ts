import type { AlertKind } from '../rule';

/** 激增: the day's figure reaches `factor` times the baseline and at least `minCount` (from a baseline of 0, the count alone). */
export const jumpKind: AlertKind = {
  kind: 'jump',
  crossed(rule, value, baseline) {
    return value >= (rule.minCount ?? 1) && value >= baseline * (rule.factor ?? 3);
  },
  says(value, baseline) {
    return baseline > 0 ? `是平时的 ${(value / baseline).toFixed(1)} 倍` : '平时几乎没有';
  },
};
