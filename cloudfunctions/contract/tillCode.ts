/**
 * The offline till code, computed the same way on the phone and on the server (this file is the
 * one definition both import). The server issues each member's device a secret and a short random
 * handle; the phone turns (secret, the 30-second step it is in) into a one-time password the way
 * RFC 6238 does (HMAC, dynamic truncation), with SHA-256 in place of SHA-1, and shows
 *
 *   67 · handle (8 digits) · one-time password (8 digits)   = 18 digits, Code 128 set C
 *
 * `66…` codes are the server-issued ones (domain/memberCode.ts), still accepted while tills and
 * older app builds move over. The handle is random per issued secret (a new one on every online
 * open), so the code names no member; the server finds the device by it and checks the password.
 * Plain functions over bytes, no zod and no Node APIs: this is bundled into the card page.
 */
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { DEVICE_HANDLE, DEVICE_SECRET_HEX, OFFLINE_CODE } from './formats';

export const OFFLINE_CODE_PREFIX = '67';
export const DEVICE_HANDLE_DIGITS = 8;
export const OTP_DIGITS = 8;
/** A code belongs to one 30-second step; the server also accepts the step before and after (±30 s of clock skew). */
export const OTP_STEP_SECONDS = 30;
/** Steps either side of the server's own that it accepts. */
export const OTP_STEP_WINDOW = 1;
/** The device secret's length in bytes (sent as 64 hex characters). */
export const DEVICE_SECRET_BYTES = 32;
/** An offline device secret stops working this long after it was issued, unless the phone came online and got a new one. */
export const DEVICE_SECRET_TTL_DAYS = 7;

export { DEVICE_HANDLE, DEVICE_SECRET_HEX, OFFLINE_CODE };

/** The step an instant (unix ms) falls in. */
export function stepAt(ms: number): number {
  return Math.floor(ms / (OTP_STEP_SECONDS * 1000));
}

/** When a step begins and ends (unix ms, end exclusive). */
export function stepBounds(step: number): { startMs: number; endMs: number } {
  const startMs = step * OTP_STEP_SECONDS * 1000;
  return { startMs, endMs: startMs + OTP_STEP_SECONDS * 1000 };
}

export function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new Error('not lower-case hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** The one-time password of a secret at a step: HMAC-SHA256 over the step as 8 big-endian bytes, RFC 4226's dynamic truncation, 8 digits. */
export function otpAt(secret: Uint8Array, step: number): string {
  if (!Number.isSafeInteger(step) || step < 0) throw new Error('a step is a non-negative integer');
  const counter = new Uint8Array(8);
  let rest = step;
  for (let i = 7; i >= 0; i--) {
    counter[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  const mac = hmac(sha256, secret, counter);
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** OTP_DIGITS).padStart(OTP_DIGITS, '0');
}

/** The 18-digit code a device shows at a step. */
export function offlineCodeAt(device: { handle: string; secret: Uint8Array }, step: number): string {
  if (!DEVICE_HANDLE.test(device.handle)) throw new Error('a device handle is 8 digits');
  return OFFLINE_CODE_PREFIX + device.handle + otpAt(device.secret, step);
}

/** The handle and password an offline code carries, or null for any other string (a server code, say). */
export function parseOfflineCode(code: string): { handle: string; otp: string } | null {
  if (!OFFLINE_CODE.test(code)) return null;
  return { handle: code.slice(2, 2 + DEVICE_HANDLE_DIGITS), otp: code.slice(2 + DEVICE_HANDLE_DIGITS) };
}
