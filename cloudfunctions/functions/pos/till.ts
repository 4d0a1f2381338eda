import { type AppError, failure, success } from '../../contract';
import { POS_HEADERS, posContract } from '../../contract/pos';
import { STORE_ID } from '../../contract/formats';
import { useNonce } from '../../data/orders';
import { findStore, type Store } from '../../data/stores';
import { database, type Database } from '../../platform/cloud';
import type { HttpGuard } from '../../platform/http';
import type { Handlers } from '../../platform/pipeline';
import { posSecretOf } from '../../platform/posSecrets';
import { signatureProblem } from '../../platform/posSigning';
import { basketProblem, orderProblem } from '../../domain/till/orderChecks';
import { recordOrder } from './orders';
import { quoteOrder } from './quotes';
import { recordRefund } from './refunds';

/** What a signed till request carries to its handler. */
export interface Till {
  db: Database;
  store: Store;
  now: Date;
  /** the nonce the till signed this request with: spent once the body's own checks pass */
  nonce: string;
  /** how far the till's clock is off ours (the signature vouches for its timestamp): its paidAt is read on our clock */
  tillOffsetMs: number;
}

/**
 * POS signing (ARCHITECTURE.md): a request that is not signed by a known, active store or is stale
 * is refused with 401 before anything is written. The nonce is not spent here: see `spend`.
 */
export const tillSigning: HttpGuard<string, Till> = {
  caller(headers) {
    const storeId = headers[POS_HEADERS.store] ?? '';
    return STORE_ID.test(storeId) ? success(storeId) : failure('UNAUTHENTICATED', 'X-Store-Id is missing or malformed');
  },
  async verify(storeId, headers, rawBody, now) {
    const db = database();
    const store = await findStore(db, storeId);
    if (!store || !store.active) return failure('UNAUTHENTICATED', `store ${storeId} is not known or not active`);
    const signed = { timestamp: headers[POS_HEADERS.timestamp] ?? '', nonce: headers[POS_HEADERS.nonce] ?? '', signature: headers[POS_HEADERS.signature] ?? '' };
    const problem = signatureProblem(posSecretOf(store), signed, rawBody, now);
    if (problem) return failure('UNAUTHENTICATED', problem);
    return success({ db, store, now, nonce: signed.nonce, tillOffsetMs: Number(signed.timestamp) - now.getTime() });
  },
};

/**
 * What can be judged from the request alone is judged before its nonce is spent (a till can correct
 * the body and send it again under the same nonce); then the nonce is spent, once: a replay is 401.
 * Null when the request may go on.
 */
async function spend(till: Till, contentsProblem: string | null): Promise<{ ok: false; error: AppError } | null> {
  if (contentsProblem) return failure('INVALID_INPUT', contentsProblem);
  if (!(await useNonce(till.db, till.store._id, till.nonce, till.now))) return failure('UNAUTHENTICATED', 'X-Nonce was used before: sign every request with a new nonce');
  return null;
}

/** The till's routes: orders, refunds and quotes, each after its own checks and the nonce. */
export const tillHandlers: Handlers<typeof posContract, Till> = {
  async orders(input, till) {
    return (await spend(till, orderProblem(input, till.now, till.tillOffsetMs))) ?? recordOrder(till.db, till.store, input, till.now, till.tillOffsetMs);
  },
  async refunds(input, till) {
    return (await spend(till, null)) ?? recordRefund(till.db, till.store, input, till.now);
  },
  async quotes(input, till) {
    return (await spend(till, basketProblem(input))) ?? quoteOrder(till.db, till.store._id, input, till.now);
  },
};
