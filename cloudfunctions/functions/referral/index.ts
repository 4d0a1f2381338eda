import { referralContract } from '../../contract/referral';
import { createMain } from '../../platform/handler';
import { referralHandlers } from './handlers';

/** The `referral` cloud function: the member's invite code, their invitees, the join page's inviter, the poster's code. */
export const main = createMain('referral', referralContract, referralHandlers);
