import type { LedgerEntry } from '../domain/points/ledgerEntry';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { documents } from './read';
import { type Transaction, txGet } from './transaction';

export type { EntrySource, LedgerEntry } from '../domain/points/ledgerEntry';

/** Appends entries inside the transaction that also writes the member's cached account. */
export async function appendEntries(t: Transaction, entries: LedgerEntry[]): Promise<void> {
  for (const e of entries) await t.collection(COLLECTIONS.ledger).add({ data: e });
}

/** The member's history, newest first, `limit` lines older than `before` (a seq). */
export async function ledgerPage(db: Database, memberId: string, before: number | undefined, limit: number): Promise<LedgerEntry[]> {
  const _ = db.command;
  const filter = before === undefined ? { memberId } : { memberId, seq: _.lt(before) };
  return documents<LedgerEntry>(db.collection(COLLECTIONS.ledger).where(filter).orderBy('seq', 'desc').limit(limit));
}

/** All of a member's entries, oldest first (export, tests): paged by seq, never one unbounded read. */
export async function allEntriesOf(db: Database, memberId: string): Promise<LedgerEntry[]> {
  const _ = db.command;
  const out: LedgerEntry[] = [];
  for (;;) {
    const after = out.length ? out[out.length - 1]!.seq : 0;
    const page = await documents<LedgerEntry>(
      db.collection(COLLECTIONS.ledger).where({ memberId, seq: _.gt(after) }).orderBy('seq', 'asc').limit(1000),
    );
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/** Leaving the programme erases the member's history with them (PIPL). */
export async function deleteEntriesOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.ledger).where({ memberId }).remove();
}

/** One entry read inside a transaction (a redeem's own line, by its id: the spend was made before), or null. */
export async function txLedgerEntry(t: Transaction, id: string): Promise<LedgerEntry | null> {
  return txGet<LedgerEntry>(t, COLLECTIONS.ledger, id);
}
