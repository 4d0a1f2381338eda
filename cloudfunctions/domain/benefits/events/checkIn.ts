import type { AppError, TierCode } from '../../../contract';
import { TIER_NO_LONGER_FITS } from '../../../contract/eventWords';
import { CHECK_IN_OPENS_MS, type EventSignUp, type EventTier, type PrivateEvent, tiersText } from './event';

/** What check-in judges: the event, now, and — once the member code is scanned — their sign-up and tier today. */
export interface CheckInFacts {
  event: Pick<PrivateEvent, 'tiers' | 'startsAt' | 'endsAt'>;
  now: Date;
  signUp: Pick<EventSignUp, 'state'> | null;
  tier: TierCode;
}

/** One rule of checking a member in: a stable code and the failure in words the manager understands, or null. */
export interface CheckInRule {
  code: string;
  check(f: CheckInFacts): AppError | null;
}

/** Before the scan: the door opens 2 hours before the start and closes at the end. */
export const doorOpen = (e: CheckInFacts['event'], now: Date): AppError | null => {
  if (now.getTime() < e.startsAt.getTime() - CHECK_IN_OPENS_MS) return { code: 'NOT_CLAIMABLE', message: '活动开始前 2 小时开放签到' };
  if (now.getTime() >= e.endsAt.getTime()) return { code: 'NOT_CLAIMABLE', message: '活动已结束' };
  return null;
};

export const seatHeld: CheckInRule = {
  code: 'seat-held',
  check: (f) => (f.signUp?.state === 'seat' ? null : { code: 'NOT_FOUND', message: f.signUp?.state === 'waiting' ? '这位会员在候补名单上，尚未递补' : '这位会员没有报名本场活动' }),
};

/** A member whose tier fell since signing up (a refund took 忠诚者 back) is not let in to an event of the tiers they left. */
export const tierStillQualifies: CheckInRule = {
  code: 'tier-still-qualifies',
  check: (f) => (f.event.tiers.includes(f.tier as EventTier) ? null : { code: 'NOT_CLAIMABLE', message: `${TIER_NO_LONGER_FITS}（仅限${tiersText(f.event.tiers)}）` }),
};

/** After the scan, in order: a seat held, then the tier the member holds today. */
export const CHECK_IN_RULES: readonly CheckInRule[] = [seatHeld, tierStillQualifies];

export function checkInProblem(f: CheckInFacts): AppError | null {
  for (const rule of CHECK_IN_RULES) {
    const problem = rule.check(f);
    if (problem) return problem;
  }
  return null;
}
