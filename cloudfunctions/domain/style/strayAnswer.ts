import type { QuizAnswers, StyleQuiz } from '../../contract/styleQuiz';
import { boardsOf, colourChoicesOf, stepsOf } from './lookup';

/**
 * The first answer that names what the quiz does not offer, in a save of part of a step (the
 * answers check sees a step only once it is whole, so a half step is checked here): a board, a
 * colour to love or avoid, a price band. Null when every given answer is one the quiz offers.
 */
export function strayAnswer(answers: QuizAnswers, quiz: StyleQuiz): string | null {
  const boards = new Set(boardsOf(quiz).map((b) => b.id));
  const colours = new Set(colourChoicesOf(quiz).map((c) => c.id));
  const prices = new Map(stepsOf(quiz, 'prices').flatMap((s) => s.categories.map((c) => [c.category, new Set(c.options.map((o) => o.id))] as const)));
  for (const id of Object.keys(answers.boards ?? {})) if (!boards.has(id)) return `没有「${id}」这组搭配`;
  for (const id of [...(answers.likedColours ?? []), ...(answers.dislikedColours ?? [])]) if (!colours.has(id)) return `没有「${id}」这个颜色`;
  for (const [category, option] of Object.entries(answers.prices ?? {})) if (option !== undefined && !prices.get(category as never)?.has(option)) return `「${category}」没有「${option}」这个价位`;
  return null;
}
