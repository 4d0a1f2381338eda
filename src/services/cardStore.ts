import Taro from '@tarojs/taro';
import type { ActionOutput, MemberCard, TillReceipt } from '../../cloudfunctions/contract';
import { DEVICE_HANDLE, DEVICE_SECRET_HEX } from '../../cloudfunctions/contract/formats';
import { devOpenid } from './devIdentity';

/**
 * What the card keeps on the phone so it shows at once and works with no signal: the device
 * secret of the offline till code, the last card, the last till receipt shown (and the one the
 * receipt page is showing) and a welcome still to give. The only code that knows the storage keys. WeChat keeps storage per user and mini
 * program; the H5 preview's localStorage is shared by every dev shopper of the browser, so there
 * the keys carry the shopper's dev openid.
 */
const KEYS = {
  device: 'device',
  card: 'card',
  receipt: 'lastReceipt',
  moment: 'moment',
  welcome: 'welcome',
} as const;

function keyOf(name: keyof typeof KEYS): string {
  const who = process.env.TARO_ENV === 'h5' ? `${devOpenid()}.` : '';
  return `styleclub.${who}${KEYS[name]}`;
}

function read<T>(name: keyof typeof KEYS): T | null {
  try {
    const value = Taro.getStorageSync(keyOf(name)) as unknown;
    return value === '' || value === undefined || value === null ? null : (value as T);
  } catch {
    return null;
  }
}

function write(name: keyof typeof KEYS, value: unknown): void {
  try {
    Taro.setStorageSync(keyOf(name), value);
  } catch {
    // storage full or refused: the card still works online, it just starts empty next time
  }
}

// ---- the device secret -------------------------------------------------------------------------

/** The device secret as the phone holds it: `offsetMs` corrects the phone's clock to the server's. */
export interface HeldDevice {
  handle: string;
  secret: string;
  issuedAt: string;
  rotateBy: string;
  stepSeconds: number;
  /** server time minus phone time, measured when the secret arrived */
  offsetMs: number;
}

/**
 * Keeps a device answer. The server's clock is read from `serverTime`, taken as of the middle of
 * the round trip (`sentAt`..`receivedAt`, phone time), so a slow answer skews it by half its wait at most.
 */
export function saveDevice(answer: ActionOutput<'member', 'device'>, sentAt: number, receivedAt: number): HeldDevice {
  const held: HeldDevice = {
    handle: answer.handle,
    secret: answer.secret,
    issuedAt: answer.issuedAt,
    rotateBy: answer.rotateBy,
    stepSeconds: answer.stepSeconds,
    offsetMs: Math.round(Date.parse(answer.serverTime) - (sentAt + receivedAt) / 2),
  };
  write('device', held);
  return held;
}

export function heldDevice(): HeldDevice | null {
  const d = read<HeldDevice>('device');
  // anything malformed (an older build's shape, a hand-edited storage) is as good as none
  if (!d || !DEVICE_HANDLE.test(d.handle) || !DEVICE_SECRET_HEX.test(d.secret) || !Number.isFinite(d.offsetMs) || Number.isNaN(Date.parse(d.rotateBy))) return null;
  return d;
}

// ---- the last card -------------------------------------------------------------------------------

export interface HeldCard {
  card: MemberCard;
  /** phone time (unix ms) the card was read */
  savedAt: number;
}

export function saveCard(card: MemberCard, savedAt: number): HeldCard {
  const held = { card, savedAt };
  write('card', held);
  return held;
}

export function heldCard(): HeldCard | null {
  const held = read<HeldCard>('card');
  return held && typeof held.savedAt === 'number' && held.card && typeof held.card.memberId === 'string' && held.card.wallet ? held : null;
}

// ---- the last receipt shown ------------------------------------------------------------------------

export const lastReceiptId = (): string | null => read<string>('receipt');
export const saveReceiptId = (receiptId: string): void => write('receipt', receiptId);
/** The receipt the card hands to the 消费成功 page (packages/moments) it opens: the page reads it from here. */
export const leaveReceipt = (receipt: TillReceipt): void => write('moment', receipt);
export const receiptToShow = (): TillReceipt | null => read<TillReceipt>('moment');

// ---- the welcome after joining ---------------------------------------------------------------------

/** The join page leaves a welcome for the member it just made; the card gives it once. */
export const leaveWelcome = (memberId: string): void => write('welcome', memberId);
export const welcomeFor = (): string | null => read<string>('welcome');
export function welcomeGiven(): void {
  try {
    Taro.removeStorageSync(keyOf('welcome'));
  } catch {
    // nothing to remove
  }
}

/** Forgets everything the card kept: a member who left, or is no member here (NOT_MEMBER). */
export function forgetCard(): void {
  for (const name of Object.keys(KEYS) as Array<keyof typeof KEYS>) {
    try {
      Taro.removeStorageSync(keyOf(name));
    } catch {
      // already gone
    }
  }
}
