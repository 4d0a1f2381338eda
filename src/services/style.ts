import type { ActionInput, QuizAnswers } from '../../cloudfunctions/contract';
import { serviceFor } from './cloud';

/**
 * The `style` function's calls, named as the quiz, the report, the style profile and the card
 * think of them. Types only from the contract: the card's style row imports this, and the
 * contract's schemas (zod) must stay out of the main package.
 */
export const styleApi = serviceFor('style', (style) => ({
  /** the quiz with its boards' pictures, the member's answers so far (kept on the server) and where they are */
  quiz: () => style('quiz'),
  /** one step's answers for the attempt on screen; the answers come back merged with what was saved before */
  saveAnswers: (attempt: number, answers: QuizAnswers) => style('saveAnswers', { attempt, answers }),
  /** scores the attempt: the report (and, the first time ever, the 穿搭诊断 coupon) */
  submit: (attempt: number) => style('submit', { attempt }),
  /** the latest report, or an earlier attempt's */
  report: (attempt?: number) => style('report', attempt === undefined ? {} : { attempt }),
  /** every report, latest first */
  history: () => style('history'),
  /** the card's style row: whether a report exists, its season and leading style */
  summary: () => style('summary'),
  /** 3 天穿搭灵感 on the card: the day (1–3, null outside them) and its outfit */
  inspiration: () => style('inspiration'),
  /** 重新测试: the next attempt starts empty (a double tap starts one) */
  retake: (attempt: number) => style('retake', { attempt }),
  /** 我的风格档案: the member's tags, each with its source and date, their own preferences and the choices to edit them with */
  tags: () => style('tags'),
  /** the member's own sizes, fit, scenes and colours; answers the tags as they now stand */
  setPreferences: (preferences: ActionInput<'style', 'setPreferences'>) => style('setPreferences', preferences),
  /** a page of the catalogue */
  catalog: (query: ActionInput<'style', 'catalog'> = {}) => style('catalog', query),
  /** a product opened (counted toward the member's behaviour tags): the product with its sizes in stock */
  viewProduct: (sku: string) => style('viewProduct', { sku }),
}));
