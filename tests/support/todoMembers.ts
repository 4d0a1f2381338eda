import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { type Member, newMember } from '../../cloudfunctions/domain/member';
import type { Doc, LocalDatabase, Write } from '../../local/cloud/database';

export const STORES = {
  S001: { storeId: 'S001', name: '悦衣库 上海静安店' },
  S002: { storeId: 'S002', name: '悦衣库 杭州湖滨店' },
} as const;

/** A member written straight into the stand-in (not through enroll), joined long ago unless told, with these fields over the defaults. */
export function memberWith(id: string, over: Partial<Member> & { store?: keyof typeof STORES } = {}, joinedLongAgo = new Date('2025-01-10T02:00:00.000Z')): Member {
  const { store = 'S001', ...fields } = over;
  const m = newMember(id, `openid-${id}`, { store: STORES[store] }, fields.joinedAt ?? joinedLongAgo);
  return { ...m, nickname: `会员${id.slice(-4)}`, phoneMasked: '138****0000', ...fields };
}

/** Written as they are (a structuredClone in a test's realm would make Dates the stand-in's index does not know). */
export async function putMembers(db: LocalDatabase, members: Member[]): Promise<void> {
  const writes: Write[] = members.map((m) => ({ c: COLLECTIONS.members, id: m._id, doc: m as unknown as Doc }));
  for (let i = 0; i < writes.length; i += 5_000) await db.apply(writes.slice(i, i + 5_000));
}

/** Points earned on `earnedAt`, expiring at `expiresAt`: one open lot, the balance and the expiry index field set. */
export function withLot(points: number, earnedAt: Date, expiresAt: Date): Partial<Member> {
  return { points, lots: [{ id: `lot-${points}`, earned: points, remaining: points, earnedAt, expiresAt }], lotsExpireNext: expiresAt };
}
