import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionOutput, ErrorCode } from '../../../cloudfunctions/contract';
import { fail, ok } from '../../../tests/ui/support/member';
import { type CloudRequest, programFunction, recorded, resetTaro } from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import OpsAlertsPage from './alerts/index';
import OpsDashboardPage from './index';

// the canvas itself is drawn by F2 in the mini program and the browser (the e2e screenshots); here, what it stands for
jest.mock('./charts/ChartCanvas', () => ({ ChartCanvas: ({ label }: { label: string }) => <div data-chart={label} /> }));

type Dashboard = ActionOutput<'ops', 'dashboard'>;
type Alerts = ActionOutput<'ops', 'alerts'>;
type Answer = { ok: true; data: unknown } | { ok: false; error: { code: ErrorCode; message: string } };

function programOps(answers: Record<string, Answer | ((data: Record<string, unknown>) => Answer)>) {
  programFunction('ops', async ({ data }: CloudRequest) => {
    const answer = answers[data.action as string];
    if (!answer) return fail('INTERNAL');
    return typeof answer === 'function' ? answer(data) : answer;
  });
}

function dashboard(days: 7 | 30 | 90, over: Partial<Dashboard> = {}): Dashboard {
  const daily = Array.from({ length: days }, (_, i) => ({ date: `2026-12-${String(Math.max(1, 6 - days + 1 + i)).padStart(2, '0')}`, store: i === days - 1 ? 3 : 0, clerks: i === days - 2 ? 2 : 0 }));
  return {
    store: { storeId: 'S001', name: '悦衣库 上海静安店' },
    period: { days, from: daily[0]!.date, through: '2026-12-06' },
    asOf: '2026-12-06T02:00:00.000Z',
    alertsOpen: 0,
    signups: { total: 5, viaStore: 3, viaClerks: 2, daily, clerks: [{ name: '林小悦', role: 'clerk', signedUp: 2 }, { name: '已离岗员工', role: null, signedUp: 0 }] },
    repurchase: { buyers: 4, repeat: 2, pct: 50 },
    tiers: { total: 9, counts: [{ tier: 'explorer', name: '探索者', members: 6 }, { tier: 'grower', name: '成长者', members: 2 }, { tier: 'loyal', name: '忠诚者', members: 1 }], upgrades: [{ tier: 'grower', name: '成长者', members: 1 }, { tier: 'loyal', name: '忠诚者', members: 0 }] },
    points: { outstanding: 1_500, liabilityFen: 6_000, valuedAt: { rewardName: '¥20无门槛券', pointsCost: 500, amountFen: 2_000 }, expiring: { before: '2027-01-06', points: 1_000, members: 1, liabilityFen: 4_000 } },
    coupons: { used: 4, discountFen: 7_000, templates: [{ templateId: 'winter-300-50', name: '冬装满减券', used: 3 }, { templateId: 'reward-20', name: '¥20无门槛券', used: 1 }] },
    referrals: { joined: 2, converted: 1, pct: 50 },
    nps: { answers: 4, promoters: 2, passives: 1, detractors: 1, score: 25 },
    ...over,
  };
}

const ALERT = {
  alertId: 'S001:signupDrop:2026-12-05',
  rule: 'signupDrop',
  ruleName: '新会员骤降',
  day: '2026-12-05',
  dayText: '12月5日 周六',
  value: 2,
  unit: '人',
  baseline: 8,
  text: '12月5日 周六 新入会 2 人，前 4 周同为周六平均 8.0 人，低 75%。请检查门店入会二维码是否摆放、店员是否在邀请入会。',
  raisedAt: '2026-12-05T18:00:00.000Z',
  state: 'open' as const,
  closedBy: null,
  closedAt: null,
};
const RULES: Alerts['rules'] = [{ code: 'signupDrop', name: '新会员骤降', description: '某天新入会人数比前 4 周同一星期几的平均值低 50% 及以上', active: true }];

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('门店看板', () => {
  it('shows each chart with the figures it stands for as text; 近7天 reads 7 days', async () => {
    programOps({ dashboard: (data) => ok(dashboard(data.days as 7 | 30)) });
    const { container } = render(<OpsDashboardPage />);
    expect(await screen.findByText('悦衣库 上海静安店')).toBeTruthy();
    const kpis = Array.from(container.querySelectorAll('.ops-kpi'), (k) => k.textContent);
    expect(kpis).toEqual(['5 人新会员店员码 2 人', '50%复购率2/4 人再次消费', '¥60积分负债1,500 积分', '25NPS4 份评价']);
    expect(screen.getByText('共 5 人入会：门店码 3 人，店员码 2 人；最多的一天是 12月6日（3 人）。')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('[data-chart]'), (c) => c.getAttribute('data-chart'))).toEqual(['每天新会员：共 5 人', '会员等级分布', '各券种核销张数', 'NPS 25']);
    expect(screen.getByText('6 人（67%）')).toBeTruthy();
    expect(screen.getByText('1,000 分 · 1 人 · ¥40')).toBeTruthy();
    expect(screen.getByText('按「¥20无门槛券」500 积分抵 ¥20 折算')).toBeTruthy();
    expect(screen.getByText('50%（1/2 人）')).toBeTruthy();
    fireEvent.click(screen.getByText('近7天'));
    await waitFor(() => expect(container.querySelectorAll('[data-chart]').length).toBe(4));
    expect(recorded.cloudCalls.map((c) => c.data.days)).toEqual([30, 7]);
  });

  it('an empty store says so instead of drawing empty charts, and shares read — not 0 %', async () => {
    const empty = dashboard(30, {
      signups: { total: 0, viaStore: 0, viaClerks: 0, daily: dashboard(30).signups.daily.map((d) => ({ ...d, store: 0, clerks: 0 })), clerks: [] },
      repurchase: { buyers: 0, repeat: 0, pct: null },
      coupons: { used: 0, discountFen: 0, templates: [] },
      nps: { answers: 0, promoters: 0, passives: 0, detractors: 0, score: null },
    });
    programOps({ dashboard: ok(empty) });
    render(<OpsDashboardPage />);
    expect(await screen.findByText('所选天数内本店没有核销优惠券')).toBeTruthy();
    expect(screen.getByText('所选天数内还没有会员评价本店')).toBeTruthy();
    expect(screen.getByText('共 0 人入会：门店码 0 人，店员码 0 人。')).toBeTruthy();
    expect(screen.getAllByText('—').length).toBeGreaterThanOrEqual(2);
  });

  it('open alerts link to 经营预警', async () => {
    programOps({ dashboard: ok(dashboard(30, { alertsOpen: 2 })) });
    render(<OpsDashboardPage />);
    fireEvent.click(await screen.findByText('2 条经营预警待处理'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/ops/alerts/index' }]);
  });

  it('someone who is not a manager is told they have no access, with a way to try again', async () => {
    programOps({ dashboard: fail('FORBIDDEN') });
    render(<OpsDashboardPage />);
    expect(await screen.findByText(ERROR_TEXT.FORBIDDEN)).toBeTruthy();
    expect(screen.getByText('重新加载')).toBeTruthy();
  });
});

describe('经营预警', () => {
  it('lists the open alert with its figure and advice, marks it handled once and reads the list again', async () => {
    let open = true;
    programOps({
      alerts: (data) => ok({ items: data.view === 'open' && open ? [ALERT] : data.view === 'closed' && !open ? [{ ...ALERT, state: 'done', closedBy: '林店长', closedAt: '2026-12-06T02:30:00.000Z' }] : [], open: open ? 1 : 0, rules: RULES }),
      closeAlert: () => {
        open = false;
        return ok({ alertId: ALERT.alertId, state: 'done', closedAt: '2026-12-06T02:30:00.000Z' });
      },
    });
    render(<OpsAlertsPage />);
    expect(await screen.findByText(ALERT.text)).toBeTruthy();
    expect(screen.getByText('待处理（1）')).toBeTruthy();
    expect(screen.getByText('平时 8.0 人')).toBeTruthy();
    fireEvent.click(screen.getByText('标记已处理'));
    expect(await screen.findByText('没有待处理的预警')).toBeTruthy();
    expect(recorded.toasts.at(-1)).toMatchObject({ title: '已标记处理' });
    fireEvent.click(screen.getByText('已处理'));
    expect(await screen.findByText('林店长 于 2026-12-06 10:30 标记已处理')).toBeTruthy();
    expect(recorded.cloudCalls.filter((c) => c.data.action === 'closeAlert')).toHaveLength(1);
  });

  it('a colleague who handled it first is named in plain words', async () => {
    programOps({ alerts: ok({ items: [ALERT], open: 1, rules: RULES }), closeAlert: fail('CONFLICT') });
    render(<OpsAlertsPage />);
    fireEvent.click(await screen.findByText('标记已处理'));
    await waitFor(() => expect(recorded.toasts.at(-1)).toMatchObject({ title: '同事已处理了这条预警' }));
  });
});
