import { changeRefusal, markRefusal } from '../../cloudfunctions/domain/benefits/booking/changeWindow';
import { eligibility } from '../../cloudfunctions/domain/benefits/booking/eligibility';
import { BOOK_RULES, firstRefusal } from '../../cloudfunctions/domain/benefits/booking/rules';
import { pausedUntil } from '../../cloudfunctions/domain/benefits/booking/rules/noShowPause';
import { planSlots } from '../../cloudfunctions/domain/benefits/booking/slots';
import type { BookingFacts } from '../../cloudfunctions/domain/benefits/booking/rules/rule';

/** The booking rules as tables: who may book, the cancellation window, the no-show pause, marking a visit. */

const NOW = new Date('2026-11-25T02:00:00.000Z'); // 10:00 Shanghai
const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;
const base: BookingFacts = { now: NOW, tier: 'grower', nextTierText: '忠诚者 …', upcoming: 0, noShows: [], slot: { startAt: at('2026-11-26T06:00:00.000Z'), bookingId: null } };

describe('who may book a slot', () => {
  it.each([
    ['a 成长者 with nothing booked, a free slot', {}, null],
    ['a 忠诚者', { tier: 'loyal' }, null],
    ['an 探索者 is told how to unlock it', { tier: 'explorer', nextTierText: '本季度再消费 ¥601 升级成长者' }, ['NOT_CLAIMABLE', '本季度再消费 ¥601 升级成长者即可预约']],
    ['one upcoming booking is fine', { upcoming: 1 }, null],
    ['two upcoming bookings are the limit', { upcoming: 2 }, ['LIMIT_REACHED', '最多同时保留 2 个预约，完成或取消一个后再约']],
    ['a slot that does not exist', { slot: null }, ['NOT_FOUND', '这个时段不存在']],
    ['a slot someone holds', { slot: { startAt: at('2026-11-26T06:00:00.000Z'), bookingId: 'x' } }, ['CONFLICT', '这个时段刚被约走了，请另选时间']],
    ['a slot that has begun', { slot: { startAt: NOW, bookingId: null } }, ['NOT_CLAIMABLE', '这个时段已经开始了，请另选时间']],
    ['a slot starting in 2 hours (it could not be cancelled online)', { slot: { startAt: new Date(NOW.getTime() + 2 * 3_600_000), bookingId: null } }, ['NOT_CLAIMABLE', '开始前 2 小时内的时段不能在线预约，请直接联系门店']],
    ['a slot starting in 2 hours and a minute', { slot: { startAt: new Date(NOW.getTime() + 121 * 60_000), bookingId: null } }, null],
    ['two no-shows 10 days apart, the last 5 days ago', { noShows: [new Date(NOW.getTime() - 15 * DAY), new Date(NOW.getTime() - 5 * DAY)] }, ['NOT_CLAIMABLE', '因 90 天内两次未到店，预约暂停至 12月20日']],
    ['the tier comes before the pause', { tier: 'explorer', nextTierText: '再消费 ¥1 升级成长者', noShows: [NOW, NOW] }, ['NOT_CLAIMABLE', '再消费 ¥1 升级成长者即可预约']],
  ] as const)('%s', (_name, facts, expected) => {
    const refusal = firstRefusal(BOOK_RULES, { ...base, ...(facts as Partial<BookingFacts>) });
    expect(refusal && [refusal.code, refusal.message]).toEqual(expected);
  });
});

describe('two no-shows in 90 days pause booking for 30 days', () => {
  const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
  it.each([
    ['no no-shows', [], null],
    ['one no-show', [daysAgo(1)], null],
    ['two, 90 days apart, the last yesterday', [daysAgo(91), daysAgo(1)], 29],
    ['two, 91 days apart', [daysAgo(92), daysAgo(1)], null],
    ['two, the pause ended today', [daysAgo(40), daysAgo(30)], null],
    ['two, the pause ends tomorrow', [daysAgo(40), daysAgo(29)], 1],
    ['three: the latest pair counts', [daysAgo(200), daysAgo(20), daysAgo(10)], 20],
  ] as const)('%s', (_name, noShows, daysLeft) => {
    const until = pausedUntil([...noShows], NOW);
    expect(until && Math.round((until.getTime() - NOW.getTime()) / DAY)).toEqual(daysLeft);
  });
});

describe('cancel or move until 2 hours before', () => {
  const startAt = at('2026-11-25T06:00:00.000Z'); // 14:00
  it.each([
    ['a day ahead', '2026-11-24T06:00:00.000Z', 'booked', true],
    ['exactly 2 hours before', '2026-11-25T04:00:00.000Z', 'booked', true],
    ['a minute inside the 2 hours', '2026-11-25T04:01:00.000Z', 'booked', false],
    ['after it began', '2026-11-25T06:30:00.000Z', 'booked', false],
    ['a cancelled booking', '2026-11-24T06:00:00.000Z', 'cancelled', false],
    ['a visit done', '2026-11-24T06:00:00.000Z', 'done', false],
  ] as const)('%s', (_name, now, state, allowed) => {
    expect(changeRefusal({ startAt, state }, at(now)) === null).toBe(allowed);
  });
});

describe('marking a visit', () => {
  const startAt = at('2026-11-25T06:00:00.000Z');
  it.each([
    ['done at the start, tier held', 'done', true, '2026-11-25T06:00:00.000Z', 'booked', null],
    ['done 30 minutes ahead', 'done', true, '2026-11-25T05:30:00.000Z', 'booked', null],
    ['done an hour ahead', 'done', true, '2026-11-25T05:00:00.000Z', 'booked', '预约开始前 30 分钟起才能标记'],
    ['done after the tier was lost', 'done', false, '2026-11-25T06:00:00.000Z', 'booked', '该会员已不是成长者，不能进行本次1对1（预约已失效）'],
    ['no-show after the tier was lost, 15 minutes late', 'noShow', false, '2026-11-25T06:15:00.000Z', 'booked', null],
    ['no-show at the start: the member may be on the way', 'noShow', true, '2026-11-25T06:00:00.000Z', 'booked', '开始 15 分钟后仍未到店，才能标记未到店'],
    ['no-show 30 minutes ahead', 'noShow', true, '2026-11-25T05:30:00.000Z', 'booked', '开始 15 分钟后仍未到店，才能标记未到店'],
    ['a cancelled booking', 'noShow', true, '2026-11-25T06:00:00.000Z', 'cancelled', '这个预约已标记或已取消'],
  ] as const)('%s', (_name, outcome, tierHeld, now, state, expected) => {
    expect(markRefusal({ startAt, state }, outcome, tierHeld, at(now))).toEqual(expected);
  });
});

describe('eligibility in plain words', () => {
  it.each([
    ['a 成长者 with one booked', { upcoming: 1 }, true, '成长者专享：造型师1对1，已约 1/2'],
    ['an 探索者', { tier: 'explorer', nextTierText: '本季度再消费 ¥601 升级成长者' }, false, '本季度再消费 ¥601 升级成长者即可预约'],
    ['a 忠诚者 at the limit', { tier: 'loyal', upcoming: 2 }, false, '最多同时保留 2 个预约，完成或取消一个后再约'],
  ] as const)('%s', (_name, facts, canBook, text) => {
    expect(eligibility({ ...base, slot: null, ...(facts as Partial<BookingFacts>) })).toMatchObject({ canBook, text });
  });
});

describe('publishing slots', () => {
  const stylist = { _id: 'stylist-S001', storeId: 'S001', name: '陈造型', role: 'stylist' as const, active: true };
  const held = planSlots(stylist, 'abcdef12', { day: '20261126', start: '14:00', minutes: 45, count: 2 }, [], NOW);
  const existing = held.ok ? held.slots : [];
  it.each([
    ['4 × 45 minutes from 14:00 tomorrow', { day: '20261127', start: '14:00', minutes: 45, count: 4 }, ['14:00', '14:45', '15:30', '16:15']],
    ['later today', { day: '20261125', start: '11:00', minutes: 60, count: 1 }, ['11:00']],
    ['a time already past today', { day: '20261125', start: '09:00', minutes: 45, count: 1 }, '开始时间已过，请选之后的时间'],
    ['across midnight', { day: '20261127', start: '23:00', minutes: 45, count: 2 }, '时段不能跨过午夜'],
    ['more than 14 days ahead', { day: '20261210', start: '10:00', minutes: 45, count: 1 }, '最多提前 14 天发布'],
    ['overlapping their own', { day: '20261126', start: '14:30', minutes: 30, count: 1 }, '和你已发布的时段重叠了'],
    ['right after their own', { day: '20261126', start: '15:30', minutes: 30, count: 1 }, ['15:30']],
    ['the very same slots again (a retried publish)', { day: '20261126', start: '14:00', minutes: 45, count: 2 }, ['14:00', '14:45']],
    ['the same slots and one more overlapping', { day: '20261126', start: '14:00', minutes: 30, count: 3 }, '和你已发布的时段重叠了'],
  ] as const)('%s', (_name, req, expected) => {
    const plan = planSlots(stylist, 'abcdef12', req, existing, NOW);
    const shop = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
    expect(plan.ok ? plan.slots.map((s) => shop(s.startAt)) : plan.message).toEqual(expected);
  });
  it('names a slot by store, day, minute and stylist key, never the stylist’s openid', () => {
    expect(existing.map((s) => s._id)).toEqual(['S001-20261126-0840-abcdef12', 'S001-20261126-0885-abcdef12']);
  });
});
