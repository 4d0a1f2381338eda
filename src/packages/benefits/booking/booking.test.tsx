import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionOutput } from '../../../../cloudfunctions/contract';
import { typeInto, withText } from '../../../../tests/ui/support/dom';
import { fail, ok, programActions, programMember } from '../../../../tests/ui/support/member';
import { answerModals, programSubscribe, recorded, resetTaro } from '../../../../tests/ui/support/taro';
import BookingPage from './index';

type Options = ActionOutput<'benefits', 'bookingOptions'>;
type Booking = ActionOutput<'benefits', 'book'>['booking'];

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.name === 'benefits' && c.data.action === action);
const SLOT = { slotId: 'S001-20261126-0840-abcdef12', startAt: '2026-11-26T06:00:00.000Z', endAt: '2026-11-26T06:45:00.000Z', time: '14:00–14:45', stylistName: '陈造型' };
const options = (over: Partial<Options> = {}): Options => ({
  eligibility: { tier: 'grower', tierName: '成长者', canBook: true, text: '成长者专享：造型师1对1，已约 0/2', upcoming: 0, maxUpcoming: 2, pausedUntil: null },
  stores: [{ storeId: 'S001', name: '悦衣库 上海静安店', freeSlots: 1 }],
  storeId: 'S001',
  days: [{ day: '20261126', label: '11月26日 周四', freeSlots: 1 }],
  day: '20261126',
  slots: [SLOT],
  scenes: ['通勤', '约会', '面试'],
  pieces: [{ pieceId: 'w1', name: '米色风衣', image: 'https://x/w1.jpg' }],
  ...over,
});
const booking = (over: Partial<Booking> = {}): Booking => ({
  bookingId: '100000000001:req-00000001',
  storeId: 'S001',
  storeName: '悦衣库 上海静安店',
  stylistName: '陈造型',
  startAt: SLOT.startAt,
  when: '11月26日 周四 14:00–14:45',
  scene: '面试',
  budgetFen: 150_000,
  note: null,
  pieces: [],
  state: 'booked',
  canChange: true,
  cancelReason: null,
  ...over,
});

const program = (answers: Parameters<typeof programActions>[1]) => programActions('benefits', answers);

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('造型师1对1', () => {
  it('an 探索者 sees how far 成长者 is and a way there, never a 预约 button', async () => {
    program({
      bookingOptions: ok(options({ eligibility: { tier: 'explorer', tierName: '探索者', canBook: false, text: '本季度再消费 ¥601 升级成长者即可预约', upcoming: 0, maxUpcoming: 2, pausedUntil: null } })),
      myBookings: ok({ upcoming: [], past: [], reminders: 0 }),
    });
    const { container } = render(<BookingPage />);
    expect((await screen.findAllByText('本季度再消费 ¥601 升级成长者即可预约')).length).toBeGreaterThan(0);
    expect(Array.from(container.querySelectorAll('taro-button-core')).map((b) => b.textContent)).toEqual(['看看怎么升级']);
    fireEvent.click(withText(container, 'taro-button-core', '看看怎么升级'));
    expect(recorded.navigations).toEqual([{ api: 'switchTab', url: '/pages/points/index' }]);
  });

  it('a 成长者 picks a slot, says what they want help with, books, and sees it under 我的预约', async () => {
    let booked = false;
    program({
      bookingOptions: () => ok(options()),
      myBookings: () => ok({ upcoming: booked ? [booking()] : [], past: [], reminders: 0 }),
      book: () => {
        booked = true;
        return ok({ booking: booking() });
      },
    });
    const { container } = render(<BookingPage />);
    await screen.findByText('成长者专享：造型师1对1，已约 0/2');
    expect(screen.getByText('先选一个时段')).toBeTruthy();
    fireEvent.click(withText(container, '.choice-chip', '14:00–14:45'));
    fireEvent.click(withText(container, '.choice-chip', '面试'));
    fireEvent.click(withText(container, '.choice-chip', '米色风衣'));
    typeInto(container.querySelector('taro-input-core'), '1500');
    fireEvent.click(withText(container, 'taro-button-core', '预约'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '预约成功：11月26日 周四 14:00–14:45', icon: 'success' }]));
    expect(calls('book')[0]!.data).toMatchObject({ slotId: SLOT.slotId, scene: '面试', pieces: ['w1'], budget: 150_000 });
    expect(String(calls('book')[0]!.data.requestId)).toMatch(/^[A-Za-z0-9_-]{8,40}$/);
    await screen.findByText('取消预约');
    expect(screen.getByText('想解决：面试 · 预算 ¥1,500')).toBeTruthy();
  });

  it('says plainly when the slot was just taken', async () => {
    program({
      bookingOptions: ok(options()),
      myBookings: ok({ upcoming: [], past: [], reminders: 0 }),
      book: { ok: false, error: { code: 'CONFLICT', message: '这个时段刚被约走了，请另选时间' } },
    });
    const { container } = render(<BookingPage />);
    await screen.findByText('成长者专享：造型师1对1，已约 0/2');
    fireEvent.click(withText(container, '.choice-chip', '14:00–14:45'));
    fireEvent.click(withText(container, 'taro-button-core', '预约'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '这个时段刚被约走了，请另选时间', icon: 'none' }]));
  });

  it('cancels an upcoming booking after asking; a booking the brand cancelled shows why; inside 2 hours it says to call the store', async () => {
    let cancelled = false;
    program({
      bookingOptions: ok(options()),
      myBookings: () =>
        ok({
          upcoming: cancelled ? [] : [booking(), booking({ bookingId: '100000000001:req-00000002', when: '11月27日 周五 10:00–10:45', canChange: false })],
          past: [booking({ bookingId: '100000000001:req-00000003', state: 'cancelled', canChange: false, cancelReason: '因会员等级调整，你的预约已取消' })],
          reminders: 0,
        }),
      cancelBooking: () => {
        cancelled = true;
        return ok({ booking: booking({ state: 'cancelled', canChange: false, cancelReason: '你已取消' }) });
      },
    });
    answerModals(true);
    const { container } = render(<BookingPage />);
    await screen.findByText('因会员等级调整，你的预约已取消');
    expect(screen.getByText('开始前 2 小时内不能取消或改期，如有变化请联系门店')).toBeTruthy();
    fireEvent.click(withText(container, 'taro-button-core', '取消预约'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '已取消预约', icon: 'success' }]));
    expect(calls('cancelBooking').map((c) => c.data.bookingId)).toEqual(['100000000001:req-00000001']);
  });

  it('with a booking ahead, the member may allow the day-before reminder (a tap asks WeChat) and sees how many are left', async () => {
    program({ bookingOptions: ok(options()), myBookings: ok({ upcoming: [booking()], past: [], reminders: 0 }) });
    render(<BookingPage />);
    await screen.findByText('预约前一天提醒我');
    expect(recorded.subscribeRequests).toEqual([]);
    programSubscribe((ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])));
    programMember({ subscribe: ok({ reminders: { pointsExpiring: 0, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 1, campaignOffer: 0 } }) });
    fireEvent.click(screen.getByText('开启提醒'));
    await screen.findByText('已开启，前一天上午微信提醒你（剩余 1 次）');
    expect(recorded.subscribeRequests).toEqual([['styleclub-dev-booking-reminder']]);
    expect(recorded.cloudCalls.filter((c) => c.data.action === 'subscribe').map((c) => c.data)).toEqual([{ action: 'subscribe', accepted: ['bookingReminder'] }]);
    expect(screen.getByText('再开启一次')).toBeTruthy();
  });

  it('without a booking ahead, no reminder is offered', async () => {
    program({ bookingOptions: ok(options()), myBookings: ok({ upcoming: [], past: [booking({ state: 'done', canChange: false })], reminders: 2 }) });
    render(<BookingPage />);
    await screen.findByText('我的预约');
    expect(screen.queryByText('预约前一天提醒我')).toBeNull();
  });

  it('moves a booking: 改期, pick another slot, confirm', async () => {
    const other = { ...SLOT, slotId: 'S001-20261126-0885-abcdef12', time: '14:45–15:30' };
    program({
      bookingOptions: ok(options({ slots: [SLOT, other] })),
      myBookings: ok({ upcoming: [booking()], past: [], reminders: 0 }),
      moveBooking: ok({ booking: booking({ when: '11月26日 周四 14:45–15:30' }) }),
    });
    const { container } = render(<BookingPage />);
    await screen.findByText('取消预约');
    fireEvent.click(withText(container, 'taro-button-core', '改期'));
    fireEvent.click(withText(container, '.choice-chip', '14:45–15:30'));
    fireEvent.click(withText(container, 'taro-button-core', '确认改到这个时段'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '已改到 11月26日 周四 14:45–15:30', icon: 'success' }]));
    expect(calls('moveBooking').map((c) => c.data)).toEqual([{ action: 'moveBooking', bookingId: '100000000001:req-00000001', slotId: other.slotId }]);
  });

  it('a paused member reads why and until when', async () => {
    program({
      bookingOptions: ok(options({ eligibility: { tier: 'grower', tierName: '成长者', canBook: false, text: '因 90 天内两次未到店，预约暂停至 12月26日', upcoming: 0, maxUpcoming: 2, pausedUntil: '2026-12-26T06:00:00.000Z' } })),
      myBookings: ok({ upcoming: [], past: [], reminders: 0 }),
    });
    const { container } = render(<BookingPage />);
    expect((await screen.findAllByText('因 90 天内两次未到店，预约暂停至 12月26日')).length).toBe(2);
    expect(container.querySelectorAll('taro-button-core')).toHaveLength(0);
  });

  it('a failed read says so with a retry', async () => {
    program({ bookingOptions: fail('UNAVAILABLE'), myBookings: ok({ upcoming: [], past: [], reminders: 0 }) });
    render(<BookingPage />);
    expect(await screen.findByText('没能加载出来')).toBeTruthy();
    await act(async () => undefined);
  });
});
