import type { EventDraft } from '../../../services/staffEvents';

/** The create form as the manager fills it: shop-time dates ("2026-12-20") and times ("19:00"). */
export interface EventForm {
  title: string;
  picture: string;
  description: string;
  day: string;
  from: string;
  to: string;
  capacity: string;
  growersToo: boolean;
  signUpFromDay: string;
  signUpUntilDay: string;
}

/** The catalogue pictures a manager may pick when they have no photo of their own. */
export const PICTURES = ['/static/products/YYCOA011.svg', '/static/products/YYBAG011.svg', '/static/products/YYBOO012.svg', '/static/products/YYBAG041.svg'] as const;

const SHOP = '+08:00';
/** The function's bounds (domain/benefits/events/draftRules.ts): an event within a year, at most 12 hours long. */
const PLAN_AHEAD_DAYS = 365;
const LONGEST_EVENT_HOURS = 12;
const instant = (day: string, time: string) => new Date(`${day}T${time}:00${SHOP}`);
const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-20" in shop time, `days` after the instant. */
export function shopDayOf(now: number, days = 0): string {
  const t = new Date(now + 8 * 3_600_000 + days * 86_400_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** A fresh form: an evening a week ahead, sign-ups open today until the day before. */
export function blankForm(now: number): EventForm {
  return { title: '', picture: PICTURES[0], description: '', day: shopDayOf(now, 7), from: '19:00', to: '21:00', capacity: '30', growersToo: false, signUpFromDay: shopDayOf(now), signUpUntilDay: shopDayOf(now, 6) };
}

/**
 * The draft the function takes, or what is wrong in plain words (the same rules the function
 * applies, said before the manager waits for an answer). Sign-ups open at 00:00 of their first day
 * and close at the end of their last day, or at the start when that comes first.
 */
export function draftOf(f: EventForm, now: number): { draft: EventDraft } | { problem: string } {
  const title = f.title.trim();
  if (title.length < 2) return { problem: '请填写活动名称（至少 2 个字）' };
  const capacity = Number(f.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 500) return { problem: '名额请填 1–500 之间的整数' };
  const startsAt = instant(f.day, f.from);
  const endsAt = instant(f.day, f.to);
  const signUpFrom = instant(f.signUpFromDay, '00:00');
  const dayEnd = new Date(instant(f.signUpUntilDay, '00:00').getTime() + 86_400_000);
  if ([startsAt, endsAt, signUpFrom, dayEnd].some((d) => Number.isNaN(d.getTime()))) return { problem: '请选择有效的日期和时间' };
  if (startsAt.getTime() <= now) return { problem: '活动开始时间须晚于现在' };
  if (startsAt.getTime() > now + PLAN_AHEAD_DAYS * 86_400_000) return { problem: `活动须在 ${PLAN_AHEAD_DAYS} 天内举行` };
  if (endsAt.getTime() <= startsAt.getTime()) return { problem: '结束时间须晚于开始时间' };
  if (endsAt.getTime() - startsAt.getTime() > LONGEST_EVENT_HOURS * 3_600_000) return { problem: `活动时长最多 ${LONGEST_EVENT_HOURS} 小时` };
  const signUpUntil = dayEnd.getTime() > startsAt.getTime() ? startsAt : dayEnd;
  if (signUpUntil.getTime() <= signUpFrom.getTime()) return { problem: '报名截止日期不能早于报名开始日期' };
  if (signUpUntil.getTime() <= now) return { problem: '报名截止时间须晚于现在' };
  if (f.signUpFromDay < shopDayOf(now)) return { problem: '报名开始时间不能早于今天' };
  return {
    draft: {
      title,
      picture: f.picture,
      description: f.description.trim(),
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      capacity,
      tiers: f.growersToo ? ['grower', 'loyal'] : ['loyal'],
      signUpFrom: signUpFrom.toISOString(),
      signUpUntil: signUpUntil.toISOString(),
    },
  };
}
