import { shopDateTimeLabel, shopDayEnd, shopTime } from '../time';
import type { Validity } from './template';

const HOUR_MS = 3_600_000;
/** A coupon expiring within this many days is marked 即将过期 (and reminded of). */
export const EXPIRING_SOON_DAYS = 3;

/** When a coupon issued at `issuedAt` is valid: [validFrom, validUntil). */
export function validityWindow(v: Validity, issuedAt: Date): { validFrom: Date; validUntil: Date } {
  switch (v.kind) {
    case 'fixed':
      return { validFrom: v.from, validUntil: v.until };
    case 'days':
      // through the end of the shop day `days` days on: the shopper reads a date, not a minute
      return { validFrom: issuedAt, validUntil: new Date(shopDayEnd(new Date(issuedAt.getTime() + v.days * 86_400_000)).getTime() + 1) };
    case 'hours':
      return { validFrom: issuedAt, validUntil: new Date(issuedAt.getTime() + v.hours * HOUR_MS) };
  }
}

/** True when the coupon may be used at `at`. */
export function isValidAt(w: { validFrom: Date; validUntil: Date }, at: Date): boolean {
  return w.validFrom.getTime() <= at.getTime() && at.getTime() < w.validUntil.getTime();
}

/** The last moment of validity as a shopper reads it: "2026-12-25 23:59". */
export function lastMomentLabel(validUntil: Date): string {
  return shopDateTimeLabel(new Date(validUntil.getTime() - 1));
}

/** A coupon's validity in plain words: "2026-12-25 23:59 前有效", or when it starts if not yet. */
export function validityText(w: { validFrom: Date; validUntil: Date }, now: Date): string {
  if (now.getTime() < w.validFrom.getTime()) return `${shopDateTimeLabel(w.validFrom)} 起可用，${lastMomentLabel(w.validUntil)} 前有效`;
  return `${lastMomentLabel(w.validUntil)} 前有效`;
}

/** A template's validity before anyone holds it: "领取后30天内有效" / "领取后72小时内有效" / "2026-12-01 至 2026-12-31 有效". */
export function templateValidityText(v: Validity, verb = '领取'): string {
  switch (v.kind) {
    case 'fixed':
      return `${shopTime(v.from).format('YYYY-MM-DD')} 至 ${shopTime(new Date(v.until.getTime() - 1)).format('YYYY-MM-DD')} 有效`;
    case 'days':
      return `${verb}后${v.days}天内有效`;
    case 'hours':
      return `${verb}后${v.hours}小时内有效`;
  }
}

/**
 * Valid now and ending within EXPIRING_SOON_DAYS — and in the second half of its life, so a coupon
 * that is short by design (the 72 h second-item coupon) is not "expiring" from the moment it is issued.
 */
export function isExpiringSoon(w: { validFrom: Date; validUntil: Date }, now: Date): boolean {
  const left = w.validUntil.getTime() - now.getTime();
  return isValidAt(w, now) && left <= EXPIRING_SOON_DAYS * 86_400_000 && left <= (w.validUntil.getTime() - w.validFrom.getTime()) / 2;
}
