import type { StoreTodo, TodoState } from '../domain/staff/todo';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { documents, findById, PAGE_MAX, updatedCount } from './read';

/** Adds a to-do once: its id names the occasion, so a rerun or a retried event finds it there. */
export async function insertTodo(db: Database, todo: StoreTodo): Promise<'created' | 'duplicate'> {
  return addOnce(db, COLLECTIONS.todos, todo);
}

export async function findTodo(db: Database, todoId: string): Promise<StoreTodo | null> {
  return findById<StoreTodo>(db, COLLECTIONS.todos, todoId);
}

/** Takes back to-dos a job made for members who began leaving meanwhile. */
export async function removeTodos(db: Database, ids: string[]): Promise<void> {
  for (const id of ids) await db.collection(COLLECTIONS.todos).doc(id).remove();
}

/** Erases a member's to-dos (their leaving: the reasons tell their birthday, points and visits). */
export async function deleteTodosOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.todos).where({ memberId }).remove();
}

/** Where a page of the list ends: the instant it is ordered by and the last id at it. */
export interface TodoAt {
  at: Date;
  id: string;
}

/**
 * A page of the store's open to-dos, the first due first: open ones, and snoozed ones whose
 * snooze has run out (the store's to-dos only, through the store + state + due index).
 */
export async function openTodosPage(db: Database, storeId: string, now: Date, after: TodoAt | null, limit: number): Promise<StoreTodo[]> {
  const _ = db.command;
  const states = [{ state: 'open' }, { state: 'snoozed', snoozedUntil: _.lte(now) }];
  const past = after ? [{ dueAt: _.gt(after.at) }, { dueAt: after.at, _id: _.gt(after.id) }] : [{}];
  const branches = states.flatMap((s) => past.map((p) => ({ storeId, ...s, ...p })));
  return documents<StoreTodo>(db.collection(COLLECTIONS.todos).where(_.or(branches)).orderBy('dueAt', 'asc').orderBy('_id', 'asc').limit(limit));
}

/** A page of the store's closed to-dos (done or not reachable), the latest closed first. */
export async function closedTodosPage(db: Database, storeId: string, before: TodoAt | null, limit: number): Promise<StoreTodo[]> {
  const _ = db.command;
  const filter = before ? _.or([{ storeId, closedAt: _.lt(before.at) }, { storeId, closedAt: before.at, _id: _.lt(before.id) }]) : { storeId, closedAt: _.gt(new Date(0)) };
  return documents<StoreTodo>(db.collection(COLLECTIONS.todos).where(filter).orderBy('closedAt', 'desc').orderBy('_id', 'desc').limit(limit));
}

/** The store's to-dos closed in [from, until) (completion and clerk figures), through the store + closedAt index. */
export async function todosClosedIn(db: Database, storeId: string, range: { from: Date; until: Date }): Promise<StoreTodo[]> {
  const _ = db.command;
  const out: StoreTodo[] = [];
  for (;;) {
    const last = out[out.length - 1];
    const filter = last ? _.or([{ storeId, closedAt: _.gt(last.closedAt!).and(_.lt(range.until)) }, { storeId, closedAt: last.closedAt!, _id: _.gt(last._id) }]) : { storeId, closedAt: _.gte(range.from).and(_.lt(range.until)) };
    const page = await documents<StoreTodo>(db.collection(COLLECTIONS.todos).where(filter).orderBy('closedAt', 'asc').orderBy('_id', 'asc').limit(PAGE_MAX));
    out.push(...page);
    if (page.length < PAGE_MAX) return out;
  }
}

/** How many of the store's to-dos are still to do (open or snoozed), and of them overdue (the manager's red count); by state, through the store + state + due index. */
export async function openCounts(db: Database, storeId: string, now: Date): Promise<{ open: number; overdue: number }> {
  const _ = db.command;
  const count = async (filter: Record<string, unknown>) => ((await db.collection(COLLECTIONS.todos).where(filter).count()) as { total: number }).total;
  const [open, snoozed, openLate, snoozedLate] = await Promise.all([
    count({ storeId, state: 'open' }),
    count({ storeId, state: 'snoozed' }),
    count({ storeId, state: 'open', dueAt: _.lt(now) }),
    count({ storeId, state: 'snoozed', dueAt: _.lt(now) }),
  ]);
  return { open: open + snoozed, overdue: openLate + snoozedLate };
}

const STILL_OPEN: TodoState[] = ['open', 'snoozed'];

/**
 * Closes a to-do of the store, only if it is still open (compare-and-set): of two clerks closing
 * at once, one changes it and the other learns false.
 */
export async function closeTodo(db: Database, todoId: string, storeId: string, outcome: 'done' | 'unreachable', by: { staffId: string; name: string }, now: Date): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.todos)
    .where({ _id: todoId, storeId, state: _.in(STILL_OPEN) })
    .update({ data: { state: outcome, closedBy: by, closedAt: now, snoozedUntil: null } });
  return updatedCount(res) === 1;
}

/** Puts an open to-do of the store away until `until`, only if it is still open. */
export async function snoozeTodo(db: Database, todoId: string, storeId: string, until: Date): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.todos)
    .where({ _id: todoId, storeId, state: _.in(STILL_OPEN) })
    .update({ data: { state: 'snoozed', snoozedUntil: until } });
  return updatedCount(res) === 1;
}

/** One store's to-dos about a member that are still to do (open or snoozed), soonest due first. */
export async function openTodosOfMember(db: Database, storeId: string, memberId: string): Promise<StoreTodo[]> {
  const _ = db.command;
  const res = (await db.collection(COLLECTIONS.todos).where({ storeId, memberId, state: _.in(['open', 'snoozed']) }).orderBy('dueAt', 'asc').limit(50).get()) as unknown as { data: StoreTodo[] };
  return res.data;
}
