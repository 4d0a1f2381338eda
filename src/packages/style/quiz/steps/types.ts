import type { QuizAnswers, QuizStep, QuizStepKind } from '../../../../../cloudfunctions/contract/styleQuiz';

/** What every step's view gets: its step, the answers as they stand (saved and not yet saved), and where a tap goes. */
export interface StepProps<K extends QuizStepKind> {
  step: Extract<QuizStep, { kind: K }>;
  answers: QuizAnswers;
  /** a change to this step's answers, laid over them */
  onAnswer: (patch: QuizAnswers) => void;
}
