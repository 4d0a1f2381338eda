import type { ActionOutput } from '../../cloudfunctions/contract';
import { serviceFor } from './cloud';

export type NpsQuestion = ActionOutput<'member', 'npsQuestion'>;
export type NpsAnswered = ActionOutput<'member', 'answerNps'>;

/**
 * The member's one NPS question after a paid order (issue 19): whether it is open now, and the
 * answer. Only the 消费成功 page (packages/moments) imports this file: the main package does not grow.
 */
export const memberNpsApi = serviceFor('member', (member) => ({
  /** the question open now (about the latest paid order, for a week), or null */
  question: () => member('npsQuestion'),
  /** 0–10 and an optional reason; LIMIT_REACHED within 30 days of the last answer, a retry answers the kept one */
  answer: (orderKey: string, score: number, reason: string) => member('answerNps', reason.trim() ? { orderKey, score, reason } : { orderKey, score }),
}));
