import type { ReasonFacts } from './maker';
import { durationWords } from './words';

/** A complaint's call-back is due within this long (the member helper's complaint action makes it). */
export const CALLBACK_WITHIN_MS = 2 * 60 * 60_000;

/** 投诉回访 · 1 小时 20 分钟内, or how late it is: told from the to-do alone. */
export function complaintCallbackReason(todo: ReasonFacts, now: Date): string {
  const left = todo.dueAt.getTime() - now.getTime();
  return left >= 0 ? `投诉回访 · ${durationWords(left)}内` : `投诉回访 · 已超时 ${durationWords(-left)}`;
}
