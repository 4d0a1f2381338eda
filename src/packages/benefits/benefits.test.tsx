import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { withText } from '../../../tests/ui/support/dom';
import { fail, ok, programPoints, SUMMARY, summaryWith } from '../../../tests/ui/support/points';
import { recorded, resetTaro, showPage } from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import BenefitsPage from './index';

const summaries = () => recorded.cloudCalls.filter((c) => c.name === 'points' && c.data.action === 'summary');
const tier = (container: HTMLElement, code: string) => container.querySelector(`.tier-benefits__tier[data-tier='${code}']`) as HTMLElement;

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('会员权益', () => {
  it('reads the summary when it shows, and again on every show', async () => {
    programPoints({ summary: ok(SUMMARY) });
    render(<BenefitsPage />);
    await screen.findByText('各等级权益');
    expect(summaries()).toHaveLength(1);
    await act(async () => showPage());
    await waitFor(() => expect(summaries()).toHaveLength(2));
  });

  it('says where the member stands and what is left to the next tier, then every tier with the member’s marked', async () => {
    programPoints({ summary: ok(SUMMARY) });
    const { container } = render(<BenefitsPage />);
    await screen.findByText('各等级权益');
    expect(container.querySelector('.benefits__tier')?.textContent).toBe('探索者');
    expect(container.querySelector('.benefits__next')?.textContent).toBe('本季度再消费 ¥320 升级成长者');
    expect(Array.from(container.querySelectorAll('.tier-benefits__name'), (n) => n.textContent)).toEqual(['探索者', '成长者', '忠诚者']);
    expect(tier(container, 'explorer').getAttribute('aria-current')).toBe('true');
    expect(tier(container, 'grower').querySelector('.tier-benefits__how')?.textContent).toBe('本季度再消费 ¥320 升级成长者');
  });

  it('风格测试 opens the quiz and 3天穿搭灵感 today’s outfits; the next tiers’ benefits open their pages (造型师预约, 私享会, 新品共创), each saying how to unlock it', async () => {
    programPoints({ summary: ok(SUMMARY) });
    const { container } = render(<BenefitsPage />);
    fireEvent.click(await screen.findByText('风格测试'));
    fireEvent.click(screen.getByText('3天穿搭灵感'));
    fireEvent.click(screen.getByText('造型师1对1预约'));
    fireEvent.click(screen.getByText('私享会邀请'));
    fireEvent.click(screen.getByText('新品共创'));
    expect(recorded.navigations).toEqual([
      { api: 'navigateTo', url: '/packages/style/quiz/index' },
      { api: 'navigateTo', url: '/packages/style/outfits/index' },
      { api: 'navigateTo', url: '/packages/benefits/booking/index' },
      { api: 'navigateTo', url: '/packages/benefits/events/index' },
      { api: 'navigateTo', url: '/packages/benefits/cocreation/index' },
    ]);
    expect(tier(container, 'grower').querySelector('.tier-benefits__go--locked')?.textContent).toBe('本季度再消费 ¥320 解锁 ›');
    expect(container.textContent).not.toContain('即将开放');
  });

  it('a 忠诚者 is told they have it all, with how the tier is kept', async () => {
    const keepText = '忠诚者保级至 2027-11-25：近12个月消费超过 ¥3,000 或成功邀请 3 位好友可续期';
    programPoints({ summary: ok(summaryWith({ tier: { ...SUMMARY.tier, code: 'loyal', name: '忠诚者' }, progress: { ...SUMMARY.progress, next: null, keepText } })) });
    const { container } = render(<BenefitsPage />);
    await screen.findByText('各等级权益');
    expect(container.querySelector('.benefits__next')?.textContent).toBe('已是最高等级，尽享全部权益');
    expect(container.querySelector('.benefits__keep')?.textContent).toBe(keepText);
    expect(tier(container, 'loyal').getAttribute('aria-current')).toBe('true');
    expect(container.querySelectorAll('.tier-benefits__how')).toHaveLength(0);
  });

  it('with no tiers to show it says so instead of an empty card', async () => {
    programPoints({ summary: ok(summaryWith({ tiers: [] })) });
    const { container } = render(<BenefitsPage />);
    expect(await screen.findByText('暂时没有可展示的等级权益，请稍后下拉刷新')).toBeTruthy();
    expect(container.querySelector('.tier-benefits')).toBeNull();
  });

  it('shows a placeholder while it reads, and a failure in plain words with a retry that reads again', async () => {
    let down = true;
    programPoints({ summary: () => (down ? fail('UNAVAILABLE') : ok(SUMMARY)) });
    const { container } = render(<BenefitsPage />);
    expect(container.querySelector('.state-loading')).not.toBeNull();
    await screen.findByText(ERROR_TEXT.UNAVAILABLE);
    down = false;
    fireEvent.click(withText(container, 'taro-button-core', '重新加载'));
    await screen.findByText('各等级权益');
  });

  it('someone who is not a member is sent to join', async () => {
    programPoints({ summary: fail('NOT_MEMBER') });
    render(<BenefitsPage />);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });
});
