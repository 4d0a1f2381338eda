import { render } from '@testing-library/react';
import type { PointsSummary } from '../../../cloudfunctions/contract';
import { SUMMARY } from '../../../tests/ui/support/points';
import { barShare, TierProgress } from './index';

type Progress = PointsSummary['progress'];
type Tier = PointsSummary['tier'];

function show(progress: Partial<Progress> = {}, tier: Partial<Tier> = {}) {
  const { container } = render(<TierProgress tier={{ ...SUMMARY.tier, ...tier }} progress={{ ...SUMMARY.progress, ...progress }} />);
  const text = (selector: string) => Array.from(container.querySelectorAll(selector), (el) => el.textContent).join(' | ');
  const bar = container.querySelector('[role="progressbar"]');
  const fill = container.querySelector('.tier-progress__fill') as HTMLElement | null;
  return { container, text, bar, fill, root: container.querySelector('.tier-progress') as HTMLElement };
}

const LOYAL: Tier = { code: 'loyal', name: '忠诚者', since: '2026-05-01T02:00:00.000Z', keptUntil: '2027-05-01T02:00:00.000Z' };

describe('the way to the next tier', () => {
  it('the progress bar says how much more to spend in shop words', () => {
    const { text, bar, fill } = show();
    expect(text('.tier-progress__tier')).toBe('探索者');
    expect(text('.tier-progress__next')).toBe('本季度再消费 ¥320 升级成长者');
    expect(text('.tier-progress__ends')).toBe('探索者成长者');
    expect(bar?.getAttribute('aria-valuenow')).toBe('68');
    expect(fill?.style.width).toBe('68%');
  });

  it.each([
    [0, '0%'],
    [0.333, '33%'],
    [1, '100%'],
    [1.4, '100%'],
    [-0.2, '0%'],
    [Number.NaN, '0%'],
  ])('a ratio of %s fills %s of the bar, never more or less', (ratio, width) => {
    const next = { ...SUMMARY.progress.next!, ratio };
    expect(show({ next }).fill?.style.width).toBe(width);
    expect(barShare(ratio)).toBeGreaterThanOrEqual(0);
    expect(barShare(ratio)).toBeLessThanOrEqual(1);
  });

  it('the top tier shows no bar, only that there is nowhere higher', () => {
    const { text, bar } = show({ next: null, keepText: '保级至 2027-05-01：近12个月消费满 ¥3,000 可续期' }, LOYAL);
    expect(bar).toBeNull();
    expect(text('.tier-progress__next')).toBe('已是最高等级');
    expect(text('.tier-progress__keep')).toBe('保级至 2027-05-01：近12个月消费满 ¥3,000 可续期');
  });
});

describe('the spend that counts', () => {
  it.each([
    [68000, 128000, 0, '¥680 | ¥1,280 | 0 人'],
    [320, 100050, 2, '¥3.20 | ¥1,000.50 | 2 人'],
    [0, 0, 3, '¥0 | ¥0 | 3 人'],
  ])('quarter %s fen, 12 months %s fen and %s referrals read as yuan', (quarterSpendFen, yearSpendFen, settledReferrals, shown) => {
    expect(show({ quarterSpendFen, yearSpendFen, settledReferrals }).text('.tier-progress__figure-value')).toBe(shown);
  });

  it('labels each figure', () => {
    expect(show().text('.tier-progress__figure-label')).toBe('本季度消费 | 近12个月消费 | 成功邀请');
  });

  it('says nothing about keeping a tier the member cannot lose', () => {
    expect(show({ keepText: null }).container.querySelector('.tier-progress__keep')).toBeNull();
  });
});

describe('it wears the member card’s colours', () => {
  it.each<Tier['code']>(['explorer', 'grower', 'loyal'])('%s', (code) => {
    const { root } = show({}, { code });
    expect(root.classList.contains(`tier-progress--${code}`)).toBe(true);
    expect(root.getAttribute('data-tier')).toBe(code);
  });
});
