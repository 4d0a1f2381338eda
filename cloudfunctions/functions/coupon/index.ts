import { couponContract } from '../../contract/coupon';
import { createMain } from '../../platform/handler';
import { couponHandlers } from './handlers';

/** The `coupon` cloud function: the wallet, the claim centre and the birthday gift. */
export const main = createMain('coupon', couponContract, couponHandlers);
