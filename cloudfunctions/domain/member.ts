import type { AppError, MemberCard, Outcome, TierCode } from '../contract';
// the envelope's constructors carry no schemas: the domain stays free of zod
import { failure, success } from '../contract/envelope';
import { JOINING_TIER, tierOf } from './tiers';
import { addMonths, shopDateTimeLabel, toIso } from './time';
import { expireDue, type Lot, type PointsAccount } from './points/account';
import type { SpendDays } from './spend';
import { figuresAsOf, type TierChange, type TierRecord, type TierStanding } from './standing';
import { nextTierRoute } from './tierRules/nextTier';
import type { Coupon } from './coupons/template';
import { walletBrief } from './coupons/walletBrief';
import type { StoredReceipt } from './till/receipt';

import { PRIVACY_POLICY_VERSION } from '../contract/formats';

export { PRIVACY_POLICY_VERSION };
/** The birthday may be changed once per this many months (it decides the birthday gift). */
export const BIRTHDAY_CHANGE_MONTHS = 12;

export interface ConsentEntry {
  kind: 'privacy' | 'marketing';
  granted: boolean;
  at: Date;
  version?: string;
}

export interface EncryptedPhone {
  iv: string;
  tag: string;
  data: string;
}

/** A member as stored. `_id` is the memberId shown on the card; it says nothing about the openid. */
export interface Member {
  _id: string;
  openid: string;
  homeStore: { storeId: string; name: string };
  tier: TierCode;
  tierSince: Date;
  points: number;
  nickname: string | null;
  avatar: string | null;
  birthday: string | null;
  birthdaySetAt: Date | null;
  phone: EncryptedPhone | null;
  phoneMasked: string | null;
  /** keyed digest of the bound phone (platform/holder): tells two accounts of one phone apart, names nobody */
  phoneDigest?: string | null;
  consent: {
    privacy: { version: string; acceptedAt: Date };
    marketing: { optIn: boolean; changedAt: Date };
  };
  /** marketing opt-in changes, oldest first (the newest few dozen; the privacy grant lives in consent.privacy) */
  consentHistory: ConsentEntry[];
  /** the invite code on the join link, attributed later by the referral rules */
  joinRef: string | null;
  /**
   * Who signed the member up (issue 17): the store whose code was scanned and the clerk whose
   * personal join code it was (null for a plain store code). Set once at enroll, never changed;
   * the clerk figures count by it. Absent on members who joined before it existed.
   */
  signedUpBy?: { storeId: string; staffId: string | null };
  // — points (a cache of the ledger, written in the same transaction as its entries) —
  /** points owed after a refund of spent points (settled first from later earnings) */
  pointsDebt?: number;
  /** open lots, the first to expire first */
  lots?: Lot[];
  /** seq of the newest ledger entry */
  ledgerSeq?: number;
  /** when the next lot expires: the expiry job finds members by it */
  lotsExpireNext?: Date | null;
  // — tiers —
  spendDays?: SpendDays;
  tierQualifiedAt?: TierStanding['qualifiedAt'];
  /** the tier review finds members by it; null for Explorers */
  tierKeptUntil?: Date | null;
  /** every change of tier and why, oldest first (the newest few dozen): it tells a tier lost by a refund from one lost at the review */
  tierHistory?: TierChange[];
  /** settled referrals: the referral's key and when it settled (the newest few dozen) */
  referralsSettled?: Array<{ key: string; at: Date }>;
  /** settled referrals ever (the inviter's reward steps up with it) */
  referralsSettledTotal?: number;
  /** the member's invite code (drawn on first use, then stable) */
  inviteCode?: string | null;
  /** the referral this member joined through (its id), if any: their first paid order qualifies it */
  referralId?: string | null;
  // — purchases (coupons: first order, win-back) —
  /** when the member first paid an order (null: not yet: first-order coupons still apply) */
  firstOrderAt?: Date | null;
  lastOrderAt?: Date | null;
  /** the till orders (`${storeId}:${orderId}`) that were the first paid one and the latest: a whole refund of the one order undoes the first */
  firstOrderKey?: string | null;
  lastOrderKey?: string | null;
  /** when a win-back coupon is next due (30 days after the last purchase, 90 days after the last one): the job finds members by it */
  winBackDueAt?: Date | null;
  lastWinBackAt?: Date | null;
  /** what the last till order that used one of the member's codes did: the card shows it (member.receipt); written in that order's transaction */
  lastReceipt?: StoredReceipt | null;
  /**
   * Set when the member asked to leave: from then on every plan refuses them (orders, refunds,
   * spends, claims, jobs) while their data is erased; a retry or the sweep job finishes an erase
   * a crash stopped.
   */
  leavingSince?: Date | null;
  joinedAt: Date;
  updatedAt: Date;
}

export interface JoinRequest {
  store: { storeId: string; name: string };
  marketingOptIn?: boolean;
  nickname?: string;
  avatar?: string;
  birthday?: string;
  ref?: string;
}

/** The member a join creates. Joining requires the privacy consent, recorded with its version. */
export function newMember(memberId: string, openid: string, join: JoinRequest, now: Date): Member {
  const optIn = join.marketingOptIn ?? false;
  return {
    _id: memberId,
    openid,
    homeStore: { storeId: join.store.storeId, name: join.store.name },
    tier: JOINING_TIER,
    tierSince: now,
    points: 0,
    nickname: join.nickname ?? null,
    avatar: join.avatar ?? null,
    birthday: join.birthday ?? null,
    birthdaySetAt: join.birthday ? now : null,
    phone: null,
    phoneMasked: null,
    consent: {
      privacy: { version: PRIVACY_POLICY_VERSION, acceptedAt: now },
      marketing: { optIn, changedAt: now },
    },
    consentHistory: [{ kind: 'marketing', granted: optIn, at: now }],
    joinRef: join.ref ?? null,
    pointsDebt: 0,
    lots: [],
    ledgerSeq: 0,
    lotsExpireNext: null,
    spendDays: {},
    tierQualifiedAt: { grower: null, loyal: null },
    tierKeptUntil: null,
    referralsSettled: [],
    firstOrderAt: null,
    lastOrderAt: null,
    winBackDueAt: null,
    lastWinBackAt: null,
    joinedAt: now,
    updatedAt: now,
  };
}

/**
 * The card as of `now`: points whose lots expired are no longer counted, even before the daily job
 * writes it; the next tier as the points page says it; the wallet in brief from `held` (the
 * member's coupons, read beside the member).
 */
export function memberCard(m: Member, now: Date, held: Coupon[]): MemberCard {
  return {
    memberId: m._id,
    tier: m.tier,
    tierName: tierOf(m.tier).name,
    points: pointsNow(m, now),
    nickname: m.nickname,
    avatar: m.avatar,
    homeStore: m.homeStore,
    memberSince: toIso(m.joinedAt),
    next: nextTierRoute(m.tier, figuresAsOf(tierRecordOf(m), now)),
    wallet: walletBrief(m, held, now),
  };
}

/** When the birthday may next be changed, or null when it may be set or changed now. */
export function birthdayEditableFrom(m: Pick<Member, 'birthday' | 'birthdaySetAt'>, now: Date): Date | null {
  if (m.birthday === null || m.birthdaySetAt === null) return null;
  const from = addMonths(m.birthdaySetAt, BIRTHDAY_CHANGE_MONTHS);
  return now.getTime() >= from.getTime() ? null : from;
}

/** Whether a birthday change is allowed: setting it the first time always is; a change once per 12 months. */
export function checkBirthdayChange(
  m: Pick<Member, 'birthday' | 'birthdaySetAt'>,
  birthday: string,
  now: Date,
): Outcome<'unchanged' | 'change'> {
  if (m.birthday === birthday) return success('unchanged');
  const from = birthdayEditableFrom(m, now);
  if (from) return failure('LIMIT_REACHED', `the birthday can change once per 12 months; next from ${shopDateTimeLabel(from)} (Asia/Shanghai)`);
  return success('change');
}

/** The consent record as the member sees it: the privacy grant first, then each marketing choice. */
export function consentLog(m: Pick<Member, 'consent' | 'consentHistory'>): ConsentEntry[] {
  const privacy: ConsentEntry = { kind: 'privacy', granted: true, at: m.consent.privacy.acceptedAt, version: m.consent.privacy.version };
  return [privacy, ...m.consentHistory.filter((e) => e.kind === 'marketing')];
}

export function notMember(): { ok: false; error: AppError } {
  return failure('NOT_MEMBER', 'the caller has not joined the programme');
}

/** The member's points account (members who joined before points existed start empty). */
export function accountOf(m: Member): PointsAccount {
  return { balance: m.points, debt: m.pointsDebt ?? 0, lots: m.lots ?? [], seq: m.ledgerSeq ?? 0 };
}

export function standingOf(m: Member): TierStanding {
  return { tier: m.tier, tierSince: m.tierSince, qualifiedAt: m.tierQualifiedAt ?? { grower: null, loyal: null }, keptUntil: m.tierKeptUntil ?? null };
}

export function tierRecordOf(m: Member): TierRecord {
  return { spendDays: m.spendDays ?? {}, referralsSettledAt: (m.referralsSettled ?? []).map((r) => r.at) };
}

/** A member who asked to leave is no longer one for any plan (their erase is under way). */
export const isLeaving = (m: Pick<Member, 'leavingSince'>) => !!m.leavingSince;

/** Spendable points at `now` (the cached balance less lots whose expiry has come). */
export function pointsNow(m: Member, now: Date): number {
  return expireDue(accountOf(m), now).account.balance;
}
