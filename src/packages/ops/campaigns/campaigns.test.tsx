import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { typeInto } from '../../../../tests/ui/support/dom';
import { answerModals, programFunction, recorded, resetTaro } from '../../../../tests/ui/support/taro';
import type { CampaignOptions, CampaignResultsView, CampaignRow } from '../../../services/opsCampaigns';
import { upliftWords } from './CampaignResults';
import { blankForm, launchOf } from './form';
import OpsCampaignsPage from './index';

type Answers = Record<string, (data: Record<string, any>) => unknown>;
const ok = <T,>(data: T) => ({ ok: true as const, data });
const fail = (code: string) => ({ ok: false as const, error: { code, message: `${code}: never shown` } });
function programOps(answers: Answers) {
  programFunction('ops', async ({ data }) => {
    const answer = answers[String(data.action)];
    return answer ? answer(data) : fail('INTERNAL');
  });
}
const calls = (action: string) => recorded.cloudCalls.filter((c) => c.name === 'ops' && c.data.action === action);

const ROW: CampaignRow = {
  campaignId: 'S001-r1abc-xyz12345',
  name: '沉睡会员唤醒',
  status: 'done',
  statusText: '已完成',
  templateName: '好久不见券',
  audienceText: '沉睡型 · 全部等级',
  budgetText: '最多 1,000 张',
  message: true,
  controlPercent: 10,
  startAt: '2026-11-25T02:00:00.000Z',
  createdAt: '2026-11-25T02:00:00.000Z',
  createdBy: '林店长',
  treated: 900,
  control: 100,
  skipped: 3,
  issued: 900,
  messaged: 420,
};
const OPTIONS: CampaignOptions = {
  storeName: '悦衣库 上海静安店',
  templates: [{ templateId: 'win-back-30', name: '好久不见券', value: '¥30', rule: '满¥199可用', validity: '发放后 14 天内有效', costFen: 3_000, forTiers: null }],
  segments: [
    { code: 'dormant', name: '沉睡型', members: 1_000 },
    { code: 'loyal', name: '忠实型', members: 320 },
  ],
  tiers: [
    { code: 'explorer', name: '探索者' },
    { code: 'grower', name: '成长者' },
    { code: 'loyal', name: '忠诚者' },
  ],
  tags: [{ tagId: 'care-vip', name: '重要客户' }],
  scoredOn: '2026-11-25',
};
const RESULTS: CampaignResultsView = {
  campaign: ROW,
  results: {
    issued: 900,
    used: 120,
    usedWithin7Days: 80,
    usedWithin30Days: 120,
    attributedSalesFen: 3_600_000,
    discountFen: 360_000,
    roi: 9,
    treated: { members: 900, purchasers: 180, rate: 0.2 },
    control: { members: 100, purchasers: 12, rate: 0.12 },
    upliftPoints: 8,
    incrementalPurchasers: 72,
    windowDays: 30,
    windowEndsAt: '2026-12-25T02:00:00.000Z',
    windowClosed: false,
  },
};
const WORLD: Answers = { campaigns: () => ok({ campaigns: [ROW] }), campaignOptions: () => ok(OPTIONS), campaignResults: () => ok(RESULTS) };

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('精准营销', () => {
  it("lists the store's campaigns with their progress", async () => {
    programOps(WORLD);
    render(<OpsCampaignsPage />);
    await screen.findByText('沉睡会员唤醒');
    expect(screen.getByText('好久不见券 · 沉睡型 · 全部等级')).toBeTruthy();
    expect(screen.getByText('已发 900 · 对照 100 · 2026-11-25 10:00 开始 ›')).toBeTruthy();
  });

  it('says so when there is none yet, and tells a clerk the page is the manager’s', async () => {
    programOps({ campaigns: () => ok({ campaigns: [] }) });
    const first = render(<OpsCampaignsPage />);
    await screen.findByText(/还没有活动/);
    first.unmount();
    programOps({ campaigns: () => fail('FORBIDDEN') });
    render(<OpsCampaignsPage />);
    await screen.findByText('精准营销仅对店长开放');
  });

  it('opens a campaign: each figure with what it means, ROI and the uplift against the control group', async () => {
    programOps(WORLD);
    render(<OpsCampaignsPage />);
    fireEvent.click(await screen.findByText('沉睡会员唤醒'));
    await screen.findByText('活动效果');
    expect(screen.getByText('¥36,000')).toBeTruthy();
    expect(screen.getByText('9.00')).toBeTruthy();
    expect(screen.getByText('核销率 13.3%')).toBeTruthy();
    expect(screen.getByText('20.0%（180/900）')).toBeTruthy();
    expect(screen.getByText('12.0%（12/100）')).toBeTruthy();
    expect(screen.getByText('提升 +8.0 个百分点，约多带来 72 位购买会员')).toBeTruthy();
    expect(calls('campaignResults')[0]!.data).toEqual({ action: 'campaignResults', campaignId: ROW.campaignId });
    // a finished campaign cannot be stopped: no dead button
    expect(screen.queryByText('停止活动')).toBeNull();
  });

  it('builds a campaign: previews the chosen audience (masked), refuses a form without an offer, launches once after the confirmation', async () => {
    programOps({
      ...WORLD,
      campaignPreview: () => ok({ members: 1_000, expectedControl: 100, sample: [{ memberNo: '3000****0001', nickname: '王**', phoneMasked: '138****0000', tierName: '探索者', segmentName: '沉睡型' }] }),
      launchCampaign: (data) => ok({ campaign: { ...ROW, name: data.name, status: 'issuing', statusText: '发券中' }, created: true }),
    });
    const { container } = render(<OpsCampaignsPage />);
    fireEvent.click(await screen.findByText('新建营销活动'));
    await screen.findByText('目标人群 · 悦衣库 上海静安店');
    fireEvent.click(screen.getByText('沉睡型 1000'));
    fireEvent.click(screen.getByText('预览人群'));
    await screen.findByText('共 1,000 人');
    expect(screen.getByText('王**')).toBeTruthy();
    expect(calls('campaignPreview')[0]!.data).toEqual({ action: 'campaignPreview', audience: { segments: ['dormant'], tiers: [], tags: [], optedInOnly: false }, controlPercent: 10 });

    typeInto(container.querySelector('.camp-input'), '冬季唤醒');
    fireEvent.click(screen.getByText('发起活动'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toContain('请选择要发放的优惠券'));
    expect(calls('launchCampaign')).toHaveLength(0);

    fireEvent.click(screen.getByText('好久不见券'));
    answerModals(true);
    fireEvent.click(screen.getByText('发起活动'));
    await waitFor(() => expect(calls('launchCampaign')).toHaveLength(1));
    expect(calls('launchCampaign')[0]!.data).toMatchObject({ name: '冬季唤醒', templateId: 'win-back-30', controlPercent: 10, message: false, budget: { maxCoupons: null, maxDiscountFen: null }, audience: { segments: ['dormant'] } });
    expect(calls('launchCampaign')[0]!.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,40}$/);
    await act(async () => undefined);
    await screen.findByText('活动效果');
  });

  it('sends nothing when the manager cancels the confirmation', async () => {
    programOps(WORLD);
    const { container } = render(<OpsCampaignsPage />);
    fireEvent.click(await screen.findByText('新建营销活动'));
    await screen.findByText('发放的优惠券');
    typeInto(container.querySelector('.camp-input'), '冬季唤醒');
    fireEvent.click(screen.getByText('好久不见券'));
    answerModals(false);
    fireEvent.click(screen.getByText('发起活动'));
    await act(async () => undefined);
    expect(calls('launchCampaign')).toHaveLength(0);
  });
});

describe('the launch form says what is wrong before anyone waits', () => {
  const now = Date.parse('2026-11-25T02:00:00.000Z');
  const base = { ...blankForm(now), name: '冬季唤醒', templateId: 'win-back-30' };
  it.each<[string, Partial<ReturnType<typeof blankForm>>, string | null]>([
    ['a complete form', {}, null],
    ['no name', { name: '  ' }, '请填写活动名称'],
    ['no offer', { templateId: null }, '请选择要发放的优惠券'],
    ['a cap of 2.5 coupons', { maxCoupons: '2.5' }, '发券上限请填正整数，或留空表示不限'],
    ['a discount cap of 0 yuan', { maxDiscountYuan: '0' }, '优惠金额上限请填整数元，或留空表示不限'],
    ['a start in the past', { startNow: false, day: '2026-11-24' }, '定时开始须晚于现在'],
    ['a start 100 days ahead', { startNow: false, day: '2027-03-05' }, '最多提前 90 天定时'],
  ])('%s', (_what, over, problem) => {
    const made = launchOf({ ...base, ...over }, now);
    expect('problem' in made ? made.problem : null).toBe(problem);
  });

  it('turns yuan into fen and a shop-time start into an instant', () => {
    const made = launchOf({ ...base, maxDiscountYuan: '500', maxCoupons: '200', startNow: false, day: '2026-11-26', time: '10:00' }, now);
    expect(made).toMatchObject({ launch: { budget: { maxCoupons: 200, maxDiscountFen: 50_000 }, startAt: '2026-11-26T02:00:00.000Z' } });
  });
});

describe('the uplift in words', () => {
  it.each<[number | null, number | null, string]>([
    [8, 72, '提升 +8.0 个百分点，约多带来 72 位购买会员'],
    [0.2, 0.4, '提升 +0.2 个百分点'],
    [-3.25, -10, '发券组购买率低于对照组 3.3 个百分点'],
    [null, null, '未设对照组，无法衡量提升'],
  ])('%s points, %s purchasers', (points, extra, words) => {
    expect(upliftWords(points, extra)).toBe(words);
  });
});

describe("a member's export names the campaigns that took them in", () => {
  it('as 门店记录: given the coupon, or held out', async () => {
    const { staffSection } = await import('../../privacy/export/readableServices');
    const section = staffSection({ campaigns: [{ campaignId: 'S001-a', name: '沉睡会员唤醒', group: 'control', plannedAt: '2026-11-25T02:00:00.000Z' }] } as never);
    expect(section.entries).toEqual([{ key: 'campaign-S001-a', title: '营销活动 · 沉睡会员唤醒', aside: '对照组（未发券）', note: expect.stringContaining('2026'), fields: [] }]);
  });
});
