import { serviceFor } from './cloud';

/** How many history lines one page asks for (the contract allows up to 50). */
export const HISTORY_PAGE_SIZE = 20;

/**
 * A fresh idempotency key for one redeem (8–64 of [A-Za-z0-9_-], as the contract asks): the time
 * keeps keys from one phone apart, the random part keeps two phones apart.
 */
export function newRequestId(now: number = Date.now()): string {
  const random = Math.random().toString(36).slice(2).padEnd(10, '0').slice(0, 10);
  return `r${now.toString(36)}-${random}`;
}

/**
 * Redeems whose outcome is unknown, by reward: no answer came (UNAVAILABLE: a timeout may hide a
 * spend that went through) or the function broke (INTERNAL: perhaps after spending). The shopper's
 * retry carries the same request id, so the function spends the points once. A success or a
 * refusal settles the redeem, and the next tap is a new one.
 */
const UNKNOWN_OUTCOME = new Set(['UNAVAILABLE', 'INTERNAL']);
const unsettledRedeems = new Map<string, string>();

/** The `points` function's calls, named as the points page thinks of them. */
export const pointsApi = serviceFor('points', (points) => ({
  summary: () => points('summary'),
  /** A page of history, newest first; `before` is the `nextBefore` of the page already shown. */
  history: (before?: number) => points('history', before === undefined ? { limit: HISTORY_PAGE_SIZE } : { before, limit: HISTORY_PAGE_SIZE }),
  /** 积分兑换: what points buy, and the balance to judge it by. */
  rewards: () => points('rewards'),
  /** Call once per confirmed tap: a retry after no answer reuses the request id, so points are spent once. */
  async redeem(rewardId: string) {
    const requestId = unsettledRedeems.get(rewardId) ?? newRequestId();
    unsettledRedeems.set(rewardId, requestId);
    const answer = await points('redeem', { rewardId, requestId });
    if (answer.ok || !UNKNOWN_OUTCOME.has(answer.error.code)) unsettledRedeems.delete(rewardId);
    return answer;
  },
}));
