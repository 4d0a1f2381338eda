import { posContract } from '../../contract/pos';
import { createHttpMain } from '../../platform/http';
import { tillHandlers, tillSigning } from './till';

/**
 * The `pos` cloud function, HTTP-triggered (CloudBase HTTP access, path /pos): tills POST
 * /pos/orders, /pos/refunds and /pos/quotes, signed with the store's secret.
 */
export const main = createHttpMain({ name: 'pos', label: 'POS', contract: posContract, handlers: tillHandlers }, tillSigning);
