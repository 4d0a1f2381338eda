import type { Member } from '../../member';
import { shopDayEnd, shopDayKey, shopDayStart } from '../../time';
import type { TodoMaker } from './maker';
import { shopDaysBetween } from './window';
import { countWords, monthDayWords } from './words';

/** Points expiring within this many shop days make a to-do (the expiry reminder's horizon). */
export const EXPIRY_DAYS_AHEAD = 30;
/** The clerk has a week to call. */
const DUE_IN_DAYS = 6;

/** The points that expire within the horizon of `now`, and the first expiry among them. */
export function pointsExpiringSoon(m: Member, now: Date): { points: number; at: Date } | null {
  const horizon = shopDayStart(now, EXPIRY_DAYS_AHEAD + 1);
  const soon = (m.lots ?? []).filter((l) => l.remaining > 0 && l.expiresAt.getTime() > now.getTime() && l.expiresAt.getTime() < horizon.getTime());
  if (soon.length === 0) return null;
  const at = new Date(Math.min(...soon.map((l) => l.expiresAt.getTime())));
  return { points: soon.reduce((n, l) => n + l.remaining, 0), at };
}

/** 1,280 积分将于12月31日到期 (lots expire at 00:00 after their last day). */
export const pointsExpiringMaker: TodoMaker = {
  kind: 'pointsExpiring',
  // came within 30 days on one of the run's days (a fresh start: all that expire within 30 days, as every lot expires on one night)
  reads: { by: 'range', field: 'lotsExpireNext', range: (run) => ({ from: run.fresh ? run.today : shopDayStart(run.firstDay, EXPIRY_DAYS_AHEAD), until: shopDayStart(run.tomorrow, EXPIRY_DAYS_AHEAD) }) },
  make(m, now) {
    const next = m.lotsExpireNext;
    if (!next || next.getTime() <= now.getTime() || shopDaysBetween(now, next) > EXPIRY_DAYS_AHEAD) return null;
    if (!pointsExpiringSoon(m, now)) return null;
    const due = shopDayEnd(shopDayStart(now, DUE_IN_DAYS));
    return { occasion: shopDayKey(next), dueAt: due.getTime() < next.getTime() ? due : new Date(next.getTime() - 1) };
  },
  reason(m, _todo, now) {
    const soon = pointsExpiringSoon(m, now);
    return soon ? `${countWords(soon.points)} 积分将于${monthDayWords(new Date(soon.at.getTime() - 1))}到期` : null;
  },
};
