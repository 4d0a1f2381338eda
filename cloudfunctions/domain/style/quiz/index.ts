import type { StyleQuiz } from '../../../contract/styleQuiz';
import { BOARD_STEPS } from './boards';
import { COLOUR_STEPS } from './colourQuestions';
import { LIKES_STEP } from './likes';
import { PROFILE_STEPS } from './profile';

/**
 * The style quiz as data: 15 steps — four of outfit boards (12 boards), six colour questions, the
 * colours loved and avoided, scenes, fit and silhouette, sizes, prices. The version goes into every
 * report, so a report can be read against the quiz it was taken on.
 */
export const STYLE_QUIZ: StyleQuiz = {
  version: 'quiz-2025-1',
  title: '风格测试',
  steps: [...BOARD_STEPS, ...COLOUR_STEPS, LIKES_STEP, ...PROFILE_STEPS],
};
