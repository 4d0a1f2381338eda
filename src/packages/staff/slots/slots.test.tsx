import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionOutput } from '../../../../cloudfunctions/contract';
import { withText } from '../../../../tests/ui/support/dom';
import { fail, ok, programActions } from '../../../../tests/ui/support/member';
import { recorded, resetTaro } from '../../../../tests/ui/support/taro';
import StaffSlotsPage from './index';

type Day = ActionOutput<'benefits', 'mySlots'>;
type Slot = Day['slots'][number];

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.name === 'benefits' && c.data.action === action);
const FREE: Slot = { slotId: 'S001-20261126-0885-abcdef12', startAt: '2026-11-26T06:45:00.000Z', time: '14:45–15:30', stylistName: '陈造型', booking: null };
const BOOKED: Slot = {
  slotId: 'S001-20261126-0840-abcdef12',
  startAt: '2026-11-26T06:00:00.000Z',
  time: '14:00–14:45',
  stylistName: '陈造型',
  booking: {
    bookingId: '100000000001:req-00000001',
    state: 'booked',
    scene: '面试',
    budgetFen: 150_000,
    note: '想要显瘦一点',
    member: { nickname: '王女士', phoneMasked: '138****0000', tierName: '成长者', stillEligible: true },
    style: { season: '暖秋', styles: ['通勤', '法式'] },
    pieces: [{ name: '米色风衣', image: 'https://x/w1.jpg' }],
    wardrobe: [{ name: '白衬衫', image: 'https://x/w2.jpg' }],
    canMark: true,
    canMarkNoShow: true,
  },
};
const DAYS = [{ day: '20261126', label: '今天' }, { day: '20261127', label: '明天' }, { day: '20261128', label: '11月28日' }];
const day = (slots: Slot[]): Day => ({ day: '20261126', dayLabel: '11月26日 周四', days: DAYS, stylistName: '陈造型', storeName: '悦衣库 上海静安店', slots });

const program = (answers: Parameters<typeof programActions>[1]) => programActions('benefits', answers);

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('我的预约时段', () => {
  it("shows each booked member masked with what they asked for, their style and wardrobe; 已完成 records it", async () => {
    let marked = false;
    program({
      mySlots: () => ok(day([{ ...BOOKED, booking: { ...BOOKED.booking!, state: marked ? 'done' : 'booked' } }, FREE])),
      markVisit: () => {
        marked = true;
        return ok({ bookingId: BOOKED.booking!.bookingId, state: 'done' });
      },
    });
    const { container } = render(<StaffSlotsPage />);
    expect(await screen.findByText('王女士 · 成长者 · 138****0000')).toBeTruthy();
    expect(screen.getByText('想解决：面试 · 预算 ¥1,500')).toBeTruthy();
    expect(screen.getByText('留言：想要显瘦一点')).toBeTruthy();
    expect(screen.getByText('风格报告：暖秋 · 通勤 / 法式')).toBeTruthy();
    expect(screen.getByText('米色风衣')).toBeTruthy();
    expect(screen.getByText('白衬衫')).toBeTruthy();
    expect(screen.getByText('空闲 · 陈造型')).toBeTruthy();
    fireEvent.click(withText(container, 'taro-button-core', '已完成'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '已记录：已完成', icon: 'success' }]));
    expect(calls('markVisit').map((c) => c.data)).toEqual([{ action: 'markVisit', bookingId: BOOKED.booking!.bookingId, outcome: 'done' }]);
    await waitFor(() => expect(container.querySelectorAll('taro-button-core')).toHaveLength(1)); // only 发布时段 is left
  });

  it('a member who lost the tier: no 已完成, said plainly; 未到店 stays', async () => {
    program({ mySlots: ok(day([{ ...BOOKED, booking: { ...BOOKED.booking!, member: { ...BOOKED.booking!.member, tierName: '探索者', stillEligible: false } } }])) });
    const { container } = render(<StaffSlotsPage />);
    expect(await screen.findByText('该会员已不是成长者，本次1对1不能进行')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('taro-button-core')).map((b) => b.textContent)).toEqual(['未到店', '发布时段']);
  });

  it('at the start of the visit only 已完成 is offered: 未到店 waits until the member is 15 minutes late', async () => {
    program({ mySlots: ok(day([{ ...BOOKED, booking: { ...BOOKED.booking!, canMarkNoShow: false } }])) });
    const { container } = render(<StaffSlotsPage />);
    expect(await screen.findByText('开始 15 分钟后仍未到店，可标记未到店')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('taro-button-core')).map((b) => b.textContent)).toEqual(['已完成', '发布时段']);
  });

  it('offers the days the shop\'s clock gives (not the phone\'s), and picking one asks for that day', async () => {
    program({ mySlots: (data: Record<string, unknown>) => ok({ ...day([FREE]), day: (data.day as string) ?? '20261126' }) });
    const { container } = render(<StaffSlotsPage />);
    await screen.findByText('明天');
    expect(Array.from(container.querySelectorAll('.choice-chip'), (c) => c.textContent).slice(0, 3)).toEqual(['今天', '明天', '11月28日']);
    fireEvent.click(withText(container, '.choice-chip', '11月28日'));
    await waitFor(() => expect(calls('mySlots').map((c) => c.data.day)).toEqual([undefined, '20261128']));
  });

  it('publishes back-to-back slots for the chosen day and shows the new list', async () => {
    program({
      mySlots: ok(day([])),
      publishSlots: (data: Record<string, unknown>) => ok(day([{ ...FREE, slotId: `S001-${data.day}-0840-abcdef12`, time: '14:00–15:00' }])),
    });
    const { container } = render(<StaffSlotsPage />);
    await screen.findByText('这一天还没有时段，在下方发布');
    fireEvent.click(withText(container, '.choice-chip', '60 分钟'));
    fireEvent.click(withText(container, '.choice-chip', '2 个'));
    fireEvent.click(withText(container, 'taro-button-core', '发布时段'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '已发布 2 个时段', icon: 'success' }]));
    expect(calls('publishSlots').map((c) => c.data)).toEqual([{ action: 'publishSlots', day: '20261126', start: '14:00', minutes: 60, count: 2 }]);
    expect(screen.getByText('14:00–15:00')).toBeTruthy();
  });

  it('an overlap is refused in plain words', async () => {
    program({ mySlots: ok(day([FREE])), publishSlots: { ok: false, error: { code: 'INVALID_INPUT', message: '和你已发布的时段重叠了' } } });
    const { container } = render(<StaffSlotsPage />);
    await screen.findByText('空闲 · 陈造型');
    fireEvent.click(withText(container, 'taro-button-core', '发布时段'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '和你已发布的时段重叠了', icon: 'none' }]));
  });

  it('a clerk is told they may not, in plain words', async () => {
    program({ mySlots: fail('FORBIDDEN') });
    render(<StaffSlotsPage />);
    expect(await screen.findByText('你没有权限进行这个操作')).toBeTruthy();
  });
});
