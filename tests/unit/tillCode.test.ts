import { createHmac } from 'node:crypto';
import { offlineCodeAt, otpAt, parseOfflineCode, stepAt, stepBounds } from '../../cloudfunctions/contract/tillCode';
import { ORDER_DELIVERY_GRACE_MS } from '../../cloudfunctions/domain/memberCode';
import { issueTillDevice, offlineCodeExpiresAt, offlineCodeProblem, type OfflineUse, stepOfPassword, type TillDevice } from '../../cloudfunctions/domain/tillDevice';

const SECRET = new Uint8Array(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256));
const HANDLE = '12345678';
/** A step boundary: 2026-11-25T02:00:00Z is a whole number of 30-second steps. */
const T0 = Date.parse('2026-11-25T02:00:00.000Z');
const S0 = stepAt(T0);

/** An independent HOTP (RFC 4226 truncation) over HMAC-SHA256 with Node's crypto, 8 digits. */
function nodeOtp(secret: Uint8Array, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha256', Buffer.from(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 100_000_000).padStart(8, '0');
}

function device(extra: Partial<TillDevice> = {}): TillDevice {
  return { ...issueTillDevice('100000000001', HANDLE, new Date(T0 - 3_600_000)), ...extra };
}

/** What the server says of the code a phone shows when its clock reads `phoneMs`, paid and delivered at `serverMs` on ours. */
function judge(phoneMs: number, serverMs: number, d: TillDevice = device(), use: OfflineUse = { kind: 'order', paidAt: new Date(serverMs) }): string | null {
  const parsed = parseOfflineCode(offlineCodeAt({ handle: HANDLE, secret: SECRET }, stepAt(phoneMs)))!;
  const at = use.kind === 'order' ? use.paidAt : new Date(serverMs);
  const step = stepOfPassword(SECRET, parsed.otp, at);
  if (step === null) return 'no step matches';
  return offlineCodeProblem(d, step, use, new Date(serverMs));
}

describe('the offline till code (contract/tillCode.ts, domain/tillDevice.ts)', () => {
  describe('the one-time password', () => {
    it.each([0, 1, S0, S0 + 1, 2 ** 32 + 5])('matches an independent HMAC-SHA256 with RFC 4226 truncation at step %d', (step) => {
      expect(otpAt(SECRET, step)).toBe(nodeOtp(SECRET, step));
    });

    // RFC 6238 Appendix B, the SHA-256 rows: the 32-byte ASCII seed, 30-second steps, 8 digits
    it.each([
      [59, '46119246'],
      [1111111109, '68084774'],
      [1111111111, '67062674'],
      [1234567890, '91819424'],
      [2000000000, '90698825'],
      [20000000000, '77737706'],
    ])('gives RFC 6238’s SHA-256 test vector at unix time %d: %s', (seconds, expected) => {
      const seed = new TextEncoder().encode('12345678901234567890123456789012');
      expect(otpAt(seed, stepAt(seconds * 1000))).toBe(expected);
    });

    it('is 18 digits: 67, the handle, the 8-digit password; a server code (66…) is not read as one', () => {
      const code = offlineCodeAt({ handle: HANDLE, secret: SECRET }, S0);
      expect(code).toMatch(/^6712345678\d{8}$/);
      expect(parseOfflineCode(code)).toEqual({ handle: HANDLE, otp: code.slice(10) });
      expect(parseOfflineCode('660123456789012345')).toBeNull();
    });

    it('finds no step for a wrong password, nor for one of a step long past (an old screenshot)', () => {
      expect(stepOfPassword(SECRET, '00000000' === otpAt(SECRET, S0) ? '00000001' : '00000000', new Date(T0))).toBeNull();
      expect(stepOfPassword(SECRET, otpAt(SECRET, S0 - 2), new Date(T0))).toBeNull();
      expect(stepOfPassword(SECRET, otpAt(SECRET, S0 - 1), new Date(T0))).toBe(S0 - 1);
    });
  });

  describe('the window: the phone’s clock against ours (paid and sent at once)', () => {
    const STEP = 30_000;
    // [phone clock minus ours, where in our step it is (ms after its start), accepted?]
    it.each([
      [0, 0, true],
      [0, STEP - 1, true],
      [30_000, 0, true],
      [30_000, STEP - 1, true],
      [-30_000, 0, true],
      [-30_000, STEP - 1, true],
      // 31–59 s off: accepted while the phone's step is still the one beside ours
      [31_000, 0, true],
      [31_000, STEP - 1_000, false],
      [-31_000, STEP - 1, true],
      [-31_000, 0, false],
      [59_999, 0, true],
      [59_999, 1, false],
      [-59_999, STEP - 1, true],
      [-59_999, STEP - 2, false],
      // a minute or more off: never
      [60_000, 0, false],
      [-60_000, STEP - 1, false],
      [61_000, 0, false],
      [-61_000, STEP - 1, false],
      [600_000, 12_000, false],
    ])('a phone %d ms off ours, %d ms into our step: accepted %s', (skew, into, accepted) => {
      const server = T0 + into;
      expect(judge(server + skew, server) === null).toBe(accepted);
    });

    it('accepts the code on the first and the last millisecond of its step', () => {
      const { startMs, endMs } = stepBounds(S0);
      expect(judge(startMs, startMs)).toBeNull();
      expect(judge(endMs - 1, endMs - 1)).toBeNull();
    });
  });

  describe('delivery: the till sends the order after the shopper paid', () => {
    const paid = T0 + 10_000;
    const lastAccepted = stepBounds(S0 + 1).endMs;
    it.each([
      ['at once', paid, null],
      ['on the last millisecond of the grace after the code’s last accepted instant', lastAccepted + ORDER_DELIVERY_GRACE_MS - 1, null],
      ['once that grace is over', lastAccepted + ORDER_DELIVERY_GRACE_MS, 'the member code expired: ask the member to show the code on screen'],
    ])('an order paid with the code and sent %s', (_label, sent, problem) => {
      expect(judge(paid, sent as number, device(), { kind: 'order', paidAt: new Date(paid) })).toBe(problem);
    });

    it('refuses a paidAt outside the code’s steps (the till clock or an old scan)', () => {
      const step = S0;
      expect(offlineCodeProblem(device(), step, { kind: 'order', paidAt: new Date(T0 + 75_000) }, new Date(T0 + 75_000))).toMatch(/paidAt is outside/);
    });

    it('refuses a step the phone could not show yet (ahead of ours by more than the window)', () => {
      expect(offlineCodeProblem(device(), S0 + 2, { kind: 'order', paidAt: new Date(T0 + 60_000) }, new Date(T0))).toMatch(/does not belong to this minute/);
    });

    it('gives a clerk no grace: the lookup ends with the last step the code is accepted in', () => {
      expect(offlineCodeExpiresAt(S0).getTime()).toBe(stepBounds(S0 + 1).endMs);
      expect(offlineCodeProblem(device(), S0, { kind: 'lookup' }, new Date(stepBounds(S0 + 1).endMs - 1))).toBeNull();
      expect(offlineCodeProblem(device(), S0, { kind: 'lookup' }, new Date(stepBounds(S0 + 1).endMs))).not.toBeNull();
    });
  });

  describe('used once', () => {
    const paidAt = new Date(T0 + 5_000);
    const order: OfflineUse = { kind: 'order', paidAt };
    it.each([
      ['the same step again (a reused code)', S0, S0, false],
      ['an older step after a newer one was used', S0, S0 - 1, false],
      ['the next step after one was used', S0 - 1, S0, true],
      ['any step of a device never used', null, S0, true],
    ])('%s', (_label, lastUsed, step, accepted) => {
      expect(offlineCodeProblem(device({ lastUsedStep: lastUsed as number | null }), step as number, order, paidAt) === null).toBe(accepted);
    });
  });

  describe('revocation and rotation', () => {
    it('a replaced device serves a till up to one step after its replacement, then nothing', () => {
      const replaced = device({ replacedAt: new Date(T0 + 1_000) });
      const at = (step: number) => new Date(stepBounds(step).startMs + 1_000);
      expect(offlineCodeProblem(replaced, S0, { kind: 'order', paidAt: at(S0) }, at(S0))).toBeNull();
      expect(offlineCodeProblem(replaced, S0 + 1, { kind: 'order', paidAt: at(S0 + 1) }, at(S0 + 1))).toBeNull();
      expect(offlineCodeProblem(replaced, S0 + 2, { kind: 'order', paidAt: at(S0 + 2) }, at(S0 + 2))).toMatch(/replaced/);
    });

    it('a clerk’s lookup knows only the member’s current device', () => {
      const replaced = device({ replacedAt: new Date(T0 + 1_000) });
      expect(offlineCodeProblem(replaced, S0, { kind: 'lookup' }, new Date(T0 + 2_000))).toMatch(/replaced/);
      expect(offlineCodeProblem(device(), S0, { kind: 'lookup' }, new Date(T0 + 2_000))).toBeNull();
    });

    it('a device makes no code whose step begins at or after rotateBy (7 days after it was issued)', () => {
      const d = issueTillDevice('100000000001', HANDLE, new Date(T0));
      expect(d.rotateBy.getTime() - T0).toBe(7 * 86_400_000);
      const last = stepAt(d.rotateBy.getTime() - 1);
      const paid = (step: number) => new Date(stepBounds(step).startMs + 100);
      expect(offlineCodeProblem(d, last, { kind: 'order', paidAt: paid(last) }, paid(last))).toBeNull();
      expect(offlineCodeProblem(d, last + 1, { kind: 'order', paidAt: paid(last + 1) }, paid(last + 1))).toMatch(/7 days/);
    });

    it('a device makes no code of a step before it was issued (beyond the skew)', () => {
      const d = issueTillDevice('100000000001', HANDLE, new Date(T0));
      expect(offlineCodeProblem(d, S0 - 1, { kind: 'order', paidAt: new Date(T0) }, new Date(T0))).toBeNull();
      expect(offlineCodeProblem(d, S0 - 2, { kind: 'order', paidAt: new Date(T0 - 45_000) }, new Date(T0))).toMatch(/does not belong/);
    });
  });
});
