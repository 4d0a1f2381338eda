import type { ClerkFigure } from '../../contract/staffTodos';
import type { Member } from '../member';
import { addMonths, shopMonthStart, shopTime } from '../time';
import type { Staff } from './staff';
import type { StoreTodo } from './todo';
import { CALLBACK_WITHIN_MS } from './todoMakers/complaintCallback';

export type MonthChoice = 'this' | 'last';

/** The shop-calendar month (Asia/Shanghai) asked for: [from, until) and its name, 2026年12月. */
export function monthRange(choice: MonthChoice, now: Date): { from: Date; until: Date; label: string } {
  const thisMonth = shopMonthStart(now);
  const from = choice === 'this' ? thisMonth : addMonths(thisMonth, -1);
  const until = choice === 'this' ? addMonths(thisMonth, 1) : thisMonth;
  return { from, until, label: shopTime(from).format('YYYY年M月') };
}

/** Whether the member's tier ever rose above 探索者 (now, or in their tier history). */
export const wasUpgraded = (m: Pick<Member, 'tier' | 'tierHistory'>) => m.tier !== 'explorer' || (m.tierHistory ?? []).some((c) => c.to !== 'explorer');

export const closedOnTime = (t: Pick<StoreTodo, 'state' | 'closedAt' | 'dueAt'>) => t.state === 'done' && !!t.closedAt && t.closedAt.getTime() <= t.dueAt.getTime();

/** A call-back closed (done) within 2 hours of the complaint that made it. */
export const calledBackInTime = (t: Pick<StoreTodo, 'kind' | 'state' | 'closedAt' | 'createdAt'>) =>
  t.kind === 'complaintCallback' && t.state === 'done' && !!t.closedAt && t.closedAt.getTime() - t.createdAt.getTime() <= CALLBACK_WITHIN_MS;

const ROLE_ORDER = { manager: 0, stylist: 1, clerk: 2 } as const;

/**
 * The clerk figures of one month: per staff member of the store, the members they signed up
 * (leaving ones not counted), how many of those paid a first order and rose above 探索者, the
 * to-dos they closed as done (on time: by the due time) and the complaint call-backs they closed
 * (within 2 hours). Staff who left are listed only when they have figures.
 */
export function clerkFigures(staff: readonly Staff[], signups: ReadonlyMap<string, readonly Member[]>, closed: readonly StoreTodo[]): ClerkFigure[] {
  const rows = staff.map((s) => {
    const mine = (signups.get(s._id) ?? []).filter((m) => !m.leavingSince);
    const byMe = closed.filter((t) => t.closedBy?.staffId === s._id);
    const done = byMe.filter((t) => t.state === 'done');
    const callbacks = done.filter((t) => t.kind === 'complaintCallback');
    return {
      name: s.name,
      role: s.role,
      active: s.active,
      signedUp: mine.length,
      firstOrders: mine.filter((m) => !!m.firstOrderAt).length,
      upgrades: mine.filter(wasUpgraded).length,
      todosDone: done.length,
      todosOnTime: done.filter(closedOnTime).length,
      callbacksClosed: callbacks.length,
      callbacksWithin2h: callbacks.filter(calledBackInTime).length,
    };
  });
  const hasFigures = (r: ClerkFigure) => r.signedUp + r.todosDone + r.callbacksClosed > 0;
  return rows.filter((r) => r.active || hasFigures(r)).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'zh'));
}

/** 完成情况: per staff member, the to-dos closed this month as done (on time) and as not reachable. */
export function completionPerClerk(staff: readonly Staff[], closed: readonly StoreTodo[]) {
  return staff
    .map((s) => {
      const byMe = closed.filter((t) => t.closedBy?.staffId === s._id);
      const done = byMe.filter((t) => t.state === 'done');
      return { name: s.name, role: s.role, active: s.active, done: done.length, onTime: done.filter(closedOnTime).length, unreachable: byMe.length - done.length };
    })
    .filter((r) => r.active || r.done + r.unreachable > 0)
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'zh'));
}
