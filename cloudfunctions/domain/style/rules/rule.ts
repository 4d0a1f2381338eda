import type { CompleteAnswers, StyleQuiz, StyleWeights } from '../../../contract/styleQuiz';

/** What every scoring rule may read: complete answers, the quiz they answer and the tuned weights. */
export interface Scoring {
  answers: CompleteAnswers;
  quiz: StyleQuiz;
  weights: StyleWeights;
}

/**
 * One scoring rule (like a tier rule): a stable code, what it does in plain words, and one pure
 * function. The numbers it uses are data (the weights); the rule is only the arithmetic and the words.
 */
export interface ScoringRule<In, Out> {
  code: string;
  description: string;
  score(input: In): Out;
}

/** A weight the seed must have: its absence is a bug in the data, never the member's fault. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the style weights have no ${what}`);
  return value;
}
