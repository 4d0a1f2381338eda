import { fireEvent, render } from '@testing-library/react';
import type { PointsSummary } from '../../../cloudfunctions/contract';
import { SUMMARY, TIERS } from '../../../tests/ui/support/points';
import { type BenefitLink, TierBenefits } from './TierBenefits';

function show(current: PointsSummary['tier']['code'], next: PointsSummary['progress']['next'] = null) {
  const { container } = render(<TierBenefits tiers={TIERS} current={current} next={next} />);
  const tiers = Array.from(container.querySelectorAll('.tier-benefits__tier'));
  return { container, tiers };
}

const benefits = (tier: Element | undefined) => Array.from(tier?.querySelectorAll('.tier-benefits__benefit') ?? [], (b) => b.textContent);

describe('every tier and what it brings', () => {
  it('lists each tier in order with how it is reached and its benefits', () => {
    const { tiers } = show('explorer');
    expect(tiers.map((t) => t.querySelector('.tier-benefits__name')?.textContent)).toEqual(['探索者', '成长者', '忠诚者']);
    expect(tiers[2]?.querySelector('.tier-benefits__rule')?.textContent).toBe('近12个月消费超过 ¥3,000，或成功邀请 3 位好友');
    expect(benefits(tiers[0])).toEqual(['首单8折券', '风格测试', '3天穿搭灵感']);
  });

  it.each<[PointsSummary['tier']['code'], number]>([
    ['explorer', 0],
    ['grower', 1],
    ['loyal', 2],
  ])('marks the member’s own tier (%s), and only that one', (current, index) => {
    const { tiers, container } = show(current);
    expect(container.querySelectorAll('.tier-benefits__mine')).toHaveLength(1);
    expect(tiers[index]?.querySelector('.tier-benefits__mine')?.textContent).toBe('当前等级');
    expect(tiers.map((t) => t.classList.contains('tier-benefits__tier--current'))).toEqual([0, 1, 2].map((i) => i === index));
  });
});

describe('how to get to the next tier', () => {
  it('the next tier says what is left (the summary’s words); no other tier does', () => {
    const { tiers, container } = show('explorer', SUMMARY.progress.next);
    expect(container.querySelectorAll('.tier-benefits__how')).toHaveLength(1);
    expect(tiers[1]?.querySelector('.tier-benefits__how')?.textContent).toBe('本季度再消费 ¥320 升级成长者');
  });

  it('at the top nothing is left to say', () => {
    const { container } = show('loyal', null);
    expect(container.querySelectorAll('.tier-benefits__how')).toHaveLength(0);
  });
});

describe('a benefit listed works: it opens its page, or says how to unlock it', () => {
  const open = (): BenefitLink => ({ open: () => undefined, go: '去预约' });
  const LINKS = { 造型师1对1预约: open(), 私享会邀请: open(), 品牌体验官: open(), 新品共创: open() };

  it('in the member’s own tier (and below) a benefit opens its page with its way in', () => {
    let opened = 0;
    const { container } = render(<TierBenefits tiers={TIERS} current='grower' links={{ ...LINKS, 造型师1对1预约: { open: () => (opened += 1), go: '去预约' } }} />);
    const booking = Array.from(container.querySelectorAll('.tier-benefits__benefit--link')).find((l) => l.textContent?.startsWith('造型师1对1预约'))!;
    expect(booking.textContent).toBe('造型师1对1预约去预约 ›');
    expect(booking.getAttribute('role')).toBe('link');
    fireEvent.click(booking);
    expect(opened).toBe(1);
  });

  it('an 探索者 sees what is left to unlock the next tier’s benefits (再消费 ¥320 解锁), and the tier to reach for the one after; each still opens its page, which says the same', () => {
    const { container } = render(<TierBenefits tiers={TIERS} current='explorer' next={SUMMARY.progress.next} links={LINKS} />);
    const words = Array.from(container.querySelectorAll('.tier-benefits__benefit--link'), (l) => l.textContent);
    expect(words).toEqual(['造型师1对1预约本季度再消费 ¥320 解锁 ›', '品牌体验官升级忠诚者后可用 ›', '新品共创升级忠诚者后可用 ›', '私享会邀请升级忠诚者后可用 ›']);
    expect(container.querySelectorAll('.tier-benefits__go--locked')).toHaveLength(4);
  });

  it('nothing is listed as 即将开放 any more: every benefit is built', () => {
    const { container } = render(<TierBenefits tiers={TIERS} current='loyal' links={LINKS} />);
    expect(container.querySelectorAll('.tier-benefits__benefit--soon')).toHaveLength(0);
    expect(container.textContent).not.toContain('即将开放');
  });
});
