import { type MemberCode, orderCodeProblem, slotOf } from '../memberCode';
import { offlineCodeProblem, type TillDevice } from '../tillDevice';

/** A member code as the till found it: a server code's record, or an offline code's device and the step its password matched. */
export type TillHeldCode = { kind: 'server'; record: MemberCode } | { kind: 'offline'; device: TillDevice; step: number };

/**
 * Whether a till may use `code` for an order the shopper paid at `paidAt`, delivered now (a quote
 * is an order paid this instant): null when it may, otherwise why not, for the till. The order's
 * plan and the quote ask this one rule.
 */
export function tillCodeProblem(held: TillHeldCode, code: string, paidAt: Date, now: Date): string | null {
  if (held.kind === 'offline') return offlineCodeProblem(held.device, held.step, { kind: 'order', paidAt }, now);
  const slot = slotOf(held.record, code);
  return slot ? orderCodeProblem(slot === 'current' ? held.record : held.record.previous!, paidAt, now) : 'the member code is unknown or long expired';
}
