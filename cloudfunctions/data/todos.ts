import type { StoreTodo } from '../domain/staff/todo';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';

/** Adds a to-do once: its id names the occasion, so a rerun or a retried event finds it there. */
export async function insertTodo(db: Database, todo: StoreTodo): Promise<'created' | 'duplicate'> {
  return addOnce(db, COLLECTIONS.todos, todo);
}

// — issue 17, the member view (staff-member): a store's open to-dos of one member —

/** One store's to-dos about a member that are still to do (open or snoozed), soonest due first. */
export async function openTodosOfMember(db: Database, storeId: string, memberId: string): Promise<StoreTodo[]> {
  const _ = db.command;
  const res = (await db.collection(COLLECTIONS.todos).where({ storeId, memberId, state: _.in(['open', 'snoozed']) }).orderBy('dueAt', 'asc').limit(50).get()) as unknown as { data: StoreTodo[] };
  return res.data;
}
