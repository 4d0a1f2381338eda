import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionOutput } from '../../../../cloudfunctions/contract';
import { withText } from '../../../../tests/ui/support/dom';
import { CONSENT, fail, ok, programMember } from '../../../../tests/ui/support/member';
import { recorded, resetTaro, showPage } from '../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../services/errors';
import MyDataPage from './index';

type Export = ActionOutput<'member', 'export'>;

const AT = '2026-11-25T02:00:00.000Z'; // 10:00 in Shanghai
const WELCOME = {
  templateId: 'welcome-80',
  name: '首单8折券',
  kind: 'percent' as const,
  value: '8折',
  rule: '最高减¥300',
  notes: [] as string[],
  couponId: 'welcome-80:312345678901:once',
  status: 'used' as const,
  channel: 'join' as const,
  issuedAt: '2026-11-20T02:00:00.000Z',
  validFrom: '2026-11-20T02:00:00.000Z',
  validUntil: '2026-12-20T16:00:00.000Z',
  validityText: '已于2026-11-25使用',
  expiringSoon: false,
  usedAt: AT,
  endedReason: null,
};

const EXPORT: Export = {
  exportedAt: '2026-11-26T04:30:00.000Z',
  member: {
    memberId: '312345678901',
    wechatOpenid: 'o-wechat-openid-1',
    nickname: '小雨',
    avatar: null,
    birthday: '05-20',
    phone: '13700001234',
    tier: 'grower',
    tierName: '成长者',
    points: 1_000,
    homeStore: { storeId: 'S001', name: '悦衣库 上海静安店' },
    memberSince: '2026-11-20T02:00:00.000Z',
    tierSince: AT,
    birthdayChangedAt: '2026-11-20T02:00:00.000Z',
    lastUpdatedAt: AT,
    joinRef: null,
  },
  tillCode: null,
  consent: CONSENT,
  points: {
    balance: 1_000,
    debt: 0,
    lots: [{ earned: 1_200, remaining: 1_000, earnedAt: AT, expiresAt: '2027-12-31T16:00:00.000Z' }],
    history: [
      { id: 'e:S001:T1', kind: 'earn', points: 1_200, debtSettled: 0, debtAdded: 0, at: AT, title: '门店消费', detail: '悦衣库 上海静安店 · 实付 ¥1,200', expiresAt: '2027-12-31T16:00:00.000Z', balanceAfter: 1_200, seq: 1 },
      { id: 'r:S002:R1', kind: 'refund', points: -200, debtSettled: 0, debtAdded: 0, at: '2026-11-26T02:00:00.000Z', title: '退货扣回', detail: '悦衣库 杭州湖滨店 · 退款 ¥200', expiresAt: null, balanceAfter: 1_000, seq: 2 },
    ],
  },
  reminders: { pointsExpiring: 1, couponExpiring: 0, birthdayGift: 2, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 },
  coupons: [WELCOME],
  orders: [
    {
      orderId: 'T1',
      storeId: 'S001',
      storeName: '悦衣库 上海静安店',
      paidAt: AT,
      items: [
        { sku: 'COAT-01', name: '双面羊毛大衣', qty: 1, priceFen: 120_000 },
        { sku: 'SCARF-02', name: null, qty: 2, priceFen: 15_000 },
      ],
      listedFen: 150_000,
      discountFen: 30_000,
      paidFen: 120_000,
      coupons: [{ couponId: WELCOME.couponId, name: '首单8折券', discountFen: 30_000 }],
      pointsEarned: 1_200,
      refundedFen: 20_000,
      pointsClawedBack: 200,
    },
  ],
  refunds: [
    { refundId: 'R1', storeId: 'S002', storeName: '悦衣库 杭州湖滨店', orderId: 'T1', orderStoreId: 'S001', amountFen: 20_000, at: '2026-11-26T02:00:00.000Z', pointsClawedBack: 200, couponsReturned: [] },
  ],
  messages: [
    {
      template: 'pointsExpiring',
      title: '积分到期提醒',
      status: 'sent',
      at: '2026-11-26T01:00:00.000Z',
      lines: [
        { label: '积分数量', value: '1000' },
        { label: '到期时间', value: '2027-12-31' },
      ],
    },
  ],
  spend: { days: [{ day: '2026-11-25', fen: 100_000 }], quarterFen: 100_000, yearFen: 100_000, settledReferrals: [] },
  tier: {
    tier: 'grower',
    name: '成长者',
    since: AT,
    qualifiedAt: { grower: AT, loyal: null },
    keptUntil: '2027-11-25T02:00:00.000Z',
    history: [{ from: 'explorer', fromName: '探索者', to: 'grower', toName: '成长者', at: AT, reason: 'order' }],
  },
  style: { quiz: null, preferences: {}, productsOpened: { styles: {}, scenes: {}, lastAt: null }, reports: [], wardrobe: [], savedOutfits: [], outfitLists: [] },
  purchases: { firstOrderAt: AT, lastOrderAt: AT, lastWinBackAt: null, winBackDueAt: '2026-12-25T02:00:00.000Z' },
};

const section = (root: ParentNode, id: string) => root.querySelector(`[data-section="${id}"]`) as HTMLElement;
const value = (root: ParentNode, label: string) => withText(root, '.data-field', label).querySelector('.data-field__value')?.textContent;

async function open(answer: unknown = ok(EXPORT)) {
  programMember({ export: () => answer as never });
  const view = render(<MyDataPage />);
  await waitFor(() => expect(view.container.querySelector('.data-section, .state-error')).not.toBeNull());
  return view;
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('导出我的数据 shows everything held, readable in Chinese', () => {
  it('shows the sections under Chinese headings, in the order a member thinks of them', async () => {
    const { container } = await open();
    expect(Array.from(container.querySelectorAll('.data-section .section-title'), (t) => t.textContent)).toEqual([
      '个人资料',
      '授权记录',
      '积分',
      '积分明细',
      '优惠券',
      '订单',
      '退货',
      '消息提醒',
      '消费金额',
      '等级记录',
      '风格档案',
      '会员服务',
      '门店记录',
    ]);
  });

  it('never shows the JSON keys', async () => {
    const { container } = await open();
    expect(container.textContent).not.toMatch(/memberId|wechatOpenid|paidFen|listedFen|quarterFen|pointsExpiring|explorer|grower|exportedAt|"/);
  });

  it('shows an order with its basket, amounts in ¥ from fen, the coupon and the paid time in Shanghai', async () => {
    const order = section((await open()).container, 'orders');
    expect(value(order, '券前金额')).toBe('¥1,500');
    expect(value(order, '实付金额')).toBe('¥1,200');
    expect(value(order, '使用优惠券')).toBe('首单8折券，减 ¥300');
    expect(order.querySelector('.data-entry__note')?.textContent).toBe('2026-11-25 10:00 付款 · 门店编号 S001');
    expect(Array.from(order.querySelectorAll('.data-field'), (f) => f.textContent).filter((t) => t?.startsWith('商品'))).toEqual([
      '商品双面羊毛大衣 × 1，单价 ¥1,200',
      '商品SCARF-02 × 2，单价 ¥150',
    ]);
    expect(value(order, '已退款')).toBe('¥200（扣回 200 分）');
  });

  it('shows refunds, messages, spend and tier history in plain words', async () => {
    const { container } = await open();
    expect(value(section(container, 'refunds'), '退货门店')).toBe('悦衣库 杭州湖滨店（S002）');
    const messages = section(container, 'messages');
    expect(value(messages, '积分到期提醒')).toBe('还可提醒 1 次');
    expect(withText(messages, '.data-entry', '积分到期提醒').querySelector('.data-entry__aside')?.textContent).toBe('已发送');
    expect(value(messages, '积分数量')).toBe('1000');
    const spend = section(container, 'spend');
    expect(value(spend, '本季度消费')).toBe('¥1,000');
    expect(withText(spend, '.data-entry', '2026年11月25日').querySelector('.data-entry__aside')?.textContent).toBe('¥1,000');
    const tier = section(container, 'tier');
    expect(value(tier, '当前等级')).toBe('成长者');
    expect(withText(tier, '.data-entry', '探索者 → 成长者').textContent).toContain('到店消费');
    const pointsPart = section(container, 'points');
    expect(withText(pointsPart, '.data-entry', '获得 1,200 分').textContent).toBe('获得 1,200 分剩 1,000 分2026-11-25 获得 · 2027-12-31 到期');
    expect(withText(section(container, 'pointsHistory'), '.data-entry', '退货扣回').querySelector('.data-entry__aside')?.textContent).toBe('-200 分');
    expect(value(section(container, 'profile'), '手机号')).toBe('13700001234');
    expect(value(section(container, 'profile'), '生日')).toBe('5月20日');
  });

  it('shows stylist bookings, event sign-ups and co-creation votes, and what the store noted and tagged, by store', async () => {
    const { container } = await open(
      ok({
        ...EXPORT,
        bookings: [{ bookingId: 'b1', storeName: '悦衣库 上海静安店', stylistName: '陈造型', startAt: '2026-11-26T06:00:00.000Z', scene: '面试', budgetFen: 150_000, note: null, state: 'cancelled', cancelReason: '因会员等级调整，你的预约已取消', bookedAt: AT }],
        eventSignUps: [{ eventId: 'e1', title: '冬季新品私享会', storeName: '悦衣库 上海静安店', startsAt: '2026-12-20T10:30:00.000Z', state: 'seat', signedUpAt: AT, checkedInAt: '2026-12-20T10:35:00.000Z' }],
        cocreationVotes: [{ pieceId: 'cc-1', pieceName: '云朵羊毛短开衫', like: true, fit: 4, price: 3, comment: '袖子再长一点', votedAt: AT }],
        staffNotes: [{ storeName: '悦衣库 上海静安店', kind: 'complaint', text: '裤长改错了', at: AT }],
        staffTags: [{ tag: '新客', storeName: '悦衣库 上海静安店', at: AT }],
      }),
    );
    const services = section(container, 'services');
    expect(withText(services, '.data-entry', '造型师1对1 · 陈造型').querySelector('.data-entry__aside')?.textContent).toBe('已取消');
    expect(value(services, '预算')).toBe('¥1,500');
    expect(value(services, '取消原因')).toBe('因会员等级调整，你的预约已取消');
    expect(withText(services, '.data-entry', '冬季新品私享会').querySelector('.data-entry__aside')?.textContent).toBe('已签到');
    expect(value(services, '留言')).toBe('袖子再长一点');
    const staff = section(container, 'staff');
    expect(value(staff, '门店标签')).toBe('新客');
    expect(withText(staff, '.data-entry', '投诉 · 悦衣库 上海静安店').textContent).toContain('裤长改错了');
  });

  it('says so where a section holds nothing', async () => {
    const { container } = await open(ok({ ...EXPORT, orders: [], refunds: [], messages: [] }));
    expect(section(container, 'orders').querySelector('.data-section__none')?.textContent).toBe('暂无订单');
    expect(section(container, 'refunds').querySelector('.data-section__none')?.textContent).toBe('暂无退货');
    expect(section(container, 'messages').querySelector('.data-section__none')?.textContent).toBe('还没有发送过提醒');
  });

  it('shows the first 5 records of a long list, and all of them on a tap', async () => {
    const days = Array.from({ length: 8 }, (_, i) => ({ day: `2026-11-${String(10 + i)}`, fen: 1_000 }));
    const { container } = await open(ok({ ...EXPORT, spend: { ...EXPORT.spend, days } }));
    const spend = section(container, 'spend');
    expect(spend.querySelectorAll('.data-entry')).toHaveLength(5);
    fireEvent.click(withText(spend, '.data-section__more', '查看全部 8 条'));
    expect(spend.querySelectorAll('.data-entry')).toHaveLength(8);
  });
});

describe('复制全部数据 copies the JSON', () => {
  it('copies the whole export as JSON and says it was copied', async () => {
    const { container } = await open();
    fireEvent.click(container.querySelector('taro-button-core.my-data__copy') as HTMLElement);
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '已复制全部数据', icon: 'success' }]));
    expect(recorded.clipboard).toHaveLength(1);
    expect(JSON.parse(recorded.clipboard[0]!)).toEqual(EXPORT);
  });
});

describe('loading, failing and reading again', () => {
  it('shows a loading block until the data arrives', async () => {
    let release: (a: unknown) => void = () => undefined;
    programMember({ export: () => new Promise((r) => (release = r)) as never });
    const { container } = render(<MyDataPage />);
    expect(container.querySelector('[aria-busy="true"]')?.getAttribute('aria-label')).toBe('正在整理你的数据');
    await act(async () => release(ok(EXPORT)));
    await screen.findByText('个人资料');
  });

  it('says what went wrong in plain words, and reads again on 重新加载', async () => {
    let answer: unknown = fail('UNAVAILABLE');
    programMember({ export: () => answer as never });
    const { container } = render(<MyDataPage />);
    await screen.findByText(ERROR_TEXT.UNAVAILABLE);
    answer = ok(EXPORT);
    fireEvent.click(withText(container, 'taro-button-core', '重新加载'));
    await screen.findByText('个人资料');
  });

  it('sends a member who left on another device to join', async () => {
    programMember({ export: () => fail('NOT_MEMBER') as never });
    render(<MyDataPage />);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });

  it('reads the data again each time the page shows', async () => {
    await open();
    await act(async () => showPage());
    await waitFor(() => expect(recorded.cloudCalls.filter((c) => c.data.action === 'export')).toHaveLength(2));
  });
});
