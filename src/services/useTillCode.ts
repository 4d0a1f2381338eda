import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../cloudfunctions/contract';
import { memberApi } from './member';

/** Fetch the next code this many seconds before the current one expires, so the till never sees a dead one. */
export const REFRESH_AHEAD_SECONDS = 10;
/** After a failed refresh, wait this long before trying again on its own. */
const RETRY_AFTER_MS = 3000;

export type TillCode =
  | { status: 'loading' }
  | { status: 'live'; code: string; secondsLeft: number; refreshing: boolean; refreshError: AppError | null }
  | { status: 'expired'; code: string; refreshing: boolean; error: AppError | null }
  | { status: 'error'; error: AppError; refreshing: boolean };

interface Held {
  code: string;
  /** local time the code stops working: measured from when it arrived, so a phone's wrong clock does not matter */
  deadline: number;
}

/**
 * The member's till code while `active` (the card page is on screen): fetched at once, counted
 * down every second, replaced shortly before it expires and whenever `refresh()` is called.
 */
export function useTillCode(active: boolean, now: () => number = Date.now): { state: TillCode; refresh: () => void } {
  const [state, setState] = useState<TillCode>({ status: 'loading' });
  const held = useRef<Held | null>(null);
  const inFlight = useRef(false);
  const lastFailure = useRef<{ at: number; error: AppError } | null>(null);
  const activeRef = useRef(active);
  activeRef.current = active;

  const show = useCallback(() => {
    const h = held.current;
    const failed = lastFailure.current?.error ?? null;
    if (!h) {
      setState(failed ? { status: 'error', error: failed, refreshing: inFlight.current } : { status: 'loading' });
      return;
    }
    const secondsLeft = Math.ceil((h.deadline - now()) / 1000);
    setState(
      secondsLeft > 0
        ? { status: 'live', code: h.code, secondsLeft, refreshing: inFlight.current, refreshError: failed }
        : { status: 'expired', code: h.code, refreshing: inFlight.current, error: failed },
    );
  }, [now]);

  const fetchCode = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    show();
    const sentAt = now();
    const answer = await memberApi.code();
    inFlight.current = false;
    if (answer.ok) {
      held.current = { code: answer.data.code, deadline: sentAt + answer.data.ttlSeconds * 1000 };
      lastFailure.current = null;
    } else {
      lastFailure.current = { at: now(), error: answer.error };
    }
    if (activeRef.current) show();
  }, [now, show]);

  useEffect(() => {
    if (!active) return undefined;
    const tick = () => {
      const h = held.current;
      const failure = lastFailure.current;
      const mayRetry = !failure || now() - failure.at >= RETRY_AFTER_MS;
      // NOT_MEMBER and friends will not fix themselves: only a tap retries them
      const retryable = !failure || failure.error.code === 'UNAVAILABLE' || failure.error.code === 'INTERNAL';
      const due = !h || h.deadline - now() <= REFRESH_AHEAD_SECONDS * 1000;
      if (due && mayRetry && retryable && !inFlight.current) void fetchCode();
      else show();
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [active, fetchCode, show, now]);

  const refresh = useCallback(() => {
    lastFailure.current = null;
    void fetchCode();
  }, [fetchCode]);

  return { state, refresh };
}
