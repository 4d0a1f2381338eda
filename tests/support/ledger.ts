import { runJobOutput } from '../../cloudfunctions/contract/jobs';
import type { LedgerEntry } from '../../cloudfunctions/data/ledger';
import type { Member } from '../../cloudfunctions/domain/member';
import { redeemPoints } from '../../cloudfunctions/functions/points/redeem';
import { database } from '../../cloudfunctions/platform/cloud';
import { functionMains } from '../../local/functions';
import type { Harness } from './harness';

/** Every stored document's version, per collection: equal snapshots mean nothing was written. */
export function snapshot(h: Harness, collections: string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of collections) {
    out[c] = {};
    for (const [id, entry] of h.cloud.db.collection(c)) out[c][id] = (entry as { version: number }).version;
  }
  return out;
}

/** The collections an order or refund writes (the nonce aside). */
export const POINTS_DATA = ['orders', 'refunds', 'ledger', 'members', 'memberCodes', 'subscriptions', 'messages', 'jobRuns'];

export function memberDoc(h: Harness, memberId: string): Member {
  const doc = h.cloud.db.find('members', { _id: memberId })[0];
  if (!doc) throw new Error(`no member ${memberId}`);
  return doc as unknown as Member;
}

/** The member's ledger entries, oldest first. */
export function ledgerOf(h: Harness, memberId: string): LedgerEntry[] {
  return h.cloud.db.find('ledger', { memberId }, { order: { seq: 1 } }) as unknown as LedgerEntry[];
}

/**
 * What is wrong with a member's points (empty: nothing): the cached balance equals the ledger's
 * sum and the open lots' remaining points and is never negative, the debt equals the ledger's
 * debt changes, every entry's running figures agree, and the seqs run 1..n without a gap.
 */
export function accountProblems(h: Harness, memberId: string): string[] {
  const m = memberDoc(h, memberId);
  const entries = ledgerOf(h, memberId);
  const problems: string[] = [];
  const sum = entries.reduce((s, e) => s + e.points, 0);
  const debt = entries.reduce((s, e) => s + e.debtChange, 0);
  const lots = (m.lots ?? []).reduce((s, l) => s + l.remaining, 0);
  if (m.points !== sum) problems.push(`points ${m.points} ≠ ledger sum ${sum}`);
  if (m.points < 0) problems.push(`points ${m.points} < 0`);
  if (m.points !== lots) problems.push(`points ${m.points} ≠ open lots ${lots}`);
  if ((m.pointsDebt ?? 0) !== debt) problems.push(`debt ${m.pointsDebt} ≠ ledger debt ${debt}`);
  if ((m.ledgerSeq ?? 0) !== entries.length) problems.push(`ledgerSeq ${m.ledgerSeq} ≠ ${entries.length} entries`);
  let balance = 0;
  let owed = 0;
  entries.forEach((e, i) => {
    balance += e.points;
    owed += e.debtChange;
    if (e.seq !== i + 1) problems.push(`entry ${e._id} has seq ${e.seq}, expected ${i + 1}`);
    if (e.balanceAfter !== balance || e.debtAfter !== owed) problems.push(`entry ${e._id} says ${e.balanceAfter}/${e.debtAfter}, running ${balance}/${owed}`);
    if (balance < 0 || owed < 0) problems.push(`entry ${e._id} leaves ${balance} points, ${owed} debt`);
  });
  return problems;
}

/** Spends points through the ledger's redeem path, as one function call (the reward claim that will use it). */
export async function redeem(h: Harness, memberId: string, key: string, points: number, title = '¥20 无门槛券') {
  const { result } = await h.cloud.call(null, () => redeemPoints(database(), memberId, { key, points, title }, h.clock.now()));
  return result;
}

/** Calls the `jobs` function as its timer (no caller) or as `openid`; checks a success against the contract. */
export async function runJobs(h: Harness, event: unknown, openid: string | null = null) {
  const jobs = functionMains().jobs!;
  const { result } = await h.cloud.call(openid, () => jobs(event));
  if (result.ok) runJobOutput.parse(result.data);
  return result as { ok: true; data: { runs: Array<{ job: string; runDate: string; processed: number; changed: number; done: boolean; failed: boolean }> } } | { ok: false; error: { code: string; message: string } };
}
