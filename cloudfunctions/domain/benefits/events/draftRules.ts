import { shopDayStart } from '../../time';
import type { PrivateEvent } from './event';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How far ahead a manager may plan an event. */
export const PLAN_AHEAD_DAYS = 365;
/** How long an event may last (one evening or one day at the store). */
export const LONGEST_EVENT_HOURS = 12;

/** The times of a draft a rule judges, and now. */
export type DraftFacts = Pick<PrivateEvent, 'tiers' | 'startsAt' | 'endsAt' | 'signUpFrom' | 'signUpUntil'>;

/** One rule of a manager's draft: a stable code and what is wrong in shop words, or null (Vendure's small rule objects). */
export interface DraftRule {
  code: string;
  check(d: DraftFacts, now: Date): string | null;
}

const ms = (d: Date) => d.getTime();

export const openToLoyal: DraftRule = { code: 'open-to-loyal', check: (d) => (d.tiers.includes('loyal') ? null : '私享会须对忠诚者开放') };

export const startsAhead: DraftRule = { code: 'starts-ahead', check: (d, now) => (ms(d.startsAt) > ms(now) ? null : '活动开始时间须晚于现在') };

export const startsWithinAYear: DraftRule = {
  code: 'starts-within-a-year',
  check: (d, now) => (ms(d.startsAt) <= ms(now) + PLAN_AHEAD_DAYS * DAY ? null : `活动须在 ${PLAN_AHEAD_DAYS} 天内举行`),
};

export const endsAfterStart: DraftRule = { code: 'ends-after-start', check: (d) => (ms(d.endsAt) > ms(d.startsAt) ? null : '结束时间须晚于开始时间') };

export const lastsAtMost12Hours: DraftRule = {
  code: 'lasts-at-most-12-hours',
  check: (d) => (ms(d.endsAt) - ms(d.startsAt) <= LONGEST_EVENT_HOURS * HOUR ? null : `活动时长最多 ${LONGEST_EVENT_HOURS} 小时`),
};

export const signUpsCloseAfterOpening: DraftRule = { code: 'sign-ups-close-after-opening', check: (d) => (ms(d.signUpUntil) > ms(d.signUpFrom) ? null : '报名截止须晚于报名开始') };

export const signUpsCloseByStart: DraftRule = { code: 'sign-ups-close-by-start', check: (d) => (ms(d.signUpUntil) <= ms(d.startsAt) ? null : '报名须在活动开始前截止') };

export const signUpsStillOpen: DraftRule = { code: 'sign-ups-still-open', check: (d, now) => (ms(d.signUpUntil) > ms(now) ? null : '报名截止时间须晚于现在') };

/** Sign-ups open from the day the event is created on (the form's days start at 00:00 shop time), never in the past before it. */
export const signUpsOpenFromToday: DraftRule = {
  code: 'sign-ups-open-from-today',
  check: (d, now) => (ms(d.signUpFrom) >= ms(shopDayStart(now)) ? null : '报名开始时间不能早于今天'),
};

/** In the order a manager is told: who may come, when it starts and ends, then the sign-up window. */
export const DRAFT_RULES: readonly DraftRule[] = [openToLoyal, startsAhead, startsWithinAYear, endsAfterStart, lastsAtMost12Hours, signUpsCloseAfterOpening, signUpsCloseByStart, signUpsStillOpen, signUpsOpenFromToday];

/** Why a manager's event cannot be created as drafted (in shop words), or null. */
export function draftProblem(d: DraftFacts, now: Date): string | null {
  for (const rule of DRAFT_RULES) {
    const problem = rule.check(d, now);
    if (problem) return problem;
  }
  return null;
}
