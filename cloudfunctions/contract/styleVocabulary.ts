/**
 * The shop's style vocabulary as plain words, with no schema library: the style and staff pages
 * import it straight (a subpackage that imported the schemas beside them would carry ~35 KB of
 * zod for a few words); contract/styleWords.ts builds its schemas on these same lists.
 */

/** Styles a member is placed on and a product is tagged with. */
export const STYLES = ['简约', '通勤', '法式', '甜酷', '国风', '街头', '运动', '优雅', '休闲'] as const;
export type Style = (typeof STYLES)[number];

/** The scenes a member dresses for. */
export const SCENES = ['约会', '职场', '休闲', '运动', '旅行'] as const;
export type Scene = (typeof SCENES)[number];

/** The catalogue's categories (and the outfit slots they fill), with the words a shopper reads. */
export const CATEGORIES = ['top', 'bottom', 'dress', 'outer', 'shoes', 'accessory'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_NAMES: Record<Category, string> = {
  top: '上装',
  bottom: '下装',
  dress: '连衣裙',
  outer: '外套',
  shoes: '鞋履',
  accessory: '配饰',
};

/** When a piece is worn. */
export const WEAR_SEASONS = ['春夏', '秋冬', '四季'] as const;
export type WearSeason = (typeof WEAR_SEASONS)[number];

/**
 * The 12 colour seasons (4 seasons × 3), by code; `COLOUR_SEASON_NAMES` gives the words
 * ("柔秋"), `COLOUR_SEASON_FAMILY` the season they belong to ("秋季型").
 */
export const COLOUR_SEASONS = [
  'brightSpring',
  'warmSpring',
  'lightSpring',
  'lightSummer',
  'coolSummer',
  'softSummer',
  'softAutumn',
  'warmAutumn',
  'deepAutumn',
  'deepWinter',
  'coolWinter',
  'brightWinter',
] as const;
export type ColourSeason = (typeof COLOUR_SEASONS)[number];
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
export type SeasonFamily = 'spring' | 'summer' | 'autumn' | 'winter';
export const SEASON_FAMILY_NAMES: Record<SeasonFamily, string> = { spring: '春季型', summer: '夏季型', autumn: '秋季型', winter: '冬季型' };
export function seasonFamily(season: ColourSeason): SeasonFamily {
  const i = COLOUR_SEASONS.indexOf(season);
  return (['spring', 'summer', 'autumn', 'winter'] as const)[Math.floor(i / 3)]!;
}
