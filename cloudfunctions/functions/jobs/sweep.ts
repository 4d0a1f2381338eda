import { deleteGuessCountersBefore } from '../../data/codeGuesses';
import { deleteCodesExpiredBefore } from '../../data/memberCodes';
import { deleteDevicesEndedBefore } from '../../data/tillDevices';
import { membersLeavingBefore } from '../../data/members';
import { forgetNoncesBefore } from '../../data/orders';
import { POS_MAX_SKEW_MS } from '../../contract/pos';
import { leaveProgramme } from '../member/leave';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';

/** Till codes are kept a day after they expire (the export shows the last one), then swept. */
const CODE_KEPT_MS = 24 * 60 * 60_000;
/** Wrong-guess counters matter for their minute only; an hour's are kept to look at. */
const GUESS_COUNTERS_KEPT_MS = 60 * 60_000;
/** An erase still unfinished this long after it began was stopped by a crash (a running one takes seconds). */
const STALLED_ERASE_MS = 10 * 60_000;

/**
 * Housekeeping: POS nonces older than twice the signing window (a request that old is refused
 * for its timestamp anyway), till codes expired a day ago — including a code written by a fetch
 * racing a member's leaving — offline-code devices that ended a day ago, wrong-guess counters of
 * past minutes, and the erase of members whose leaving a crash stopped midway
 * (in batches after the cursor; finishing an erase twice is harmless).
 */
export const sweep: DailyJob = {
  name: 'sweep',
  async batch(db, cursor, now) {
    let swept = 0;
    if (cursor === null) {
      swept += await forgetNoncesBefore(db, new Date(now.getTime() - 2 * POS_MAX_SKEW_MS));
      swept += await deleteCodesExpiredBefore(db, new Date(now.getTime() - CODE_KEPT_MS));
      // offline-code devices past rotateBy or replaced a day ago (their codes stopped minutes after) — the export shows them till then
      swept += await deleteDevicesEndedBefore(db, new Date(now.getTime() - CODE_KEPT_MS));
      swept += await deleteGuessCountersBefore(db, new Date(now.getTime() - GUESS_COUNTERS_KEPT_MS));
    }
    const leavers = await membersLeavingBefore(db, new Date(now.getTime() - STALLED_ERASE_MS), cursor, BATCH_SIZE);
    for (const m of leavers) await leaveProgramme(db, m, now);
    return { cursor: cursorAfter(leavers.map((m) => m._id)), processed: swept + leavers.length, changed: swept + leavers.length };
  },
};
