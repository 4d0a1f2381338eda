import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Envelope } from '../../cloudfunctions/contract';

export type Remote<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T; reloading: boolean }
  | { status: 'error'; error: AppError };

/**
 * One remote read for a page: loading, ready or error, and `reload()` (on show, on retry) or
 * `refresh()` (in the background).
 * A reload keeps the data on screen while it runs; an answer that arrives after a newer request was
 * sent is dropped, so a slow old answer never overwrites a fresh one.
 */
export function useRemote<T>(load: () => Promise<Envelope<T>>, options: { auto?: boolean } = {}) {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const stateRef = useRef(state);
  stateRef.current = state;

  const reload = useCallback(async (): Promise<Envelope<T>> => {
    const mine = (seq.current += 1);
    setState((s) => (s.status === 'ready' ? { ...s, reloading: true } : { status: 'loading' }));
    const answer = await loadRef.current();
    if (mine === seq.current) {
      setState(answer.ok ? { status: 'ready', data: answer.data, reloading: false } : { status: 'error', error: answer.error });
    }
    return answer;
  }, []);

  /**
   * A quiet reload: nothing on screen changes while it runs, and a failure leaves the data shown
   * (the answer is returned for the caller to judge). Before any data arrived it is `reload()`.
   */
  const refresh = useCallback(async (): Promise<Envelope<T>> => {
    if (stateRef.current.status !== 'ready') return reload();
    const mine = (seq.current += 1);
    const answer = await loadRef.current();
    if (mine === seq.current && answer.ok) setState({ status: 'ready', data: answer.data, reloading: false });
    return answer;
  }, [reload]);

  /** Puts data the page already has (e.g. the answer of a save) on screen without another read. */
  const set = useCallback((data: T) => {
    seq.current += 1;
    setState({ status: 'ready', data, reloading: false });
  }, []);

  useEffect(() => {
    if (options.auto !== false) void reload();
  }, [reload, options.auto]);

  return { state, reload, refresh, set };
}
