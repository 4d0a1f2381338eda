import type { MemberSummary } from '../../contract';
import { type Member, pointsNow } from '../member';
import { tierOf } from '../tiers';
import { toIso } from '../time';

/** What a staff member does in the store: clerks serve, stylists also run 1v1 sessions, managers also run the store's figures. */
export const STAFF_ROLES = ['clerk', 'stylist', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A store's staff member. `_id` is their openid: staff are known to the cloud context, like members. */
export interface Staff {
  _id: string;
  storeId: string;
  name: string;
  role: StaffRole;
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
