import { STYLE_AXES, STYLE_AXIS_ENDS, type StyleAxis } from '../../../contract/styleQuiz';
import { boardsOf } from '../lookup';
import { roundScore } from '../shares';
import { axisWords } from '../words';
import { required, type Scoring, type ScoringRule } from './rule';

export interface StyleAxisScore {
  axis: StyleAxis;
  /** −100 (the first end) … 100 (the second) */
  score: number;
  ends: [string, string];
  /** "偏利落", "经典与潮流之间" */
  words: string;
}

/**
 * 风格坐标 (利落↔松弛, 经典↔潮流, 简约↔装饰): each board's place on an axis, times its rating,
 * over the most the boards could add up to (every board at the strongest rating, all pulling one
 * way). So the score never leaves −100 … 100 whatever the weights; loving every 利落 board and
 * turning down the rest lands well towards 利落 (不喜欢 pulls less than 喜欢 pushes).
 */
export const styleAxes: ScoringRule<Scoring, StyleAxisScore[]> = {
  code: 'style-axes',
  description: '按评分加权各搭配在三条风格坐标上的位置，归一到 −100…100',
  score({ answers, quiz, weights }) {
    const boards = boardsOf(quiz);
    const strongest = Math.max(...Object.values(weights.ratings).map(Math.abs));
    return STYLE_AXES.map((axis) => {
      const place = (id: string) => required(weights.boards[id], `board ${id}`).axes[axis];
      const sum = boards.reduce((s, b) => s + required(weights.ratings[answers.boards[b.id]!], 'rating') * place(b.id), 0);
      const most = strongest * boards.reduce((s, b) => s + Math.abs(place(b.id)), 0);
      const score = most > 0 ? roundScore((100 * sum) / most) : 0;
      const ends = [...STYLE_AXIS_ENDS[axis]] as [string, string];
      return { axis, score, ends, words: axisWords(score, ends) };
    });
  },
};
