import type { Outcome } from '../../../contract';
import { failure, success } from '../../../contract/envelope';
import { isLeaving, type Member } from '../../member';
import type { TillOrder } from '../../till/records';
import { shopDateLabel } from '../../time';
import { type NpsAnswer, npsAnswerId } from './answer';

/** A member is asked at most once per this many days (from their last answer). */
export const NPS_EVERY_DAYS = 30;
/** The question stays open this long after the paid order it follows. */
export const NPS_ASK_WITHIN_DAYS = 7;
const DAY_MS = 86_400_000;

/** When the member may answer again after `latest`, or null when they may now. */
export function nextAnswerFrom(latest: Pick<NpsAnswer, 'answeredAt'> | null, now: Date): Date | null {
  if (!latest) return null;
  const from = new Date(latest.answeredAt.getTime() + NPS_EVERY_DAYS * DAY_MS);
  return now.getTime() >= from.getTime() ? null : from;
}

/** Why an order cannot be asked about now (null: it can): the member's own, paid, within the window, not all returned. */
export function orderProblem(order: TillOrder | null, memberId: string, now: Date): Outcome<TillOrder> {
  if (!order || order.memberId !== memberId) return failure('NOT_FOUND', 'no such order of yours');
  if (order.amountFen <= 0) return failure('NOT_CLAIMABLE', 'only a paid order is asked about');
  if ((order.refundedFen ?? 0) >= order.amountFen) return failure('NOT_CLAIMABLE', 'the order was returned');
  const age = now.getTime() - order.paidAt.getTime();
  if (age > NPS_ASK_WITHIN_DAYS * DAY_MS) return failure('NOT_CLAIMABLE', `the question is open for ${NPS_ASK_WITHIN_DAYS} days after the order`);
  return success(order);
}

/** Everything an answer is decided on. */
export interface NpsAnswerFacts {
  member: Member | null;
  order: TillOrder | null;
  /** the member's latest answer (highest seq) */
  latest: NpsAnswer | null;
  staffId: string | null;
  input: { orderKey: string; score: number; reason: string | null };
  now: Date;
}

export type NpsAnswerPlan = { kind: 'add'; answer: NpsAnswer } | { kind: 'same'; answer: NpsAnswer };

/**
 * The answer to add, or the one already kept for this order (a retry answers it again), or why not:
 * LIMIT_REACHED within 30 days of the last answer (with the day it opens again).
 */
export function planNpsAnswer(f: NpsAnswerFacts): Outcome<NpsAnswerPlan> {
  const m = f.member;
  if (!m || isLeaving(m)) return failure('NOT_MEMBER', 'not a member');
  if (f.latest && f.latest.orderKey === f.input.orderKey) return success({ kind: 'same', answer: f.latest });
  const ok = orderProblem(f.order, m._id, f.now);
  if (!ok.ok) return ok;
  const next = nextAnswerFrom(f.latest, f.now);
  if (next) return failure('LIMIT_REACHED', `one answer per ${NPS_EVERY_DAYS} days; next from ${shopDateLabel(next)}`);
  const seq = (f.latest?.seq ?? 0) + 1;
  return success({
    kind: 'add',
    answer: {
      _id: npsAnswerId(m._id, seq),
      memberId: m._id,
      seq,
      storeId: ok.value.storeId,
      staffId: f.staffId,
      orderKey: ok.value._id,
      score: f.input.score,
      reason: f.input.reason,
      answeredAt: f.now,
    },
  });
}

/** The question the member sees now: after their latest paid order, when the window and the 30-day rule allow. */
export function openQuestion(m: Member, order: TillOrder | null, latest: NpsAnswer | null, now: Date): TillOrder | null {
  if (isLeaving(m) || !order || !orderProblem(order, m._id, now).ok) return null;
  if (latest && latest.orderKey === order._id) return null;
  return nextAnswerFrom(latest, now) ? null : order;
}
