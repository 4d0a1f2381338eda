import type { Board, StyleShare } from '../../../contract/styleQuiz';
import { type Style, STYLES } from '../../../contract/styleWords';
import { boardsOf } from '../lookup';
import { percentShares } from '../shares';
import { required, type Scoring, type ScoringRule } from './rule';

export interface StyleSharesResult {
  /** all nine, largest first; ties by raw score, then in STYLES order */
  shares: StyleShare[];
  primary: StyleShare;
  secondary: StyleShare;
  why: string[];
}

const quoted = (boards: Board[]) => boards.map((b) => `「${b.title}」`).join('');

/**
 * 风格占比: each board's rating multiplies the styles it shows (不喜欢 pulls them down); the
 * positive totals become whole percents summing to 100. Words name the liked boards behind the
 * first two styles, and the boards turned down.
 */
export const styleShares: ScoringRule<Scoring, StyleSharesResult> = {
  code: 'style-shares',
  description: '按每套搭配的评分累加各风格权重，换算成合计100%的风格占比',
  score({ answers, quiz, weights }) {
    const boards = boardsOf(quiz);
    const styleWeight = (b: Board, s: Style) => required(weights.boards[b.id], `board ${b.id}`).styles[s] ?? 0;
    const raw = STYLES.map((s) => boards.reduce((sum, b) => sum + required(weights.ratings[answers.boards[b.id]!], 'rating') * styleWeight(b, s), 0));
    const percents = percentShares(raw);
    const order = STYLES.map((style, i) => ({ style, share: percents[i]!, raw: raw[i]!, i })).sort((a, b) => b.share - a.share || b.raw - a.raw || a.i - b.i);
    const shares = order.map(({ style, share }) => ({ style, share }));
    const [primary, secondary] = shares as [StyleShare, StyleShare];

    const rated = (r: string) => boards.filter((b) => answers.boards[b.id] === r);
    const drivers = (s: Style) => rated('喜欢').filter((b) => styleWeight(b, s) > 0).sort((a, b) => styleWeight(b, s) - styleWeight(a, s)).slice(0, 2);
    const why: string[] = [];
    if (raw.every((r) => r <= 0)) why.push('这几套搭配都没打动你：先按各风格均衡推荐，重做测试可以更准');
    else {
      const first = drivers(primary.style);
      why.push(first.length ? `喜欢${quoted(first)}：${primary.style}占 ${primary.share}%` : `${primary.style}占 ${primary.share}%：在你打分的搭配里最常见`);
      const second = drivers(secondary.style).filter((b) => !first.includes(b));
      if (secondary.share > 0) why.push(second.length ? `${quoted(second)}带出第二风格${secondary.style}（${secondary.share}%）` : `第二风格${secondary.style}（${secondary.share}%）`);
    }
    const turnedDown = rated('不喜欢').slice(0, 2);
    if (turnedDown.length) {
      const lead = (b: Board) => STYLES.reduce((best, s) => (styleWeight(b, s) > styleWeight(b, best) ? s : best), STYLES[0]);
      why.push(`不喜欢${quoted(turnedDown)}：少推${[...new Set(turnedDown.map(lead))].join('、')}`);
    }
    return { shares, primary, secondary, why };
  },
};
