import { useCallback, useRef, useState } from 'react';
import type { AppError, MemberCard } from '../../cloudfunctions/contract';
import { forgetCard, type HeldCard, heldCard, saveCard } from './cardStore';
import { memberApi } from './member';
import type { PageRead } from './useReadOnShow';

/** A card read longer ago than this is marked with its time (积分更新于 12-06 14:05). */
export const FRESH_FOR_MS = 2 * 60 * 1000;

/** Lets the first frame reach the screen: the card's reads start after the code from storage is drawn. */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
  });
}

/**
 * The member card as the phone last saw it, shown at once from storage, read again quietly (a
 * failure keeps it and becomes `problem`, for a small notice: never a page of error over a card).
 * NOT_MEMBER forgets what the phone kept. `change` puts what the page learnt (a till receipt's
 * balance) on the card at once and keeps it.
 */
export function useCard(now: () => number = Date.now) {
  const [held, setHeld] = useState<HeldCard | null>(heldCard);
  const [problem, setProblem] = useState<AppError | null>(null);
  const seq = useRef(0);
  const heldRef = useRef(held);
  heldRef.current = held;

  const refresh = useCallback(async (): Promise<AppError | null> => {
    const mine = (seq.current += 1);
    if (heldRef.current) await afterFirstPaint();
    const answer = await memberApi.card();
    if (answer.ok) {
      if (mine === seq.current) {
        setHeld(saveCard(answer.data, now()));
        setProblem(null);
      }
      return null;
    }
    if (answer.error.code === 'NOT_MEMBER') forgetCard();
    if (mine === seq.current) setProblem(answer.error);
    return answer.error;
  }, [now]);

  const change = useCallback((update: (card: MemberCard) => MemberCard) => {
    const current = heldRef.current;
    if (current) setHeld(saveCard(update(current.card), current.savedAt));
  }, []);

  const read: PageRead = {
    refresh,
    shown: () => heldRef.current !== null,
    // a card on screen stays whatever happens; only NOT_MEMBER, or a failure with nothing to show, concerns the page
    failed: () => (problem && (problem.code === 'NOT_MEMBER' || !heldRef.current) ? problem : null),
    saysOwnProblems: true,
  };

  const stale = held !== null && now() - held.savedAt > FRESH_FOR_MS;
  return { card: held?.card ?? null, savedAt: held?.savedAt ?? null, stale, problem, refresh, change, read };
}
