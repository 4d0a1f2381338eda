import type { Category, ColourSeason, Scene, Style, WearSeason } from '../../../cloudfunctions/contract/styleWords';
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

/** The categories in the order a wardrobe lists them (and an outfit's pieces stand, head to toe). */
export const CATEGORIES: readonly Category[] = ['top', 'bottom', 'dress', 'outer', 'shoes', 'accessory'];
/** An outfit's pieces as they are laid out: the outer layer first, then head to toe, the accessory last. */
export const SLOT_ORDER: readonly Category[] = ['outer', 'top', 'dress', 'bottom', 'shoes', 'accessory'];

export const STYLES: readonly Style[] = ['简约', '通勤', '法式', '甜酷', '国风', '街头', '运动', '优雅', '休闲'];
export const SCENES: readonly Scene[] = ['约会', '职场', '休闲', '运动', '旅行'];
export const WEAR_SEASONS: readonly WearSeason[] = ['春夏', '秋冬', '四季'];

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
