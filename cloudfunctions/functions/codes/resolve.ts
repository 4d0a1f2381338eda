import { failure } from '../../contract';
import { parseOfflineCode } from '../../contract/tillCode';
import { countWrongCode, wrongCodesCounted } from '../../data/codeGuesses';
import { findCodeForOrder, findMemberCode } from '../../data/memberCodes';
import { findTillDevice } from '../../data/tillDevices';
import { type CodeGuesser, GUESS_LIMIT_MESSAGE, guessCounterId, guessMinuteStart, mayTryCode } from '../../domain/codeGuesses';
import type { MemberCode } from '../../domain/memberCode';
import { stepOfPassword, type TillDevice } from '../../domain/tillDevice';
import type { Database } from '../../platform/cloud';
import { deviceSecret } from '../../platform/tillCodeKey';

/**
 * Member codes as the till and the clerk resolve them (the functions `pos` and `staff` share
 * this): a server code (`66…`, domain/memberCode.ts) or an offline code (`67…`,
 * contract/tillCode.ts), and the wrong-guess limit around both.
 */
export type FoundCode = { kind: 'server'; record: MemberCode; memberId: string } | { kind: 'offline'; device: TillDevice; step: number; memberId: string };

/**
 * What a code names, or null when it names nothing: an unknown server code, an unknown handle, or
 * a password that matches none of the steps accepted around `at` (when the till says the shopper
 * paid; now for a quote or a lookup). Reads only. `order`: a server code just replaced still
 * counts (a till that scanned it may send the order); `lookup`: only the code on screen.
 * Whether a found code may be used now is the caller's rule (its state, the device's).
 */
export async function findCode(db: Database, code: string, at: Date, use: 'order' | 'lookup'): Promise<FoundCode | null> {
  const offline = parseOfflineCode(code);
  if (offline) {
    const device = await findTillDevice(db, offline.handle);
    if (!device) return null;
    const step = stepOfPassword(deviceSecret(device.memberId, device._id, device.issuedAt), offline.otp, at);
    return step === null ? null : { kind: 'offline', device, step, memberId: device.memberId };
  }
  const record = use === 'order' ? await findCodeForOrder(db, code) : await findMemberCode(db, code);
  return record ? { kind: 'server', record, memberId: record._id } : null;
}

/** Whether the caller has used up this minute's wrong codes (then every code of theirs is refused until the next minute, right ones too). */
export async function overGuessLimit(db: Database, who: CodeGuesser, now: Date): Promise<boolean> {
  return !mayTryCode(who, await wrongCodesCounted(db, guessCounterId(who, now)));
}

/** Counts a code that named nothing against the caller's minute. */
export async function countWrongGuess(db: Database, who: CodeGuesser, now: Date): Promise<void> {
  await countWrongCode(db, guessCounterId(who, now), guessMinuteStart(now));
}

export const limitReached = () => failure('LIMIT_REACHED', GUESS_LIMIT_MESSAGE);
