import { FREQUENCIES, type Frequency } from '../../../contract/styleQuiz';
import { type Scene, SCENES } from '../../../contract/styleWords';
import { percentShares } from '../shares';
import { required, type Scoring, type ScoringRule } from './rule';

export interface ScenePriority {
  scene: Scene;
  frequency: Frequency;
  /** percent; the five sum to 100 (all even when every scene is 很少) */
  weight: number;
}

/**
 * 场景优先级: each scene weighs what its frequency is worth in the weights (经常 > 有时 > 很少),
 * as whole percents summing to 100; most worn first, ties in the order of SCENES.
 */
export const scenePriorities: ScoringRule<Scoring, ScenePriority[]> = {
  code: 'scene-priorities',
  description: '按每个场景的穿着频率给出权重，合计100%，从高到低排列',
  score({ answers, weights }) {
    const raw = SCENES.map((s) => required(weights.frequencies[answers.scenes[s]], `frequency ${answers.scenes[s]}`));
    const percents = percentShares(raw);
    return SCENES.map((scene, i) => ({ scene, frequency: answers.scenes[scene], weight: percents[i]!, i }))
      .sort((a, b) => b.weight - a.weight || FREQUENCIES.indexOf(a.frequency) - FREQUENCIES.indexOf(b.frequency) || a.i - b.i)
      .map(({ scene, frequency, weight }) => ({ scene, frequency, weight }));
  },
};
