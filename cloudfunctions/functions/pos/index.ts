import { handlePos, type HttpEvent } from './http';

/**
 * The `pos` cloud function, HTTP-triggered (CloudBase HTTP access, path /pos): tills POST
 * /pos/orders and /pos/refunds, signed with the store's secret.
 */
export const main = (event: unknown) => handlePos((event ?? {}) as HttpEvent);
