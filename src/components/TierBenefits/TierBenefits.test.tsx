import { fireEvent, render } from '@testing-library/react';
import type { PointsSummary } from '../../../cloudfunctions/contract';
import { TIERS } from '../../../tests/ui/support/points';
import { TierBenefits } from './index';

function show(current: PointsSummary['tier']['code']) {
  const { container } = render(<TierBenefits tiers={TIERS} current={current} />);
  const tiers = Array.from(container.querySelectorAll('.tier-benefits__tier'));
  return { container, tiers };
}

describe('every tier and what it brings', () => {
  it('lists each tier in order with how it is reached and its benefits', () => {
    const { tiers } = show('explorer');
    expect(tiers.map((t) => t.querySelector('.tier-benefits__name')?.textContent)).toEqual(['探索者', '成长者', '忠诚者']);
    expect(tiers[2]?.querySelector('.tier-benefits__rule')?.textContent).toBe('近12个月消费超过 ¥3,000，或成功邀请 3 位好友');
    expect(Array.from(tiers[1]!.querySelectorAll('.tier-benefits__benefit'), (b) => b.textContent)).toEqual(['造型师1对1预约', '生日月双倍积分']);
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

describe('a benefit that opens a page', () => {
  it('is a link with the way in: 风格测试 opens what the page gives it, the others stay words', () => {
    let opened = 0;
    const { container } = render(<TierBenefits tiers={TIERS} current='explorer' links={{ 风格测试: () => (opened += 1) }} />);
    const links = container.querySelectorAll('.tier-benefits__benefit--link');
    expect(Array.from(links, (l) => l.textContent)).toEqual(['风格测试去看看 ›']);
    expect(links[0]!.getAttribute('role')).toBe('link');
    fireEvent.click(links[0]!);
    expect(opened).toBe(1);
    expect(container.querySelectorAll('.tier-benefits__benefit').length).toBe(TIERS.flatMap((t) => t.benefits).length);
  });
});
