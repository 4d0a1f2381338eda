import type { AnswersProblem, QuizAnswers, StyleQuiz, StyleReport, StyleWeights } from '../../contract/styleQuiz';
import { SILHOUETTE_NAMES } from '../../contract/styleQuiz';
import { checkAnswers } from './answers';
import { STYLE_QUIZ } from './quiz';
import { colourAxes } from './rules/colourAxes';
import { colourSeason } from './rules/colourSeason';
import { seasonPalette } from './rules/palette';
import { priceBands } from './rules/priceBands';
import type { Scoring } from './rules/rule';
import { scenePriorities } from './rules/scenePriorities';
import { styleAxes } from './rules/styleAxes';
import { styleShares } from './rules/styleShares';
import { topCategory } from './rules/topCategory';
import { colourWhy } from './words';

export type ScoreResult = { ok: true; report: StyleReport } | { ok: false; problem: AnswersProblem };

/**
 * The report for one member's answers: pure and deterministic (no clock, no randomness; the
 * caller stamps the time). Answers that are not complete, or name what the quiz does not offer,
 * are refused as a value. Each part comes from one rule in rules/; this only puts them together.
 */
export function scoreQuiz(answers: QuizAnswers, weights: StyleWeights, quiz: StyleQuiz = STYLE_QUIZ): ScoreResult {
  const checked = checkAnswers(answers, quiz);
  if (!checked.ok) return checked;
  const input: Scoring = { answers: checked.answers, quiz, weights };
  const a = checked.answers;

  const shares = styleShares.score(input);
  const axes = styleAxes.score(input);
  const colour = colourAxes.score(input);
  const season = colourSeason.score({ axes: colour.axes, weights });
  const palette = seasonPalette.score({ season: season.season, answers: a, quiz, weights });
  const scenes = scenePriorities.score(input);
  const bands = priceBands.score(input);
  const top = topCategory.score({ scenes, bands, weights });

  return {
    ok: true,
    report: {
      quizVersion: quiz.version,
      weightsVersion: weights.version,
      style: {
        primary: shares.primary,
        secondary: shares.secondary,
        shares: shares.shares,
        axes,
        why: [...shares.why, `整体${axes.map((x) => x.words).join('、')}`],
      },
      colour: {
        season: season.season,
        confidence: season.confidence,
        runnerUp: season.runnerUp,
        axes: colour.axes,
        sentence: season.sentence,
        why: colourWhy(colour.axes, colour.drivers),
      },
      ...palette,
      scenes,
      fit: { ...a.fit, silhouetteName: SILHOUETTE_NAMES[a.fit.silhouette] },
      sizes: a.sizes,
      priceBands: bands.map(({ category, label, minFen, maxFen }) => ({ category, label, minFen, maxFen })),
      topCategory: top.category,
      topCategoryWhy: top.why,
    },
  };
}
