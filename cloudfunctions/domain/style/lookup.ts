import type { Board, ColourQuestion, QuizStep, StyleQuiz } from '../../contract/styleQuiz';

/** The quiz's parts, found by kind (the quiz is data: a missing part is a bug in it, so it throws). */
export type StepOf<K extends QuizStep['kind']> = Extract<QuizStep, { kind: K }>;

export function stepsOf<K extends QuizStep['kind']>(quiz: StyleQuiz, kind: K): StepOf<K>[] {
  return quiz.steps.filter((s): s is StepOf<K> => s.kind === kind);
}

export function stepOf<K extends QuizStep['kind']>(quiz: StyleQuiz, kind: K): StepOf<K> {
  const step = stepsOf(quiz, kind)[0];
  if (!step) throw new Error(`the quiz ${quiz.version} has no ${kind} step`);
  return step;
}

export const boardsOf = (quiz: StyleQuiz): Board[] => stepsOf(quiz, 'boards').flatMap((s) => s.boards);

export function colourStep(quiz: StyleQuiz, question: ColourQuestion): StepOf<'colour'> {
  const step = stepsOf(quiz, 'colour').find((s) => s.question === question);
  if (!step) throw new Error(`the quiz ${quiz.version} does not ask ${question}`);
  return step;
}
