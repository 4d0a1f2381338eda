import { failure, success } from '../../contract';
import type { memberNpsContract } from '../../contract/memberNps';
import { findMemberByOpenid, keptForMember } from '../../data/members';
import { findTillOrder, insertNpsAnswer, latestNpsAnswer, looksAround, removeNpsAnswer } from '../../data/nps';
import { findStore } from '../../data/stores';
import { insertTodo, removeTodos } from '../../data/todos';
import { notMember } from '../../domain/member';
import { maskPhonesIn } from '../../domain/phone';
import type { NpsAnswer } from '../../domain/ops/nps/answer';
import { detractorCare } from '../../domain/ops/nps/detractorCare';
import { NPS_ASK_WITHIN_DAYS, NPS_EVERY_DAYS, nextAnswerFrom, openQuestion, planNpsAnswer } from '../../domain/ops/nps/rules';
import { npsBand } from '../../domain/ops/nps/score';
import { SERVED_AFTER_MS, SERVED_BEFORE_MS, servedBy } from '../../domain/ops/nps/servedBy';
import { toIso } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/handler';

const DAY_MS = 86_400_000;

/** The answer as the page shows it, with what it offers next (a promoter the invite page, a detractor the call-back). */
function answered(a: NpsAnswer, created: boolean) {
  const band = npsBand(a.score);
  return success({
    answer: { orderKey: a.orderKey, score: a.score, band, reason: a.reason, answeredAt: toIso(a.answeredAt) },
    created,
    next: band === 'promoter' ? ('invite' as const) : band === 'detractor' ? ('callback' as const) : ('thanks' as const),
    nextFrom: toIso(new Date(a.answeredAt.getTime() + NPS_EVERY_DAYS * DAY_MS)),
  });
}

/** A detractor's care to-do for the store, once (its id names the answer): made again by a retry after a crash in between. */
async function careFor(db: Database, a: NpsAnswer): Promise<void> {
  const todo = detractorCare(a);
  if (todo) await insertTodo(db, todo);
}

export const npsHandlers: Handlers<typeof memberNpsContract> = {
  /** The question open now: after the member's latest paid order, for a week, unless they answered within 30 days. */
  async npsQuestion(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const [order, latest] = await Promise.all([m.lastOrderKey ? findTillOrder(ctx.db, m.lastOrderKey) : null, latestNpsAnswer(ctx.db, m._id)]);
    const next = nextAnswerFrom(latest, ctx.now);
    const open = openQuestion(m, order, latest, ctx.now);
    if (!open) return success({ question: null, nextFrom: next ? toIso(next) : null });
    const storeName = m.lastReceipt?.receiptId === open._id ? m.lastReceipt.storeName : ((await findStore(ctx.db, open.storeId))?.name ?? open.storeId);
    return success({
      question: { orderKey: open._id, storeName, paidAt: toIso(open.paidAt), payableFen: open.amountFen, askUntil: toIso(new Date(open.paidAt.getTime() + NPS_ASK_WITHIN_DAYS * DAY_MS)) },
      nextFrom: null,
    });
  },

  /**
   * One answer per 30 days, about a paid order of the member's within a week of it. The answer's
   * id is the member's next seq: of parallel answers one is added, the others hear LIMIT_REACHED
   * (or, for the same order, the kept answer). A detractor's answer makes the store's call-back.
   */
  async answerNps(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const [order, latest] = await Promise.all([findTillOrder(ctx.db, input.orderKey), latestNpsAnswer(ctx.db, m._id)]);
    const mine = order && order.memberId === m._id ? order : null;
    const looks = mine ? await looksAround(ctx.db, m._id, { from: new Date(mine.paidAt.getTime() - SERVED_BEFORE_MS), until: new Date(mine.paidAt.getTime() + SERVED_AFTER_MS) }) : [];
    // staff read the reason (the care list, the manager's report): a mobile number typed into it is kept masked
    const reason = input.reason ? maskPhonesIn(input.reason) : null;
    const plan = planNpsAnswer({ member: m, order: mine, latest, staffId: mine ? servedBy(mine, looks, m) : null, input: { orderKey: input.orderKey, score: input.score, reason }, now: ctx.now });
    if (!plan.ok) return plan;
    const { answer } = plan.value;
    if (plan.value.kind === 'same') {
      await careFor(ctx.db, answer);
      return answered(answer, false);
    }
    if ((await insertNpsAnswer(ctx.db, answer)) === 'duplicate') {
      // a parallel answer took this seq: the same order's is that answer, any other is one too many
      const won = await latestNpsAnswer(ctx.db, m._id);
      if (won && won.orderKey === input.orderKey) return answered(won, false);
      return failure('LIMIT_REACHED', `one answer per ${NPS_EVERY_DAYS} days`);
    }
    await careFor(ctx.db, answer);
    // the member began leaving meanwhile: nothing of theirs outlives the erase
    const takeBack = async () => {
      await removeNpsAnswer(ctx.db, answer._id);
      const care = detractorCare(answer);
      if (care) await removeTodos(ctx.db, [care._id]);
    };
    if (!(await keptForMember(ctx.db, m._id, takeBack))) return notMember();
    return answered(answer, true);
  },
};
