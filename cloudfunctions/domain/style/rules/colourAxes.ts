import { COLOUR_AXES, COLOUR_QUESTIONS, type ColourAxes, type ColourAxis, type ColourQuestion } from '../../../contract/styleQuiz';
import { colourStep } from '../lookup';
import { roundScore } from '../shares';
import { required, type Scoring, type ScoringRule } from './rule';

/** The topic word an answer is quoted after in the report ("血管偏绿", "发色乌黑发亮"); empty where the label says it. */
const SAID_AS: Record<ColourQuestion, string> = { veins: '血管', jewellery: '', sun: '', hair: '发色', eyes: '瞳色', contrast: '适合' };

export interface ColourAxesResult {
  axes: ColourAxes;
  /** per axis, the answers (in words) that pushed it the way it went */
  drivers: Record<ColourAxis, string[]>;
}

/**
 * 色彩坐标: each colour answer moves undertone (冷↔暖), value (浅↔深), chroma (柔和↔鲜明) and
 * contrast; an axis is the sum over the most the six questions could move it one way (each
 * question's largest move), so it stays within −100 … 100 and one strong answer cannot decide it
 * alone. Loved and avoided colours are not read here: taste never moves the season.
 */
export const colourAxes: ScoringRule<Scoring, ColourAxesResult> = {
  code: 'colour-axes',
  description: '静脉、金银饰、日晒、发色、瞳色、对比度六题的答案累加为冷暖、深浅、艳柔和对比四个分数',
  score({ answers, quiz, weights }) {
    const picks = COLOUR_QUESTIONS.map((q) => {
      const options = required(weights.colour[q], `question ${q}`);
      const id = answers.colour[q];
      const label = colourStep(quiz, q).options.find((o) => o.id === id)?.label ?? id;
      return { move: required(options[id], `answer ${q}.${id}`), label: `${SAID_AS[q]}${label}`, options: Object.values(options) };
    });
    const axes = {} as ColourAxes;
    const drivers = {} as Record<ColourAxis, string[]>;
    for (const axis of COLOUR_AXES) {
      const sum = picks.reduce((s, p) => s + p.move[axis], 0);
      const most = picks.reduce((s, p) => s + Math.max(...p.options.map((o) => Math.abs(o[axis]))), 0);
      axes[axis] = most > 0 ? roundScore((100 * sum) / most) : 0;
      drivers[axis] = picks.filter((p) => p.move[axis] !== 0 && Math.sign(p.move[axis]) === Math.sign(axes[axis])).map((p) => p.label);
    }
    return { axes, drivers };
  },
};
