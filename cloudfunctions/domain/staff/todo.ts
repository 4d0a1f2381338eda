/**
 * A store's to-do about one member (the care list): made by the daily job (birthday, points
 * expiring, no purchase, new member) or by an event (a complaint's call-back). Keyed by
 * `${storeId}:${kind}:${memberId}:${occasion}` so a rerun or a retried event makes it once. A
 * detractor's NPS answer (issue 19) makes a call-back too (npsDetractor).
 */
export type TodoKind = 'birthday' | 'pointsExpiring' | 'lapsed' | 'newMember' | 'complaintCallback' | 'npsDetractor';
export type TodoState = 'open' | 'done' | 'snoozed' | 'unreachable';

export interface StoreTodo {
  _id: string;
  storeId: string;
  memberId: string;
  kind: TodoKind;
  /** in shop words, for the clerk: 生日 12月8日（3天后）, 1,200 积分 12月31日到期 … */
  reason: string;
  createdAt: Date;
  dueAt: Date;
  state: TodoState;
  snoozedUntil: Date | null;
  /** who closed it (done or not reachable), and when */
  closedBy: { staffId: string; name: string } | null;
  closedAt: Date | null;
  /** the complaint a call-back belongs to */
  complaintId: string | null;
}

export function todoId(storeId: string, kind: TodoKind, memberId: string, occasion: string): string {
  return `${storeId}:${kind}:${memberId}:${occasion}`;
}
