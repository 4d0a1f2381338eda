import type { Board, ColourChoice, ColourQuestion, QuizStep, StyleQuiz } from '../../contract/styleQuiz';

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

/** The colours a member may love or avoid (the likes step's). */
export const colourChoicesOf = (quiz: StyleQuiz): ColourChoice[] => stepsOf(quiz, 'likes').flatMap((s) => s.colours);

/** The quiz's own choices, for editing preferences in 我的风格档案 without opening the quiz. */
export function preferenceChoices(quiz: StyleQuiz) {
  const fit = stepOf(quiz, 'fit');
  const sizes = stepOf(quiz, 'sizes');
  return {
    colours: colourChoicesOf(quiz).map(({ id, name, hex }) => ({ id, name, hex })),
    fits: [...fit.fits],
    silhouettes: fit.silhouettes.map(({ id, name }) => ({ id, name })),
    sizes: { top: [...sizes.top], bottom: [...sizes.bottom], shoes: [...sizes.shoes] },
    scenes: [...stepOf(quiz, 'scenes').scenes],
  };
}

export function colourStep(quiz: StyleQuiz, question: ColourQuestion): StepOf<'colour'> {
  const step = stepsOf(quiz, 'colour').find((s) => s.question === question);
  if (!step) throw new Error(`the quiz ${quiz.version} does not ask ${question}`);
  return step;
}
