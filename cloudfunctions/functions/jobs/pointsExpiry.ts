import { appendEntries } from '../../data/ledger';
import { txMember, txWriteMember } from '../../data/memberAccount';
import { membersDue } from '../../data/members';
import { retryingRaces, transaction } from '../../data/transaction';
import { isLeaving } from '../../domain/member';
import { ledgerEntries } from '../../domain/points/ledgerEntry';
import { memberChanges, planExpiry } from '../../domain/points/plans';
import type { Database } from '../../platform/cloud';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';

/** One member's lots whose time has come, expired in one transaction; false when none had (or the member is leaving). */
function expireLotsOf(db: Database, memberId: string, now: Date): Promise<boolean> {
  return transaction(db, async (t) => {
    const member = await txMember(t, memberId);
    const plan = member && !isLeaving(member) ? planExpiry(member, now) : null;
    if (!member || !plan) return false;
    await appendEntries(t, ledgerEntries(member._id, plan.entries, { kind: 'expiry' }));
    await txWriteMember(t, db, member._id, memberChanges(plan, now));
    return true;
  });
}

/**
 * Expires the lots whose time has come: one "expire" ledger entry per lot, written with the
 * member's account in one transaction. Members are found by their next expiry (indexed).
 */
export const pointsExpiry: DailyJob = {
  name: 'points-expiry',
  async batch(db, cursor, now) {
    const members = await membersDue(db, 'lotsExpireNext', { until: now }, cursor, BATCH_SIZE);
    let changed = 0;
    for (const m of members) {
      if (await retryingRaces(() => expireLotsOf(db, m._id, now))) changed += 1;
    }
    return { cursor: cursorAfter(members.map((m) => m._id)), processed: members.length, changed };
  },
};
