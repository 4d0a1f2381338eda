import { pointsContract } from '../../contract/points';
import { createMain } from '../../platform/handler';
import { pointsHandlers } from './handlers';

/** The `points` cloud function: the member's balance, tier progress and history. */
export const main = createMain('points', pointsContract, pointsHandlers);
