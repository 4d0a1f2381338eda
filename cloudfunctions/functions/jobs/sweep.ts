import { deleteCodesExpiredBefore } from '../../data/memberCodes';
import { forgetNoncesBefore } from '../../data/orders';
import { POS_MAX_SKEW_MS } from '../../contract/pos';
import type { DailyJob } from './job';

/** Till codes are kept a day after they expire (the export shows the last one), then swept. */
const CODE_KEPT_MS = 24 * 60 * 60_000;

/**
 * Housekeeping: POS nonces older than twice the signing window (a request that old is refused
 * for its timestamp anyway) and till codes expired a day ago — including a code written by a
 * fetch racing a member's leaving, which would otherwise outlive the member.
 */
export const sweep: DailyJob = {
  name: 'sweep',
  async batch(db, _cursor, now) {
    const nonces = await forgetNoncesBefore(db, new Date(now.getTime() - 2 * POS_MAX_SKEW_MS));
    const codes = await deleteCodesExpiredBefore(db, new Date(now.getTime() - CODE_KEPT_MS));
    return { cursor: null, processed: nonces + codes, changed: nonces + codes };
  },
};
