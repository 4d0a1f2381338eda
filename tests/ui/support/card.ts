import type { ActionOutput, MemberCard, TillReceipt } from '../../../cloudfunctions/contract';
import { hexToBytes, offlineCodeAt, stepAt } from '../../../cloudfunctions/contract/tillCode';
import { storage } from './taro';

/**
 * What the card keeps on the phone (src/services/cardStore.ts), as a test seeds and reads it: the
 * mini program's keys (no dev openid in them), the device secret and the last card.
 */
export const KEY = { device: 'styleclub.device', card: 'styleclub.card', receipt: 'styleclub.lastReceipt', moment: 'styleclub.moment', welcome: 'styleclub.welcome' };

const SECRET = '0123456789abcdef'.repeat(4);

/** A member.device answer issued at `issuedAt` (server time), good for 7 days. */
export function deviceAnswer(issuedAt: number = Date.now(), over: Partial<ActionOutput<'member', 'device'>> = {}): ActionOutput<'member', 'device'> {
  return {
    handle: '12345678',
    secret: SECRET,
    issuedAt: new Date(issuedAt).toISOString(),
    rotateBy: new Date(issuedAt + 7 * 86_400_000).toISOString(),
    serverTime: new Date(issuedAt).toISOString(),
    stepSeconds: 30,
    ...over,
  };
}

/** The phone holds a secret issued at `issuedAt` (server time), its clock `offsetMs` behind the server's. */
export function holdDevice(options: { issuedAt?: number; offsetMs?: number; handle?: string; secret?: string; rotateBy?: number } = {}): void {
  const issuedAt = options.issuedAt ?? Date.now();
  storage.set(KEY.device, {
    handle: options.handle ?? '12345678',
    secret: options.secret ?? SECRET,
    issuedAt: new Date(issuedAt).toISOString(),
    rotateBy: new Date(options.rotateBy ?? issuedAt + 7 * 86_400_000).toISOString(),
    stepSeconds: 30,
    offsetMs: options.offsetMs ?? 0,
  });
}

/** The phone holds this card, read at `savedAt` (phone time). */
export function holdCard(card: MemberCard, savedAt: number = Date.now()): void {
  storage.set(KEY.card, { card, savedAt });
}

/** The code a held secret shows at server time `serverMs`. */
export function expectedCode(serverMs: number, handle = '12345678', secret = SECRET): string {
  return offlineCodeAt({ handle, secret: hexToBytes(secret) }, stepAt(serverMs));
}

export const RECEIPT: TillReceipt = {
  receiptId: 'S001:T1001',
  usedAt: new Date().toISOString(),
  storeName: '悦衣库·静安嘉里店',
  payableFen: 31_920,
  discountFen: 7_980,
  coupons: ['首单8折券'],
  pointsEarned: 319,
  balance: 1_599,
  tierBefore: 'explorer',
  tier: 'explorer',
};
