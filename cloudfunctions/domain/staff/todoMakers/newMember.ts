import { shopDayEnd, shopDayStart } from '../../time';
import type { TodoMaker } from './maker';
import { shopDaysBetween } from './window';
import { monthDayWords } from './words';

/** A new member is welcomed within their first 3 shop days (the joining day is day 1). */
export const NEW_MEMBER_DAYS = 3;

/** 新会员 · 入会第 1 天: once per membership, due by the end of the third day. */
export const newMemberMaker: TodoMaker = {
  kind: 'newMember',
  // joined on one of the run's days, or the day before its first (after that day's run had passed)
  reads: { by: 'range', field: 'joinedAt', range: (run) => ({ from: shopDayStart(run.today, Math.max(shopDaysBetween(run.today, run.firstDay) - 1, 1 - NEW_MEMBER_DAYS)), until: run.tomorrow }) },
  make(m, now) {
    const days = shopDaysBetween(m.joinedAt, now);
    if (days < 0 || days >= NEW_MEMBER_DAYS) return null;
    return { occasion: 'joined', dueAt: shopDayEnd(shopDayStart(m.joinedAt, NEW_MEMBER_DAYS - 1)) };
  },
  reason(m, _todo, now) {
    const days = shopDaysBetween(m.joinedAt, now);
    return days >= 0 && days < NEW_MEMBER_DAYS ? `新会员 · 入会第 ${days + 1} 天` : `新会员 · ${monthDayWords(m.joinedAt)}入会`;
  },
};
