import { currentScope } from '../../local/cloud/context';
import type { Harness } from './harness';
import { requesterClass } from './interleave';

/** What an erase keeps by design: the store's till orders and refunds, under a memberId nobody can trace any more. */
export const KEPT_BY_DESIGN = ['orders', 'refunds'];

/**
 * Every stored document, in every collection of the local cloud but `except`, whose JSON holds one
 * of `needles` anywhere (its id, a field, an array element, a nested key), as `collection/id`.
 */
export function documentsNaming(h: Harness, needles: string[], except: string[] = KEPT_BY_DESIGN): string[] {
  const found: string[] = [];
  for (const c of h.cloud.db.collectionNames()) {
    if (except.includes(c)) continue;
    for (const [id, entry] of h.cloud.db.collection(c)) {
      const text = JSON.stringify(entry.doc);
      if (needles.some((n) => text.includes(n))) found.push(`${c}/${id}`);
    }
  }
  return found.sort();
}

/** The SDK's answer to a request is the only thing a function sees: an exception here is what a crash there looks like to it. */
export class InjectedCrash extends Error {}

export interface Crash {
  /** the request the crash hit (`action collection`), once it has */
  hit(): string | null;
  /** every request the calls of the shopper sent while the crash was armed, in order */
  requests(): string[];
  restore(): void;
}

/**
 * Stops a call of `openid` at its n-th database request (counted over that shopper's calls while
 * armed), once: `before` it reaches the database (its write never happens) or `after` it was
 * answered (the write happened, the answer is lost) — what a function killed there leaves behind.
 * n beyond the calls' requests: no crash, and requests() lists what they sent. Arm after createHarness().
 */
export function crashAtRequest(openid: string, n: number, when: 'before' | 'after'): Crash {
  const Requester = requesterClass();
  const original = Requester.prototype.send;
  const seen: string[] = [];
  let hit: string | null = null;
  Requester.prototype.send = async function send(this: unknown, action: string, params: Record<string, unknown> = {}) {
    if (currentScope().openid !== openid) return original.call(this, action, params);
    const request = `${action.replace('database.', '')} ${String(params.collectionName ?? '')}${params.queryType ? ` ${String(params.queryType)}` : ''}`;
    seen.push(request);
    if (seen.length !== n) return original.call(this, action, params);
    hit = `${when} ${request}`;
    if (when === 'before') throw new InjectedCrash(`crash before request ${n}: ${request}`);
    await original.call(this, action, params);
    throw new InjectedCrash(`crash after request ${n}: ${request}`);
  };
  return { hit: () => hit, requests: () => [...seen], restore: () => (Requester.prototype.send = original) };
}

export interface CouponWrites {
  /** coupons added outside a transaction (claims, grants, the opt-in ¥5) */
  added(): string[];
  /** coupons their own writer took back by id (a claim that found its member leaving, a claim without stock) */
  takenBack(): string[];
  restore(): void;
}

/**
 * Watches the coupons collection: which coupons were added by a direct write, and which of them a
 * writer removed again by their id (removeCoupon, dropIssuing). An erase removes a member's coupons
 * by memberId, so a coupon added and not taken back by id is one its member held when the erase ran.
 */
export function watchCouponWrites(): CouponWrites {
  const Requester = requesterClass();
  const original = Requester.prototype.send;
  const added: string[] = [];
  const takenBack: string[] = [];
  Requester.prototype.send = async function send(this: unknown, action: string, params: Record<string, unknown> = {}) {
    const answer = await original.call(this, action, params);
    if (params.collectionName === 'coupons' && !params.transactionId) {
      // an add refused on its unique id (a slot taken by a parallel claim) answers an error code, not an insert
      const refused = !!(answer as { code?: unknown } | null)?.code;
      if (action === 'database.insertDocument' && !refused) for (const d of params.data as string[]) added.push(String(JSON.parse(d)._id));
      if (action === 'database.removeDocument') {
        const query = JSON.parse(String(params.query)) as { _id?: unknown };
        if (typeof query._id === 'string') takenBack.push(query._id);
      }
    }
    return answer;
  };
  return { added: () => [...added], takenBack: () => [...takenBack], restore: () => (Requester.prototype.send = original) };
}

/** Waits `n` turns of the event loop: the parties of a race start at different points of each other's requests. */
export async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) await new Promise<void>((r) => setImmediate(r));
}

/** A small seeded generator: a round's start order is the same on every run (the retries' back-off stays random). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface HeldCall {
  /** resolves once the held call has had its n-th request answered (it waits there until release) */
  reached: Promise<void>;
  /** the held call's requests so far, in order (`action collection queryType`) */
  requests(): string[];
  release(): void;
  restore(): void;
}

const WRITES = /^(insertDocument|modifyDocument|modifyAndReturnDoc|removeDocument|commitTransaction|updateDocInTransaction|deleteDocInTransaction)/;
/** Whether a request (as HeldCall.requests lists it) writes. */
export const isWrite = (request: string) => WRITES.test(request);

/**
 * Pauses one call between two of its database requests: the first call to send a request after
 * this is armed is held once its n-th request has been answered, until release(). Meanwhile other
 * calls run, so a test can put a whole other call between any two steps of this one — what a slow
 * container on the platform may do. A call with fewer than n requests is never held.
 */
export function holdCallAfter(n: number): HeldCall {
  const Requester = requesterClass();
  const original = Requester.prototype.send;
  let held: ReturnType<typeof currentScope> | null = null;
  const seen: string[] = [];
  let reach!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((r) => (reach = r));
  const released = new Promise<void>((r) => (release = r));
  Requester.prototype.send = async function send(this: unknown, action: string, params: Record<string, unknown> = {}) {
    const scope = currentScope();
    held ??= scope;
    if (scope !== held) return original.call(this, action, params);
    // its place in the call's order (a call may have two requests in flight at once)
    const place = seen.push(`${action.replace('database.', '')} ${String(params.collectionName ?? '')}${params.queryType ? ` ${String(params.queryType)}` : ''}`);
    const answer = await original.call(this, action, params);
    if (place === n) {
      reach();
      await released;
    }
    return answer;
  };
  return { reached, requests: () => [...seen], release, restore: () => (Requester.prototype.send = original) };
}
