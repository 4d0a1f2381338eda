import { DEVICE_SECRET_TTL_DAYS, OTP_STEP_WINDOW, otpAt, stepAt, stepBounds } from '../contract/tillCode';
import { ORDER_DELIVERY_GRACE_MS } from './memberCode';

/**
 * A member's device for the offline till code (contract/tillCode.ts): what the server keeps of a
 * secret it issued. The secret itself is never stored: it is derived again from the environment's
 * key, the memberId, the handle and issuedAt (platform/tillCodeKey.ts), so a leak of this
 * collection gives no code. Keyed by the handle: its uniqueness is the id's.
 */
export interface TillDevice {
  /** the handle: 8 random digits, the middle of every code the device shows */
  _id: string;
  memberId: string;
  issuedAt: Date;
  /** no code of a step that begins at or after this is accepted (the phone must come online for a new secret) */
  rotateBy: Date;
  /** when a newer device of the member replaced this one (a new open, a second phone); null while it is the member's current one */
  replacedAt: Date | null;
  /** the newest step a till order used: a code of this step or an earlier one is used up */
  lastUsedStep: number | null;
  /** the order (`${storeId}:${orderId}`) that used lastUsedStep */
  lastUsedFor: string | null;
}

export const DEVICE_SECRET_TTL_MS = DEVICE_SECRET_TTL_DAYS * 24 * 60 * 60_000;

export function issueTillDevice(memberId: string, handle: string, now: Date): TillDevice {
  return { _id: handle, memberId, issuedAt: now, rotateBy: new Date(now.getTime() + DEVICE_SECRET_TTL_MS), replacedAt: null, lastUsedStep: null, lastUsedFor: null };
}

/** Equal strings compared without stopping at the first difference (the password is the secret part). */
function sameDigits(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The step, among the accepted ones around `at` (its own and OTP_STEP_WINDOW either side), whose
 * password the code carries; null when none: a wrong password, or one of a step long past (an old
 * screenshot) — to the server both are a code that names nothing.
 */
export function stepOfPassword(secret: Uint8Array, otp: string, at: Date): number | null {
  const centre = stepAt(at.getTime());
  let found: number | null = null;
  // every candidate is computed (no early exit): the time taken says nothing about which step matched
  for (let step = centre - OTP_STEP_WINDOW; step <= centre + OTP_STEP_WINDOW; step += 1) {
    if (step >= 0 && sameDigits(otpAt(secret, step), otp) && found === null) found = step;
  }
  return found;
}

/** How a code is being used: a till order or quote (paid at `paidAt`, delivered now, with the delivery grace) or a clerk's lookup (now, no grace). */
export type OfflineUse = { kind: 'order'; paidAt: Date } | { kind: 'lookup' };

/**
 * Whether a device's code of `step` may be used now (the password already matched): null when it
 * may, otherwise why not, for the till or the clerk.
 * - used once: a step at or before the last one an order used is used up (a reused code, or an
 *   older code shown before a newer one was used);
 * - a replaced device (a new open, a second phone) serves only codes up to one step after its
 *   replacement, and only a till that scanned it then; a clerk's lookup knows only the current device;
 * - the secret ends at rotateBy; no step before the device existed (give or take the skew);
 * - the step is the one the phone showed when the shopper paid (±1 step: ±30 s of clock skew),
 *   never one the phone could not be showing yet, and the till sends the order within
 *   ORDER_DELIVERY_GRACE_MS after the last instant the code could be accepted.
 */
export function offlineCodeProblem(d: TillDevice, step: number, use: OfflineUse, now: Date): string | null {
  const nowStep = stepAt(now.getTime());
  if (d.lastUsedStep !== null && step <= d.lastUsedStep) return 'the member code was used already: ask the member to show a fresh one';
  if (d.replacedAt && (use.kind === 'lookup' || step > stepAt(d.replacedAt.getTime()) + OTP_STEP_WINDOW)) return 'the member code is of a device that was replaced: ask the member to show the code on screen';
  if (stepBounds(step).startMs >= d.rotateBy.getTime()) return 'the member card has not been online for 7 days: ask the member to open it with signal';
  if (step < stepAt(d.issuedAt.getTime()) - OTP_STEP_WINDOW || step > nowStep + OTP_STEP_WINDOW) return 'the member code does not belong to this minute: check the phone’s clock';
  const paidAt = use.kind === 'order' ? use.paidAt : now;
  if (Math.abs(step - stepAt(paidAt.getTime())) > OTP_STEP_WINDOW) return 'paidAt is outside the minute the member code was shown: check the till clock or scan a fresh code';
  const lastAccepted = stepBounds(step + OTP_STEP_WINDOW).endMs;
  const grace = use.kind === 'order' ? ORDER_DELIVERY_GRACE_MS : 0;
  if (now.getTime() >= lastAccepted + grace) return 'the member code expired: ask the member to show the code on screen';
  return null;
}

/** The last instant a clerk's lookup accepts a code of `step` (the contract's codeExpiresAt). */
export function offlineCodeExpiresAt(step: number): Date {
  return new Date(stepBounds(step + OTP_STEP_WINDOW).endMs);
}
