import { shopTime } from '../../time';
import { type StoreTodo, todoId } from '../../staff/todo';
import type { NpsAnswer } from './answer';
import { npsBand } from './score';

/** A detractor is called back within this long (a complaint is 2 hours; an answer may come late at night). */
export const DETRACTOR_CALLBACK_HOURS = 24;

/**
 * The care to-do a detractor's answer (0–6) makes for the store of the order: a call-back like a
 * complaint's, keyed by the answer, so a retried answer makes it once. Null for anyone else.
 */
export function detractorCare(a: NpsAnswer): StoreTodo | null {
  if (npsBand(a.score) !== 'detractor') return null;
  const dueAt = new Date(a.answeredAt.getTime() + DETRACTOR_CALLBACK_HOURS * 3_600_000);
  const gist = a.reason ? (a.reason.length > 24 ? `：${a.reason.slice(0, 24)}…` : `：${a.reason}`) : '';
  return {
    _id: todoId(a.storeId, 'npsDetractor', a.memberId, `nps${a.seq}`),
    storeId: a.storeId,
    memberId: a.memberId,
    kind: 'npsDetractor',
    reason: `满意度 ${a.score} 分${gist}（${shopTime(dueAt).format('M月D日 HH:mm')} 前回访）`,
    createdAt: a.answeredAt,
    dueAt,
    state: 'open',
    snoozedUntil: null,
    closedBy: null,
    closedAt: null,
    complaintId: null,
  };
}
