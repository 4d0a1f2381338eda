import type { TodoItem } from '../../contract/staffTodos';
import type { Member } from '../member';
import { tierOf } from '../tiers';
import { toIso } from '../time';
import type { Staff } from './staff';
import type { StoreTodo } from './todo';
import { reasonNow } from './todoMakers';
import { todoScript } from './todoMakers/scripts';

/** To-dos per page of the list. */
export const TODO_PAGE = 20;

/** A page's end as the client carries it: "<ms>.<id>" (the instant the list is ordered by, and the id). */
export function encodeTodoCursor(at: Date, id: string): string {
  return `${at.getTime()}.${id}`;
}

export function decodeTodoCursor(cursor: string | undefined): { at: Date; id: string } | null | 'bad' {
  if (cursor === undefined) return null;
  const dot = cursor.indexOf('.');
  const ms = Number(cursor.slice(0, dot));
  // an instant a Date can hold (±8.64e15 ms): a cursor this list gave always is one
  if (dot < 1 || !Number.isSafeInteger(ms) || Math.abs(ms) > 8.64e15 || dot === cursor.length - 1) return 'bad';
  return { at: new Date(ms), id: cursor.slice(dot + 1) };
}

export const isOverdue = (t: Pick<StoreTodo, 'state' | 'dueAt'>, now: Date) => (t.state === 'open' || t.state === 'snoozed') && t.dueAt.getTime() < now.getTime();

/**
 * The list as the clerk sees it: each to-do with its member masked (no openid, no phone but the
 * masked one), the reason told as of now, the script in the clerk's own name and store, and
 * overdue flagged. A to-do whose member is gone (left the programme) is not shown.
 */
export function todoItems(todos: readonly StoreTodo[], members: ReadonlyMap<string, Member>, clerk: Pick<Staff, 'name'>, store: string, now: Date): TodoItem[] {
  const items: TodoItem[] = [];
  for (const t of todos) {
    const m = members.get(t.memberId);
    if (!m || m.leavingSince) continue;
    const open = t.state === 'open' || t.state === 'snoozed';
    const reason = open ? reasonNow(m, t, now) : t.reason;
    items.push({
      todoId: t._id,
      kind: t.kind,
      member: { memberId: m._id, nickname: m.nickname, phoneMasked: m.phoneMasked, tier: m.tier, tierName: tierOf(m.tier).name },
      reason,
      script: todoScript(t.kind, { nickname: m.nickname, store, clerk: clerk.name, reason }),
      dueAt: toIso(t.dueAt),
      overdue: isOverdue(t, now),
      state: t.state,
      closedBy: t.closedBy?.name ?? null,
      closedAt: t.closedAt ? toIso(t.closedAt) : null,
      onTime: t.closedAt ? t.state === 'done' && t.closedAt.getTime() <= t.dueAt.getTime() : null,
    });
  }
  return items;
}
