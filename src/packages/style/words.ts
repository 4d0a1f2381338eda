import type { Category, ColourSeason } from '../../../cloudfunctions/contract/styleWords';
import type { ColourAxis, QuizStepKind, Rating } from '../../../cloudfunctions/contract/styleQuiz';

/**
 * The shop's style words the style pages show, typed by the contract. They are written here rather
 * than imported because the contract's word lists live beside its schemas, and importing one word
 * brings the schema library (~35 KB) into the subpackage; words.test.ts holds them equal to the
 * contract's.
 */

export const CATEGORY_NAMES: Record<Category, string> = {
  top: '上装',
  bottom: '下装',
  dress: '连衣裙',
  outer: '外套',
  shoes: '鞋履',
  accessory: '配饰',
};

export const COLOUR_SEASON_NAMES: Record<ColourSeason, string> = {
  brightSpring: '净春',
  warmSpring: '暖春',
  lightSpring: '浅春',
  lightSummer: '浅夏',
  coolSummer: '冷夏',
  softSummer: '柔夏',
  softAutumn: '柔秋',
  warmAutumn: '暖秋',
  deepAutumn: '深秋',
  deepWinter: '深冬',
  coolWinter: '冷冬',
  brightWinter: '净冬',
};

/** The season each of the 12 belongs to ("秋季型"). */
export const SEASON_FAMILY_OF: Record<ColourSeason, string> = {
  brightSpring: '春季型',
  warmSpring: '春季型',
  lightSpring: '春季型',
  lightSummer: '夏季型',
  coolSummer: '夏季型',
  softSummer: '夏季型',
  softAutumn: '秋季型',
  warmAutumn: '秋季型',
  deepAutumn: '秋季型',
  deepWinter: '冬季型',
  coolWinter: '冬季型',
  brightWinter: '冬季型',
};

/** "秋季型 · 柔秋", as the report's sentence ends. */
export const seasonTitle = (season: ColourSeason) => `${SEASON_FAMILY_OF[season]} · ${COLOUR_SEASON_NAMES[season]}`;

/** The colour axes' two ends, −100 … 100, in the report's order. */
export const COLOUR_AXES: ReadonlyArray<{ axis: ColourAxis; ends: readonly [string, string] }> = [
  { axis: 'undertone', ends: ['冷', '暖'] },
  { axis: 'value', ends: ['浅', '深'] },
  { axis: 'chroma', ends: ['柔和', '鲜明'] },
  { axis: 'contrast', ends: ['低对比', '高对比'] },
];

/** How a board is rated, in the order the buttons stand. */
export const RATINGS: readonly Rating[] = ['喜欢', '一般', '不喜欢'];

/** What each kind of step is about, above its number ("色彩 · 第 6 / 15 步"). */
export const STEP_TOPICS: Record<QuizStepKind, string> = {
  boards: '穿搭偏好',
  colour: '色彩分析',
  likes: '颜色喜好',
  scenes: '穿搭场合',
  fit: '版型',
  sizes: '尺码',
  prices: '价位',
};
