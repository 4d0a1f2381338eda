import type { Member } from '../../member';
import type { TodoKind } from '../todo';
import { birthdayMaker } from './birthday';
import { complaintCallbackReason } from './complaintCallback';
import { lapsedMaker } from './lapsed';
import type { ReasonFacts, TodoMaker } from './maker';
import { newMemberMaker } from './newMember';
import { pointsExpiringMaker } from './pointsExpiring';

export type { TodoDraft, TodoMaker, TodoReads } from './maker';

/** The kinds the daily job makes, in the order it reads them. Complaint call-backs come from the complaint itself. */
export const JOB_MAKERS: readonly TodoMaker[] = [birthdayMaker, pointsExpiringMaker, lapsedMaker, newMemberMaker];

const byKind = new Map<TodoKind, TodoMaker>(JOB_MAKERS.map((m) => [m.kind, m]));

export function makerOf(kind: TodoKind): TodoMaker | null {
  return byKind.get(kind) ?? null;
}

/**
 * The reason as of now, told from the member's facts; the reason written when it was made when
 * they no longer tell it. A call-back keeps the words its complaint gave it (they say what the
 * complaint was about); without them it says how long is left.
 */
export function reasonNow(m: Member | null, todo: ReasonFacts, now: Date): string {
  if (todo.kind === 'complaintCallback') return todo.reason || complaintCallbackReason(todo, now);
  const maker = makerOf(todo.kind);
  return (m && maker?.reason(m, todo, now)) || todo.reason;
}
