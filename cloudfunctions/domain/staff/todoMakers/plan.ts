import { isLeaving, type Member } from '../../member';
import { type StoreTodo, todoId } from '../todo';
import type { TodoMaker } from './maker';

/**
 * The to-dos a maker's batch makes (compute, then apply): one per member who needs one now, for
 * the member's home store, keyed by its occasion so a rerun makes nothing twice. A member who is
 * leaving gets none: nothing of theirs is written into a to-do.
 */
export function jobTodos(maker: TodoMaker, members: readonly Member[], now: Date): StoreTodo[] {
  const out: StoreTodo[] = [];
  for (const m of members) {
    if (isLeaving(m) || !m.homeStore?.storeId) continue;
    const draft = maker.make(m, now);
    if (!draft) continue;
    const facts = { kind: maker.kind, createdAt: now, dueAt: draft.dueAt, reason: '' };
    out.push({
      _id: todoId(m.homeStore.storeId, maker.kind, m._id, draft.occasion),
      storeId: m.homeStore.storeId,
      memberId: m._id,
      kind: maker.kind,
      reason: maker.reason(m, facts, now) ?? '',
      createdAt: now,
      dueAt: draft.dueAt,
      state: 'open',
      snoozedUntil: null,
      closedBy: null,
      closedAt: null,
      complaintId: null,
    });
  }
  return out;
}
