import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { newMember, type Member } from '../../cloudfunctions/domain/member';
import { shopDayKey } from '../../cloudfunctions/domain/time';
import type { Doc, LocalDatabase, Write } from '../../local/cloud/database';
import { prng } from './birthdays';

const DAY = 86_400_000;
const STORES = [
  { storeId: 'S001', name: '悦衣库 上海静安店' },
  { storeId: 'S002', name: '悦衣库 杭州湖滨店' },
];
const TIERS = ['explorer', 'explorer', 'explorer', 'grower', 'grower', 'loyal'] as const;
/** staff tags of the seed's groups that some members carry */
export const SEEDED_TAGS = ['care-vip', 'shopping-sale'];

export interface SeededSegmentMembers {
  ids: string[];
  /** members marked as leaving (the job must not place them) */
  leaving: Set<string>;
  /** staff tag ids per member */
  tags: Map<string, string[]>;
}

/**
 * `count` members over two stores written straight into the stand-in, shaped like a real member
 * base: 12 % joined within the last 40 days, 20 % never bought, the others with 1–30 purchase days
 * (most few) spread over the last two years, ¥5–¥5,000 a day; tiers, opt-in and staff tags mixed;
 * 0.5 % leaving. Deterministic for a seed.
 */
export async function seedSegmentMembers(db: LocalDatabase, count: number, now: Date, seed = 19_001, prefix = '5'): Promise<SeededSegmentMembers> {
  const rnd = prng(seed);
  const out: SeededSegmentMembers = { ids: [], leaving: new Set(), tags: new Map() };
  let writes: Write[] = [];
  const flush = async () => {
    if (writes.length) await db.apply(writes);
    writes = [];
  };
  for (let i = 0; i < count; i += 1) {
    const id = prefix + String(i).padStart(11, '0');
    const recent = rnd() < 0.12;
    const joinedAt = new Date(now.getTime() - (recent ? Math.floor(rnd() * 40 * DAY) : 40 * DAY + Math.floor(rnd() * 3 * 365 * DAY)));
    const m: Member = newMember(id, `seg-${prefix}-${i}`, { store: STORES[i % 2]!, marketingOptIn: rnd() < 0.6 }, joinedAt);
    m.nickname = `会员${i}`;
    m.tier = TIERS[Math.floor(rnd() * TIERS.length)]!;
    const spendDays: Record<string, number> = {};
    if (rnd() >= 0.2) {
      const visits = 1 + Math.floor(-Math.log(1 - rnd()) * 3);
      const span = Math.max(1, Math.min(730, Math.floor((now.getTime() - joinedAt.getTime()) / DAY)));
      for (let v = 0; v < Math.min(visits, 30); v += 1) {
        const key = shopDayKey(new Date(now.getTime() - Math.floor(rnd() * span) * DAY));
        spendDays[key] = (spendDays[key] ?? 0) + 500 + Math.floor(rnd() * rnd() * 500_000);
      }
    }
    m.spendDays = spendDays;
    if (rnd() < 0.005) {
      m.leavingSince = now;
      out.leaving.add(id);
    }
    out.ids.push(id);
    writes.push({ c: COLLECTIONS.members, id, doc: m as unknown as Doc });
    const held = SEEDED_TAGS.filter(() => rnd() < 0.05);
    if (held.length) {
      out.tags.set(id, held);
      for (const tagId of held) writes.push({ c: COLLECTIONS.memberStaffTags, id: `${id}:${tagId}`, doc: { _id: `${id}:${tagId}`, memberId: id, tagId, addedBy: { storeId: m.homeStore.storeId, name: '林小悦' }, at: now } as unknown as Doc });
    }
    if (writes.length >= 5_000) await flush();
  }
  await flush();
  return out;
}
