import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Envelope } from '../../cloudfunctions/contract';

export type Remote<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T; reloading: boolean }
  | { status: 'error'; error: AppError };

/**
 * One remote read for a page: loading, ready or error, and `reload()` (on show, on retry).
 * A reload keeps the data on screen while it runs; an answer that arrives after a newer request was
 * sent is dropped, so a slow old answer never overwrites a fresh one.
 */
export function useRemote<T>(load: () => Promise<Envelope<T>>, options: { auto?: boolean } = {}) {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async (): Promise<Envelope<T>> => {
    const mine = (seq.current += 1);
    setState((s) => (s.status === 'ready' ? { ...s, reloading: true } : { status: 'loading' }));
    const answer = await loadRef.current();
    if (mine === seq.current) {
      setState(answer.ok ? { status: 'ready', data: answer.data, reloading: false } : { status: 'error', error: answer.error });
    }
    return answer;
  }, []);

  /** Puts data the page already has (e.g. the answer of a save) on screen without another read. */
  const set = useCallback((data: T) => {
    seq.current += 1;
    setState({ status: 'ready', data, reloading: false });
  }, []);

  useEffect(() => {
    if (options.auto !== false) void reload();
  }, [reload, options.auto]);

  return { state, reload, set };
}
