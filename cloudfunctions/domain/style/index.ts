/**
 * The style quiz's domain: the quiz as data, the answers check, and scoring into a report. Pure:
 * no I/O, no clock. The weights are data the caller reads (database/seed/styleWeights.json).
 */
export { type AnswersCheck, checkAnswers, quizProgress } from './answers';
export { STYLE_QUIZ } from './quiz';
export { SCORING_RULES } from './rules';
export type { Scoring, ScoringRule } from './rules/rule';
export { type ScoreResult, scoreQuiz } from './score';
export { percentShares } from './shares';
export { seasonSentence, seasonTitle } from './words';
