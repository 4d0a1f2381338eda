import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type CompleteAnswers, type Rating, styleWeightsSchema } from '../../cloudfunctions/contract/styleQuiz';
import { STYLE_QUIZ } from '../../cloudfunctions/domain/style';
import { boardsOf } from '../../cloudfunctions/domain/style/lookup';

/** Shared by the style tests: the seeded weights as parsed, and answer sets built from a plain base. */

export const WEIGHTS_PATH = path.resolve(__dirname, '../../cloudfunctions/database/seed/styleWeights.json');
export const RAW_WEIGHTS: unknown = JSON.parse(readFileSync(WEIGHTS_PATH, 'utf8'));
export const WEIGHTS = styleWeightsSchema.parse(RAW_WEIGHTS);

export const BOARD_IDS = boardsOf(STYLE_QUIZ).map((b) => b.id);

/** Every board rated `rest`, except the ones named. */
export function rate(liked: string[], disliked: string[] = [], rest: Rating = '一般'): Record<string, Rating> {
  for (const id of [...liked, ...disliked]) if (!BOARD_IDS.includes(id)) throw new Error(`no board ${id}`);
  return Object.fromEntries(BOARD_IDS.map((id) => [id, liked.includes(id) ? '喜欢' : disliked.includes(id) ? '不喜欢' : rest]));
}

/** The six colour answers in quiz order: veins, jewellery, sun, hair, eyes, contrast. */
export function colour(picks: string): CompleteAnswers['colour'] {
  const [veins, jewellery, sun, hair, eyes, contrast] = picks.split(' ') as [string, string, string, string, string, string];
  return { veins, jewellery, sun, hair, eyes, contrast };
}

/** A member who answered everything plainly: boards all 一般, neutral colour answers, 职场 经常. */
export const BASE: CompleteAnswers = {
  boards: rate([]),
  colour: colour('mixed both burnsThenTans softBrown warmBrown medium'),
  likedColours: [],
  dislikedColours: [],
  scenes: { 约会: '有时', 职场: '经常', 休闲: '有时', 运动: '很少', 旅行: '很少' },
  fit: { top: '合身', bottom: '合身', silhouette: 'H' },
  sizes: { top: 'M', bottom: 'M', shoes: 37 },
  prices: { top: 'top3', bottom: 'bottom3', dress: 'dress3', outer: 'outer3', shoes: 'shoes3' },
};

export const answers = (over: Partial<CompleteAnswers>): CompleteAnswers => ({ ...BASE, ...over });
