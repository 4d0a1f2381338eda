import type { Member } from '../../member';
import type { StoreTodo, TodoKind } from '../todo';
import type { TodoRun } from './window';

/** Which members a maker's job step reads: those born on the run's month-days, or those whose indexed instant falls in a range. */
export type TodoReads =
  | { by: 'birthday' }
  | { by: 'range'; field: 'lotsExpireNext' | 'lastOrderAt' | 'joinedAt'; range(run: TodoRun): { from: Date; until: Date } };

/** What a maker decides for one member: the occasion (it names the to-do) and when it is due. */
export interface TodoDraft {
  occasion: string;
  dueAt: Date;
}

/** The facts a reason is told from: the member and the to-do (its occasion is in its id). */
export type ReasonFacts = Pick<StoreTodo, 'kind' | 'createdAt' | 'dueAt' | 'reason'>;

/**
 * One kind of care-list to-do the daily job makes (Vendure's small rule objects): which members
 * it reads, whether this member needs one now, and why, in shop words. The reason is told again
 * whenever the list is shown, so 「3天后」 stays true on the days after.
 */
export interface TodoMaker {
  kind: Exclude<TodoKind, 'complaintCallback' | 'npsDetractor'>;
  reads: TodoReads;
  make(m: Member, now: Date): TodoDraft | null;
  /** null when the facts no longer tell it (the list then shows the reason written when it was made) */
  reason(m: Member, todo: ReasonFacts, now: Date): string | null;
}
