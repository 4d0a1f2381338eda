import { useEffect, useRef } from 'react';
import type { TillReceipt } from '../../cloudfunctions/contract';
import { lastReceiptId, saveReceiptId } from './cardStore';
import { memberApi } from './member';

/** How often the open card asks whether its code was used: the till's answer shows within a few seconds. */
export const RECEIPT_POLL_MS = 2500;
/** Failures slow the asking down, doubling up to this. */
export const RECEIPT_MAX_BACKOFF_MS = 30_000;
/** With no receipt remembered (a new phone, a cleared storage), only one this recent is news. */
export const RECEIPT_NEWS_MS = 5 * 60 * 1000;

/**
 * While `active` (the card on screen, online), asks `member.receipt` every 2.5 s (slower after
 * failures) and hands `onReceipt` each receipt newer than the last one shown: its id is kept on
 * the phone, so a receipt shows once, across opens too.
 */
export function useTillReceipt(active: boolean, onReceipt: (receipt: TillReceipt) => void, now: () => number = Date.now): void {
  const latest = useRef(onReceipt);
  latest.current = onReceipt;
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let delay = RECEIPT_POLL_MS;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const answer = await memberApi.receipt();
      if (stopped) return;
      if (answer.ok) {
        delay = RECEIPT_POLL_MS;
        const receipt = answer.data.receipt;
        const seen = lastReceiptId();
        if (receipt && receipt.receiptId !== seen) {
          saveReceiptId(receipt.receiptId);
          const news = seen !== null || now() - Date.parse(receipt.usedAt) < RECEIPT_NEWS_MS;
          if (news) latest.current(receipt);
        }
      } else {
        // NOT_MEMBER is the card read's to act on; asking on would only repeat it
        if (answer.error.code === 'NOT_MEMBER') return;
        delay = Math.min(delay * 2, RECEIPT_MAX_BACKOFF_MS);
      }
      timer = setTimeout(() => void poll(), delay);
    };
    timer = setTimeout(() => void poll(), RECEIPT_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active]);
}
