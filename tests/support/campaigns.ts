import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import type { SegmentPlacement } from '../../cloudfunctions/domain/ops/placement';
import type { Member } from '../../cloudfunctions/domain/member';
import type { Doc, Write } from '../../local/cloud/database';
import type { Harness } from './harness';
import { memberWith, putMembers, type STORES } from './todoMembers';

/** A 12-digit memberId from a number (the card's form). */
export const memberNo = (i: number) => String(300_000_000_000 + i);

export interface SeededMember {
  store?: keyof typeof STORES;
  segment?: string | null;
  tier?: Member['tier'];
  optIn?: boolean;
  nickname?: string;
}

/** A member's placement as the segments job writes it (domain/ops/placement.ts). */
export function placementOf(m: Member, segment: string | null, scoredOn = '2026-11-25'): SegmentPlacement {
  return {
    _id: m._id,
    storeId: m.homeStore.storeId,
    tier: m.tier,
    optIn: m.consent.marketing.optIn,
    segment,
    r: 1,
    f: 1,
    m: 1,
    daysSinceLastOrder: 120,
    orders12m: 1,
    spend12m: 19_900,
    scoredOn,
    weekAgo: null,
    tags: [],
    log: [],
  };
}

/**
 * Members written straight into the stand-in (for speed: 10,000 at once) with their placements, as
 * if the segments job had run: the same defaults for each unless `each` says otherwise.
 */
export async function seedPlaced(h: Harness, ids: string[], each: (id: string, i: number) => SeededMember = () => ({})): Promise<Member[]> {
  const members = ids.map((id, i) => {
    const s = each(id, i);
    const m = memberWith(id, { store: s.store ?? 'S001', tier: s.tier ?? 'explorer', ...(s.nickname ? { nickname: s.nickname } : {}) });
    const optIn = s.optIn ?? true;
    return { ...m, consent: { ...m.consent, marketing: { optIn, changedAt: m.joinedAt } } } as Member;
  });
  await putMembers(h.cloud.db, members);
  const writes: Write[] = members.map((m, i) => ({ c: COLLECTIONS.memberSegments, id: m._id, doc: placementOf(m, each(m._id, i).segment === undefined ? 'dormant' : (each(m._id, i).segment as string | null)) as unknown as Doc }));
  for (let i = 0; i < writes.length; i += 5_000) await h.cloud.db.apply(writes.slice(i, i + 5_000));
  return members;
}

/** A reminder credit for 专属优惠到账通知, as if the member had accepted it in the app. */
export async function giveCampaignCredit(h: Harness, memberIds: string[]): Promise<void> {
  await h.cloud.db.apply(memberIds.map((id) => ({ c: COLLECTIONS.subscriptions, id, doc: { _id: id, memberId: id, credits: { campaignOffer: 1 } } as unknown as Doc })));
}

/** A launch's input with the defaults a manager's form would send. */
export function launchOf(over: Record<string, unknown> = {}) {
  return {
    action: 'launchCampaign',
    requestId: 'launch-0001',
    name: '唤醒沉睡会员',
    audience: { segments: ['dormant'], tiers: [], tags: [], optedInOnly: false },
    templateId: 'win-back-30',
    message: false,
    controlPercent: 10,
    budget: { maxCoupons: null, maxDiscountFen: null },
    ...over,
  };
}

export const campaignCoupons = (h: Harness, campaignId: string) => h.cloud.db.find(COLLECTIONS.coupons, {}).filter((c) => String(c._id).startsWith(`campaign:${campaignId}:`));
