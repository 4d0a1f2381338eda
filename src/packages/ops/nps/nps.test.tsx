import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fail, ok } from '../../../../tests/ui/support/member';
import { programFunction, recorded, resetTaro } from '../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../services/errors';
import type { NpsReport } from '../../../services/opsNps';
import OpsNpsPage from './index';
import { npsText, npsVerdict, shareWidths } from './words';

const figure = (promoters: number, passives: number, detractors: number, nps: number | null, promoterShare: number | null, detractorShare: number | null) => ({ nps, total: promoters + passives + detractors, promoters, passives, detractors, promoterShare, detractorShare });
const REPORT: NpsReport = {
  period: 'month',
  label: '近30天（11月7日–12月6日）',
  from: '2026-11-06T16:00:00.000Z',
  until: '2026-12-06T16:00:00.000Z',
  storeName: '悦衣库 上海静安店',
  store: figure(4, 2, 3, 11, 44, 33),
  clerks: [
    { name: '林小悦', role: 'clerk', active: true, ...figure(3, 1, 1, 40, 60, 20) },
    { name: '陈造型', role: 'stylist', active: true, ...figure(1, 1, 1, 0, 33, 33) },
    { name: '林店长', role: 'manager', active: true, ...figure(0, 0, 0, null, null, null) },
  ],
  unattributed: figure(0, 0, 1, -100, 0, 100),
  reasons: [{ nickname: '李*', score: 3, band: 'detractor', reason: '没人理我 138****5678', at: '2026-12-05T06:30:00.000Z', clerkName: '林小悦' }],
};

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('顾客满意度 (ops NPS, managers)', () => {
  it("shows the store's NPS with the counts as text, each clerk's, what no clerk is credited with, and the latest reasons masked; 近7天 reads the week", async () => {
    programFunction('ops', (r) => (r.data.period === 'week' ? ok({ ...REPORT, period: 'week', label: '近7天（11月30日–12月6日）', store: figure(0, 0, 0, null, null, null), clerks: [], unattributed: figure(0, 0, 0, null, null, null), reasons: [] }) : ok(REPORT)));
    const { container } = render(<OpsNpsPage />);
    expect(await screen.findByText('顾客满意度 NPS · 近30天（11月7日–12月6日）')).toBeTruthy();
    expect(screen.getByText('悦衣库 上海静安店')).toBeTruthy();
    expect(container.querySelector('.ops-nps__score')?.textContent).toBe('+11');
    expect(container.querySelector('.ops-nps__legend')?.textContent).toBe('推荐者 4（44%）中立者 2贬损者 3（33%）');
    expect(Array.from(container.querySelectorAll('.ops-nps__clerk'), (c) => c.textContent)).toEqual([
      '林小悦导购+405 条 · 推荐 3 · 中立 1 · 贬损 1',
      '陈造型造型师03 条 · 推荐 1 · 中立 1 · 贬损 1',
      '林店长店长—暂无评价',
      '未归属店员无店员扫码服务，且非店员拉新−1001 条 · 推荐 0 · 中立 0 · 贬损 1',
    ]);
    // red below 0, grey with no answers
    expect(Array.from(container.querySelectorAll('.ops-nps__score--low'), (e) => e.textContent)).toEqual(['−100']);
    expect(Array.from(container.querySelectorAll('.ops-nps__score--none'), (e) => e.textContent)).toEqual(['—']);
    expect(container.querySelector('.ops-nps__reason')?.textContent).toBe('3 分 · 贬损李*12月5日 14:30 · 林小悦没人理我 138****5678');
    fireEvent.click(screen.getByText('近7天'));
    expect(await screen.findByText('这段时间还没有顾客评价。顾客在门店消费后，会员卡的「消费成功」页会请他们打分。')).toBeTruthy();
    expect(container.querySelector('.ops-nps__score')?.textContent).toBe('—');
    expect(screen.getByText('这段时间还没有顾客留下理由')).toBeTruthy();
    expect(recorded.cloudCalls.map((c) => [c.name, c.data.action, c.data.period])).toEqual([
      ['ops', 'npsReport', 'month'],
      ['ops', 'npsReport', 'week'],
    ]);
  });

  it('someone who is not a manager is told they have no access, with a retry', async () => {
    programFunction('ops', () => fail('FORBIDDEN'));
    render(<OpsNpsPage />);
    expect(await screen.findByText(ERROR_TEXT.FORBIDDEN)).toBeTruthy();
    expect(screen.getByText('重新加载')).toBeTruthy();
    await waitFor(() => expect(recorded.navigations).toEqual([]));
  });
});

describe('NPS in words', () => {
  it.each([
    [40, '+40'],
    [0, '0'],
    [-25, '−25'],
    [null, '—'],
  ])('%s reads %s', (nps, text) => expect(npsText(nps)).toBe(text));
  it.each([
    [figure(0, 0, 0, null, null, null), '暂无评价'],
    [figure(3, 0, 0, 100, 100, 0), '样本较少（3 条），仅供参考'],
    [figure(7, 3, 0, 70, 70, 0), '口碑优秀'],
    [figure(4, 4, 2, 20, 40, 20), '口碑良好'],
    [figure(3, 4, 3, 0, 30, 30), '口碑一般，仍有提升空间'],
    [figure(2, 3, 5, -30, 20, 50), '贬损者多于推荐者，需要关注'],
  ])('%j: %s', (f, words) => expect(npsVerdict(f)).toBe(words));
  it('the bar\'s parts sum to the whole', () => {
    const w = shareWidths(figure(1, 1, 1, 0, 33, 33));
    expect(w.promoters + w.passives + w.detractors).toBeCloseTo(100);
  });
});
