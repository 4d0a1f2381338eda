import type { MemberSummary } from '../contract';
import { type Member, pointsNow } from './member';
import { tierOf } from './tiers';
import { toIso } from './time';

/** A store clerk. `_id` is their openid: staff are known to the cloud context, like members. */
export interface Staff {
  _id: string;
  storeId: string;
  name: string;
  role: 'clerk' | 'manager';
  active: boolean;
}

export function isActiveStaff(s: Staff | null): s is Staff {
  return s !== null && s.active;
}

/** What a clerk sees of a member: masked phone, no openid, no birthday year or consent details. */
export function memberSummary(m: Member, now: Date): MemberSummary {
  return {
    memberId: m._id,
    nickname: m.nickname,
    avatar: m.avatar,
    tier: m.tier,
    tierName: tierOf(m.tier).name,
    points: pointsNow(m, now),
    phoneMasked: m.phoneMasked,
    homeStore: m.homeStore,
    memberSince: toIso(m.joinedAt),
  };
}
