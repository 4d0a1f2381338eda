import { memberContract } from '../../contract/member';
import { createMain } from '../../platform/handler';
import { memberHandlers } from './handlers';

/** The `member` cloud function: enroll, card, profile, consent, member code, phone. */
export const main = createMain('member', memberContract, memberHandlers);
