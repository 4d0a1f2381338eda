import type { LedgerKind } from '../../contract';
import { shopTime, shopYearStart } from '../time';

/**
 * A member's spendable points as lots (Open Loyalty's idea): every earning opens a lot with its
 * own expiry; spending, claw-backs and expiry take from the lots that expire first. The account
 * is a cache of the ledger, written in the same transaction as the ledger entries it reflects.
 */
export interface Lot {
  /** the ledger entry that earned it */
  id: string;
  /** points the lot opened with */
  earned: number;
  /** points still spendable */
  remaining: number;
  earnedAt: Date;
  expiresAt: Date;
}

export interface PointsAccount {
  /** spendable points: the sum of the open lots' remaining points */
  balance: number;
  /** points a refund could not take back (they were spent); settled first from later earnings */
  debt: number;
  /** open lots (remaining > 0), the first to expire first */
  lots: Lot[];
  /** the seq of the member's newest ledger entry (0: none yet) */
  seq: number;
}

/** Which lots an entry took points from: the link from a spend to the lots it used. */
export interface LotTake {
  lotId: string;
  points: number;
}

/** A ledger entry as the domain computes it; the data layer adds the member and the source. */
export interface EntryDraft {
  id: string;
  kind: LedgerKind;
  seq: number;
  /** change of the balance (negative when points left it) */
  points: number;
  /** + debt added (claw-back short of points), − debt settled (from an earning) */
  debtChange: number;
  at: Date;
  balanceAfter: number;
  debtAfter: number;
  /** expiry of the lot this entry opened (earn and bonus entries with points left after the debt) */
  lotExpiresAt: Date | null;
  takes: LotTake[];
}

export const EMPTY_ACCOUNT: PointsAccount = { balance: 0, debt: 0, lots: [], seq: 0 };

/** A lot expires at the end of the calendar year after the one it was earned in (Asia/Shanghai). */
export function lotExpiry(earnedAt: Date): Date {
  return shopYearStart(shopTime(earnedAt).year() + 2);
}

const byExpiry = (a: Lot, b: Lot) =>
  a.expiresAt.getTime() - b.expiresAt.getTime() || a.earnedAt.getTime() - b.earnedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function entry(account: PointsAccount, fields: Omit<EntryDraft, 'seq' | 'balanceAfter' | 'debtAfter'>, after: PointsAccount): EntryDraft {
  return { ...fields, seq: account.seq + 1, balanceAfter: after.balance, debtAfter: after.debt };
}

/**
 * Adds earned points: a debt is settled first, what is left opens a lot. A credit of 0 points
 * still writes its entry (the order earned nothing, or everything went to the debt).
 */
export function credit(account: PointsAccount, c: { id: string; kind: 'earn' | 'bonus' | 'adjust'; points: number; at: Date }): { account: PointsAccount; entry: EntryDraft } {
  if (!Number.isSafeInteger(c.points) || c.points < 0) throw new Error(`a credit is a whole number of points ≥ 0, not ${c.points}`);
  const settled = Math.min(account.debt, c.points);
  const toLot = c.points - settled;
  const lots = toLot > 0 ? [...account.lots, { id: c.id, earned: toLot, remaining: toLot, earnedAt: c.at, expiresAt: lotExpiry(c.at) }].sort(byExpiry) : account.lots;
  const after: PointsAccount = { balance: account.balance + toLot, debt: account.debt - settled, lots, seq: account.seq + 1 };
  const draft = entry(account, { id: c.id, kind: c.kind, points: toLot, debtChange: 0 - settled, at: c.at, lotExpiresAt: toLot > 0 ? lotExpiry(c.at) : null, takes: [] }, after);
  return { account: after, entry: draft };
}

/** Takes points from the lots that expire first; returns what each lot gave. */
function takeOldestFirst(lots: Lot[], points: number): { lots: Lot[]; takes: LotTake[] } {
  const takes: LotTake[] = [];
  const left: Lot[] = [];
  let owed = points;
  for (const lot of [...lots].sort(byExpiry)) {
    const take = Math.min(lot.remaining, owed);
    owed -= take;
    if (take > 0) takes.push({ lotId: lot.id, points: take });
    if (lot.remaining - take > 0) left.push({ ...lot, remaining: lot.remaining - take });
  }
  return { lots: left, takes };
}

/** Spends points on a reward: all of them or nothing (null when the balance is short). */
export function spend(account: PointsAccount, s: { id: string; points: number; at: Date }): { account: PointsAccount; entry: EntryDraft } | null {
  if (!Number.isSafeInteger(s.points) || s.points <= 0) throw new Error(`a spend is a whole number of points > 0, not ${s.points}`);
  if (s.points > account.balance) return null;
  const { lots, takes } = takeOldestFirst(account.lots, s.points);
  const after: PointsAccount = { balance: account.balance - s.points, debt: account.debt, lots, seq: account.seq + 1 };
  return { account: after, entry: entry(account, { id: s.id, kind: 'redeem', points: -s.points, debtChange: 0, at: s.at, lotExpiresAt: null, takes }, after) };
}

/**
 * Takes back points a refund removes: as many as the lots hold, oldest first; the rest becomes a
 * debt, so the balance never goes below zero and no point is forgotten.
 */
export function clawBack(account: PointsAccount, c: { id: string; points: number; at: Date }): { account: PointsAccount; entry: EntryDraft } {
  if (!Number.isSafeInteger(c.points) || c.points < 0) throw new Error(`a claw-back is a whole number of points ≥ 0, not ${c.points}`);
  const taken = Math.min(account.balance, c.points);
  const { lots, takes } = takeOldestFirst(account.lots, taken);
  const shortfall = c.points - taken;
  const after: PointsAccount = { balance: account.balance - taken, debt: account.debt + shortfall, lots, seq: account.seq + 1 };
  return { account: after, entry: entry(account, { id: c.id, kind: 'refund', points: 0 - taken, debtChange: shortfall, at: c.at, lotExpiresAt: null, takes }, after) };
}

/** The ledger id of the entry that expires a lot: one per lot, so running expiry twice expires it once. */
export const expiryEntryId = (lotId: string) => `x:${lotId}`;

/** Expires every lot whose expiry has come: one "expire" entry per lot with the points it still held. */
export function expireDue(account: PointsAccount, now: Date): { account: PointsAccount; entries: EntryDraft[] } {
  let current = account;
  const entries: EntryDraft[] = [];
  for (const lot of account.lots) {
    if (lot.expiresAt.getTime() > now.getTime()) continue;
    const after: PointsAccount = {
      balance: current.balance - lot.remaining,
      debt: current.debt,
      lots: current.lots.filter((l) => l.id !== lot.id),
      seq: current.seq + 1,
    };
    entries.push(
      entry(current, { id: expiryEntryId(lot.id), kind: 'expire', points: -lot.remaining, debtChange: 0, at: lot.expiresAt, lotExpiresAt: null, takes: [{ lotId: lot.id, points: lot.remaining }] }, after),
    );
    current = after;
  }
  return { account: current, entries };
}

/** When the next lot expires (null: no open lots): what the expiry job looks members up by. */
export function nextExpiry(account: PointsAccount): Date | null {
  const first = [...account.lots].sort(byExpiry)[0];
  return first ? first.expiresAt : null;
}

/** Points that expire at or before `until`, and the earliest such expiry. */
export function expiringBy(account: PointsAccount, until: Date): number {
  return account.lots.filter((l) => l.expiresAt.getTime() <= until.getTime()).reduce((sum, l) => sum + l.remaining, 0);
}

/** The lots expiring first, grouped: how many points expire at the next expiry instant. */
export function nextExpiryBatch(account: PointsAccount): { points: number; expiresAt: Date } | null {
  const at = nextExpiry(account);
  if (!at) return null;
  return { points: account.lots.filter((l) => l.expiresAt.getTime() === at.getTime()).reduce((s, l) => s + l.remaining, 0), expiresAt: at };
}
