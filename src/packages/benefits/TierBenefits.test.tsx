import { fireEvent, render } from '@testing-library/react';
import type { PointsSummary } from '../../../cloudfunctions/contract';
import { SUMMARY, TIERS } from '../../../tests/ui/support/points';
import { TierBenefits } from './TierBenefits';

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

describe('a benefit listed works, or says it is coming', () => {
  it('造型师1对1预约, 品牌体验官, 新品共创 and 私享会邀请 say 即将开放 and open nothing', () => {
    const { tiers, container } = show('loyal');
    expect(benefits(tiers[1])).toEqual(['造型师1对1预约 · 即将开放', '生日月双倍积分']);
    expect(benefits(tiers[2])).toEqual(['品牌体验官 · 即将开放', '新品共创 · 即将开放', '私享会邀请 · 即将开放']);
    for (const soon of Array.from(container.querySelectorAll('.tier-benefits__benefit--soon'))) expect(soon.getAttribute('role')).toBeNull();
    expect(container.querySelectorAll('.tier-benefits__benefit--soon')).toHaveLength(4);
  });

  it('a benefit that opens a page is a link with the way in; the others stay words', () => {
    let opened = 0;
    const { container } = render(<TierBenefits tiers={TIERS} current='explorer' links={{ 风格测试: () => (opened += 1) }} />);
    const links = container.querySelectorAll('.tier-benefits__benefit--link');
    expect(Array.from(links, (l) => l.textContent)).toEqual(['风格测试去看看 ›']);
    expect(links[0]!.getAttribute('role')).toBe('link');
    fireEvent.click(links[0]!);
    expect(opened).toBe(1);
    expect(container.querySelectorAll('.tier-benefits__benefit').length).toBe(TIERS.flatMap((t) => t.benefits).length);
  });

  it('a link never makes an unbuilt benefit usable', () => {
    const { container } = render(<TierBenefits tiers={TIERS} current='grower' links={{ 造型师1对1预约: () => undefined }} />);
    expect(container.querySelectorAll('.tier-benefits__benefit--link')).toHaveLength(0);
  });
});
