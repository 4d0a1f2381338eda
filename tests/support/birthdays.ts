import type { TierCode } from '../../cloudfunctions/contract';
import type { SubscribeTemplateKey } from '../../cloudfunctions/contract/formats';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import type { SubscribeCredits } from '../../cloudfunctions/data/subscriptions';
import { newMember } from '../../cloudfunctions/domain/member';
import type { Doc, LocalDatabase, Write } from '../../local/cloud/database';

/**
 * Members written straight into the stand-in's database (not through enroll): fast enough for a
 * hundred thousand. Deterministic for a given seed: birthdays over every day of the year (29
 * February a quarter as often, as people born in leap years are), some without a birthday, tiers
 * and subscribe credits in plausible shares.
 */
export interface SeededMembers {
  /** every memberId written, in the order written */
  ids: string[];
  /** memberId → its birthday ("MM-DD") or null */
  birthday: Map<string, string | null>;
  tier: Map<string, TierCode>;
  /** memberId → the credits written for it (members without a subscriptions document are absent) */
  credits: Map<string, Record<SubscribeTemplateKey, number>>;
}

export interface SeedOptions {
  count: number;
  now: Date;
  /** PRNG seed: the same seed gives the same members */
  seed?: number;
  /** openids are `${prefix}-${i}` */
  prefix?: string;
  /** share of members who never gave a birthday */
  noBirthday?: number;
  /** share of members with a subscriptions document */
  subscribed?: number;
  /** this many more members, born on these days (in turn): a crowded day for a test */
  crowd?: { birthdays: string[]; count: number };
  /** documents per LocalDatabase.apply */
  chunk?: number;
}

/** Every "MM-DD" of a leap year, 02-29 included. */
export const ALL_BIRTHDAYS: string[] = (() => {
  const out: string[] = [];
  for (let m = 1; m <= 12; m += 1) {
    const days = new Date(Date.UTC(2024, m, 0)).getUTCDate();
    for (let d = 1; d <= days; d += 1) out.push(`${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  return out;
})();
const COMMON_DAYS = ALL_BIRTHDAYS.filter((d) => d !== '02-29');

/** mulberry32: a small, good-enough deterministic generator in [0, 1). */
export function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A day of the year, each as likely, 29 February a quarter as likely. */
function randomBirthday(rnd: () => number): string {
  const u = rnd() * 365.25;
  return u >= 365 ? '02-29' : COMMON_DAYS[Math.floor(u)]!;
}

function randomTier(rnd: () => number): TierCode {
  const u = rnd();
  return u < 0.7 ? 'explorer' : u < 0.92 ? 'grower' : 'loyal';
}

/** Most subscribers hold one birthday credit, some none (only other reminders), a few more than one. */
function randomCredits(rnd: () => number): Record<SubscribeTemplateKey, number> {
  const u = rnd();
  const birthdayGift = u < 0.3 ? 0 : u < 0.85 ? 1 : 2 + Math.floor(rnd() * 2);
  return { pointsExpiring: Math.floor(rnd() * 3), couponExpiring: Math.floor(rnd() * 3), birthdayGift, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 };
}

/** Writes the members (and their subscriptions documents) in chunks; ids are 12 digits, as enroll makes them. */
export async function seedMembers(db: LocalDatabase, opts: SeedOptions): Promise<SeededMembers> {
  const rnd = prng(opts.seed ?? 20_261_125);
  const prefix = opts.prefix ?? 'seeded';
  const noBirthday = opts.noBirthday ?? 0.12;
  const subscribed = opts.subscribed ?? 0.35;
  const chunk = opts.chunk ?? 5_000;
  const crowd = opts.crowd ?? { birthdays: [], count: 0 };
  const total = opts.count + crowd.count;
  const out: SeededMembers = { ids: [], birthday: new Map(), tier: new Map(), credits: new Map() };
  const store = { storeId: 'S001', name: '悦衣库 上海静安店' };
  let writes: Write[] = [];
  for (let i = 0; i < total; i += 1) {
    let id: string;
    do id = String(1 + Math.floor(rnd() * 9)) + String(Math.floor(rnd() * 1e11)).padStart(11, '0');
    while (out.birthday.has(id));
    const crowded = i >= opts.count;
    const birthday = crowded ? crowd.birthdays[(i - opts.count) % crowd.birthdays.length]! : rnd() < noBirthday ? null : randomBirthday(rnd);
    const tier = randomTier(rnd);
    const joinedAt = new Date(opts.now.getTime() - Math.floor(rnd() * 3 * 365) * 86_400_000);
    const member = newMember(id, `${prefix}-${i}`, { store, birthday: birthday ?? undefined }, joinedAt);
    member.tier = tier;
    out.ids.push(id);
    out.birthday.set(id, birthday);
    out.tier.set(id, tier);
    writes.push({ c: COLLECTIONS.members, id, doc: member as unknown as Doc });
    if (rnd() < subscribed) {
      const credits = randomCredits(rnd);
      out.credits.set(id, credits);
      const doc: SubscribeCredits = { _id: id, credits, updatedAt: joinedAt };
      writes.push({ c: COLLECTIONS.subscriptions, id, doc: doc as unknown as Doc });
    }
    if (writes.length >= chunk) {
      await db.apply(writes);
      writes = [];
    }
  }
  if (writes.length) await db.apply(writes);
  return out;
}

/** How many of `count` members seeded with the default shares are expected to be born on these days (a 29 February counts a quarter). */
export function expectedBornOn(count: number, birthdays: string[], noBirthday = 0.12): number {
  const days = birthdays.reduce((n, d) => n + (d === '02-29' ? 0.25 : 1), 0);
  return (count * (1 - noBirthday) * days) / 365.25;
}

/** The seeded members whose birthday is one of these. */
export function membersBornOn(seeded: SeededMembers, birthdays: string[]): string[] {
  return seeded.ids.filter((id) => birthdays.includes(seeded.birthday.get(id) ?? ''));
}
