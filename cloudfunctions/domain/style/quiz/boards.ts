import type { Board, QuizStep } from '../../../contract/styleQuiz';
import type { Category, Style } from '../../../contract/styleWords';

/** A board's piece: the function fills it with a catalogue product of this category and one of these styles, near this colour. */
const piece = (category: Category, styles: Style[], hex: string) => ({ category, styles, hex });
const board = (id: string, title: string, pieces: Board['pieces']): Board => ({ id, title, pieces });
const HINT = '每套打个分：喜欢 / 一般 / 不喜欢';

/**
 * Twelve outfit boards on four steps. Every style leads at least one board (so any style can come
 * out first), and the boards reach both ends of every axis. How a board moves the scores lives in
 * the weights (database/seed/styleWeights.json), not here.
 */
export const BOARD_STEPS: QuizStep[] = [
  {
    id: 'boardsDaily',
    kind: 'boards',
    title: '日常穿搭，你更偏爱哪套？',
    hint: HINT,
    boards: [
      board('commute', '周一早八', [piece('top', ['通勤', '简约'], '#f4f4f2'), piece('bottom', ['通勤'], '#2b2d42'), piece('shoes', ['通勤'], '#3b2f2f'), piece('accessory', ['通勤'], '#8b5a2b')]),
      board('weekend', '周末松弛感', [piece('top', ['休闲'], '#e8e4d8'), piece('bottom', ['休闲'], '#5b7a99'), piece('shoes', ['休闲', '运动'], '#ffffff'), piece('accessory', ['休闲'], '#c8b89a')]),
      board('mono', '黑白极简', [piece('top', ['简约'], '#111111'), piece('bottom', ['简约'], '#f2f0eb'), piece('shoes', ['简约'], '#1a1a1a')]),
    ],
  },
  {
    id: 'boardsOccasion',
    kind: 'boards',
    title: '约会和场合，哪套是你？',
    hint: HINT,
    boards: [
      board('parisAfternoon', '巴黎午后', [piece('dress', ['法式'], '#c94c4c'), piece('outer', ['法式', '优雅'], '#c8ad7f'), piece('shoes', ['法式'], '#111111'), piece('accessory', ['法式'], '#d9c29a')]),
      board('evening', '晚宴微光', [piece('dress', ['优雅'], '#1f2a44'), piece('shoes', ['优雅'], '#c0a080'), piece('accessory', ['优雅'], '#f0ead6')]),
      board('teaParty', '新中式茶会', [piece('top', ['国风'], '#a33b3b'), piece('bottom', ['国风'], '#2f4f4f'), piece('shoes', ['国风', '优雅'], '#3a2e2a'), piece('accessory', ['国风'], '#6b8e6b')]),
    ],
  },
  {
    id: 'boardsStreet',
    kind: 'boards',
    title: '街头与运动，你会穿吗？',
    hint: HINT,
    boards: [
      board('sweetCool', '酷甜混搭', [piece('top', ['甜酷'], '#f7c6d0'), piece('bottom', ['甜酷', '街头'], '#111111'), piece('shoes', ['甜酷'], '#111111'), piece('accessory', ['甜酷'], '#c0c0c0')]),
      board('skate', '街头滑板', [piece('top', ['街头'], '#5e6b3a'), piece('bottom', ['街头'], '#3d3d3d'), piece('shoes', ['街头', '运动'], '#e6e6e6'), piece('accessory', ['街头'], '#222222')]),
      board('morningRun', '晨跑轻运动', [piece('top', ['运动'], '#2a9d8f'), piece('bottom', ['运动'], '#222222'), piece('shoes', ['运动'], '#f1f1f1')]),
    ],
  },
  {
    id: 'boardsMix',
    kind: 'boards',
    title: '再看几套混搭',
    hint: HINT,
    boards: [
      board('frenchKnit', '温柔针织', [piece('top', ['法式', '简约'], '#e9dccb'), piece('bottom', ['法式', '优雅'], '#8c6e5a'), piece('shoes', ['法式'], '#5a4334')]),
      board('techCommute', '机能通勤', [piece('outer', ['通勤', '运动'], '#4a4f55'), piece('top', ['通勤'], '#dfe3e6'), piece('bottom', ['通勤', '街头'], '#2b2b2e'), piece('shoes', ['运动'], '#111111')]),
      board('guochao', '国潮甜酷', [piece('top', ['国风', '甜酷'], '#b22234'), piece('bottom', ['街头'], '#1c1c1c'), piece('shoes', ['街头'], '#f5f5f5'), piece('accessory', ['国风'], '#d4af37')]),
    ],
  },
];
