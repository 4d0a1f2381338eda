import { useEffect, useRef, useState } from 'react';
import type { Envelope } from '../../cloudfunctions/contract';
import type { PageRead } from './useReadOnShow';
import { useRemote } from './useRemote';

/**
 * A read that waits for the page's own (`ready`, then `delayMs`: on the card, a moment after the
 * till code is drawn, so nothing but the card and the code is asked before it shows), again on
 * every show; it says nothing when it fails (what it feeds shows its plain default). The rows
 * under the card's code read this way: 邀请好友's progress, the style row.
 */
export function useLateRead<T>(load: () => Promise<Envelope<T>>, ready: boolean, options: { delayMs?: number } = {}) {
  const remote = useRemote(load, { auto: false });
  const due = useRef(true);
  // a show asks for a read: counted, so the effect below runs again
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (!ready || !due.current) return undefined;
    const timer = setTimeout(() => {
      due.current = false;
      void remote.refresh();
    }, options.delayMs ?? 0);
    return () => clearTimeout(timer);
  }, [ready, asked]);

  /** one of the page's reads on show: read once the page is ready (and the delay has passed) */
  const read: PageRead = {
    refresh: async () => {
      due.current = true;
      setAsked((n) => n + 1);
      return null;
    },
    shown: () => remote.state.status === 'ready',
    failed: () => null,
    saysOwnProblems: true,
  };

  return { data: remote.state.status === 'ready' ? remote.state.data : null, read };
}
