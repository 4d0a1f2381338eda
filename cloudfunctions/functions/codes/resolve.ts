import { failure } from '../../contract';
import { parseOfflineCode } from '../../contract/tillCode';
import { giveGuessSlotBack, keepGuessSlot, takeGuessSlot } from '../../data/codeGuesses';
import { findCodeForOrder, findMemberCode } from '../../data/memberCodes';
import { findTillDevice } from '../../data/tillDevices';
import { type CodeGuesser, GUESS_LIMIT_MESSAGE, guessCounterId, guessMinuteStart, wrongCodeLimit } from '../../domain/codeGuesses';
import { stepOfPassword } from '../../domain/tillDevice';
import type { TillHeldCode } from '../../domain/till/codeProblem';
import type { Database } from '../../platform/cloud';
import { deviceSecret } from '../../platform/tillCodeKey';

/**
 * Member codes as the till and the clerk resolve them (the functions `pos` and `staff` share
 * this): a server code (`66…`, domain/memberCode.ts) or an offline code (`67…`,
 * contract/tillCode.ts), and the wrong-guess limit around both.
 */
export type FoundCode = TillHeldCode & { memberId: string };

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

/** While codes being looked at hold the minute's free slots, wait for one a little at a time (≈ 1 s at most). */
const SLOT_TRIES = 40;
const SLOT_RETRY_MS = [10, 40] as const;

/**
 * `findCode` under the caller's minute of wrong codes. A slot is taken BEFORE an answer counts (a
 * compare-and-set below the limit), so however many guesses arrive at once, at most the limit are
 * looked at in a minute and the rest are `'limit'` whatever they held; a code that names a member
 * gives its slot back, a wrong one keeps it. Codes of a busy store that find the free slots held
 * by others still being looked at wait a moment for one rather than being refused. The lookup
 * runs beside the first try: its answer is used only once a slot is had.
 */
export async function findCodeWithinLimit(db: Database, who: CodeGuesser, now: Date, code: string, at: Date, use: 'order' | 'lookup'): Promise<FoundCode | null | 'limit'> {
  const counterId = guessCounterId(who, now);
  const take = () => takeGuessSlot(db, counterId, guessMinuteStart(now), wrongCodeLimit(who));
  const [first, found] = await Promise.all([take(), findCode(db, code, at, use)]);
  let slot = first;
  for (let tries = 1; slot === 'busy' && tries < SLOT_TRIES; tries += 1) {
    const [min, max] = SLOT_RETRY_MS;
    await new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)));
    slot = await take();
  }
  if (slot !== 'taken') return 'limit';
  await (found ? giveGuessSlotBack(db, counterId) : keepGuessSlot(db, counterId));
  return found;
}

export const limitReached = () => failure('LIMIT_REACHED', GUESS_LIMIT_MESSAGE);
