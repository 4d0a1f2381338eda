import type { AlertKind } from '../rule';

/** 骤降: the day's figure is at least `share` below a baseline big enough to fall (≥ minBaseline). */
export const dropKind: AlertKind = {
  kind: 'drop',
  crossed(rule, value, baseline) {
    const share = rule.share ?? 0.5;
    return baseline > 0 && baseline >= (rule.minBaseline ?? 1) && value <= baseline * (1 - share);
  },
  says(value, baseline) {
    return `低 ${Math.round(((baseline - value) * 100) / baseline)}%`;
  },
};
