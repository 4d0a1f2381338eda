import { COLOUR_SEASON_NAMES, type Category, type ColourSeason, SEASON_FAMILY_NAMES, seasonFamily } from '../../../cloudfunctions/contract/styleVocabulary';
import type { ColourAxis, QuizStepKind, Rating } from '../../../cloudfunctions/contract/styleQuiz';

/**
 * The style pages' own words beside the shop's vocabulary (contract/styleVocabulary.ts, re-exported
 * here: plain words, no schema library). The quiz's axes and ratings are written here rather than
 * imported: they live beside the quiz's schemas; words.test.ts holds them equal.
 */
export { CATEGORIES, CATEGORY_NAMES, COLOUR_SEASON_NAMES, SCENES, STYLES, WEAR_SEASONS } from '../../../cloudfunctions/contract/styleVocabulary';

/** "秋季型 · 柔秋", as the report's sentence ends. */
export const seasonTitle = (season: ColourSeason) => `${SEASON_FAMILY_NAMES[seasonFamily(season)]} · ${COLOUR_SEASON_NAMES[season]}`;

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

/** An outfit's pieces as they are laid out: the outer layer first, then head to toe, the accessory last. */
export const SLOT_ORDER: readonly Category[] = ['outer', 'top', 'dress', 'bottom', 'shoes', 'accessory'];


/**
 * The swatches a member picks a piece's colours from: the catalogue's own colour names and hexes
 * (lowercase `#rrggbb`, as the function checks them), so a piece added by hand and one bought at
 * the till filter together under one name. words.test.ts holds them to the catalogue.
 */
export const PIECE_COLOURS: ReadonlyArray<{ name: string; hex: string }> = [
  { name: '墨黑', hex: '#2b2b2e' },
  { name: '麻灰', hex: '#b9bcc0' },
  { name: '奶白', hex: '#f3eee4' },
  { name: '月白', hex: '#e4ebee' },
  { name: '燕麦', hex: '#d8c8b0' },
  { name: '卡其', hex: '#c2a57a' },
  { name: '焦糖', hex: '#a8693a' },
  { name: '裸杏', hex: '#e2c2ae' },
  { name: '藏青', hex: '#243a5e' },
  { name: '牛仔蓝', hex: '#4f6f96' },
  { name: '雾霾蓝', hex: '#7d93a8' },
  { name: '黛青', hex: '#3d5a66' },
  { name: '墨绿', hex: '#2f4a3a' },
  { name: '橄榄绿', hex: '#6b7047' },
  { name: '薄荷绿', hex: '#a9d6c4' },
  { name: '姜黄', hex: '#d39b2c' },
  { name: '亮红', hex: '#d7263d' },
  { name: '酒红', hex: '#7a2e3a' },
  { name: '樱粉', hex: '#efbfc6' },
  { name: '香芋紫', hex: '#b9a3cb' },
  { name: '金', hex: '#c9a45c' },
];
