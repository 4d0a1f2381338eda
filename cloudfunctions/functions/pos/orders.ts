import { failure, type Outcome, success } from '../../contract';
import type { PosOrderInput, PosOrderResult } from '../../contract/pos';
import { parseInstant } from '../../contract/formats';
import { txCoupon, txTemplate } from '../../data/coupons';
import { txFormerUse } from '../../data/formerUse';
import { txMember } from '../../data/memberAccount';
import { txMemberCode } from '../../data/memberCodes';
import { txTillDevice } from '../../data/tillDevices';
import { findOrder, tillKey, type TillOrder } from '../../data/orders';
import type { Store } from '../../data/stores';
import { applyOrderPlan } from '../../data/till';
import { retryingRaces, transaction, type Transaction } from '../../data/transaction';
import { EVENT_TEMPLATES } from '../../domain/coupons/events';
import type { OrderCouponFacts } from '../../domain/coupons/lifecycle';
import { couponIds } from '../../domain/coupons/template';
import type { Member } from '../../domain/member';
import { canonicalOrder } from '../../domain/till/canonical';
import { orderProblem, paidAtOnOurClock } from '../../domain/till/orderChecks';
import { planTillOrder, type TillOrderFacts } from '../../domain/till/orderPlan';
import { txProgramme, txReferral } from '../../data/referrals';
import { categoriesOf } from '../../data/products';
import { fingerprint } from '../../platform/fingerprint';
import type { Database } from '../../platform/cloud';
import type { CodeGuesser } from '../../domain/codeGuesses';
import { findCodeWithinLimit, type FoundCode, limitReached } from '../codes/resolve';

/** The second-item coupon's facts, read only for a member who has not paid an order yet. */
async function secondItemFacts(t: Transaction, m: Member | null): Promise<OrderCouponFacts['secondItem']> {
  if (!m || m.firstOrderAt) return null;
  const [template, held, former] = [
    await txTemplate(t, EVENT_TEMPLATES.secondItem),
    await txCoupon(t, couponIds.once(EVENT_TEMPLATES.secondItem, m._id)),
    await txFormerUse(t, m.openid),
  ];
  return { template, held: !!held, formerOnce: former.once };
}

/** The referral the member joined through, read only before their first paid order (which decides it). */
async function referralFacts(t: Transaction, m: Member | null): Promise<TillOrderFacts['referral']> {
  if (!m?.referralId || m.firstOrderAt) return null;
  const record = await txReferral(t, m.referralId);
  return { record, programme: record ? await txProgramme(t, record.programmeId) : null };
}

/** The code's record and its member, read again inside the order's transaction (a new code or device, or another order, may have come meanwhile). */
async function codeFacts(t: Transaction, found: FoundCode): Promise<Pick<TillOrderFacts, 'code' | 'device' | 'member'>> {
  if (found.kind === 'offline') {
    const record = await txTillDevice(t, found.device._id);
    return { code: null, device: { record, step: found.step }, member: record ? await txMember(t, record.memberId) : null };
  }
  const code = await txMemberCode(t, found.record._id);
  return { code, device: null, member: code ? await txMember(t, code._id) : null };
}

/**
 * A paid till order: read its facts (the member code, the member, the coupons named on it, what
 * a first order brings), plan it in domain/till, apply the plan in the same transaction. A
 * delivery of an order already recorded answers the first result again and writes nothing.
 */
export async function recordOrder(db: Database, store: Store, input: PosOrderInput, now: Date, tillOffsetMs = 0): Promise<Outcome<PosOrderResult>> {
  const paidAt = paidAtOnOurClock(input, tillOffsetMs);
  const key = tillKey(store._id, input.orderId);
  const till: CodeGuesser = { kind: 'till', storeId: store._id };
  const print = fingerprint(canonicalOrder(input, parseInstant(input.paidAt)!));
  const answerRecorded = (recorded: TillOrder): Outcome<PosOrderResult> =>
    recorded.fingerprint === print ? success(recorded.result) : failure('CONFLICT', `order ${input.orderId} was recorded before with different contents`);
  const attempt = async (): Promise<Outcome<PosOrderResult>> => {
    // with coupons named, the catalogue's categories too (a category coupon counts only its pieces; read here, as only doc(id) reads take part in a transaction)
    // the code under the till's minute of wrong codes: a till past it is refused whatever it sends
    const [existing, found, categories] = await Promise.all([
      findOrder(db, key),
      findCodeWithinLimit(db, till, now, input.memberCode, paidAt, 'order'),
      input.couponIds?.length ? categoriesOf(db, input.items.map((i) => i.sku)) : undefined,
    ]);
    if (existing) return answerRecorded(existing);
    if (found === 'limit') return limitReached();
    const problem = orderProblem(input, now, tillOffsetMs);
    if (problem) return failure('INVALID_INPUT', problem);
    if (!found) return failure('CODE_EXPIRED', 'the member code is unknown or long expired: ask the member to refresh it');
    return transaction(db, async (t): Promise<Outcome<PosOrderResult>> => {
      // read again inside: the member may have fetched new codes meanwhile, or another order used this one
      const { code, device, member } = await codeFacts(t, found);
      const coupons = [];
      for (const id of input.couponIds ?? []) coupons.push(await txCoupon(t, id));
      const secondItem = await secondItemFacts(t, member);
      const referral = await referralFacts(t, member);
      const plan = planTillOrder({ store: { id: store._id, name: store.name }, key, input, fingerprint: print, paidAt, now, code, device, member, coupons, secondItem, referral, categories });
      if (!plan.ok) return plan;
      await applyOrderPlan(t, db, plan.value);
      return success(plan.value.result);
    });
  };
  return retryingRaces(async () => {
    const outcome = await attempt();
    if (outcome.ok || (outcome.error.code !== 'CODE_EXPIRED' && outcome.error.code !== 'NOT_CLAIMABLE')) return outcome;
    // a parallel delivery of this very order may have used the code (and its coupons) after our order read: then answer as it did
    const recorded = await findOrder(db, key);
    return recorded ? answerRecorded(recorded) : outcome;
  });
}
