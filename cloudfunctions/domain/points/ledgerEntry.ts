import type { EntryDraft } from './account';

/** Where an entry came from, for the member's history and for audits. */
export type EntrySource =
  | { kind: 'order'; storeId: string; storeName: string; orderId: string; amountFen: number }
  | { kind: 'refund'; storeId: string; storeName: string; orderId: string; refundId: string; amountFen: number }
  | { kind: 'reward'; key: string; title: string }
  | { kind: 'expiry' };

/** A ledger entry as stored: never changed or removed while the member belongs to the programme. */
export interface LedgerEntry extends Omit<EntryDraft, 'id'> {
  _id: string;
  memberId: string;
  source: EntrySource;
}

/** The stored entries of a plan: lots a plan expires first are the expiry's, whatever caused the plan. */
export function ledgerEntries(memberId: string, drafts: EntryDraft[], source: EntrySource): LedgerEntry[] {
  return drafts.map(({ id, ...rest }) => ({ _id: id, memberId, ...rest, source: rest.kind === 'expire' ? { kind: 'expiry' } : source }));
}
