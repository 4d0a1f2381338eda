import type { StoreTodo } from '../domain/staff/todo';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';

/** Adds a to-do once: its id names the occasion, so a rerun or a retried event finds it there. */
export async function insertTodo(db: Database, todo: StoreTodo): Promise<'created' | 'duplicate'> {
  return addOnce(db, COLLECTIONS.todos, todo);
}
