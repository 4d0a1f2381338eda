import type { ColourAxes } from '../../contract/styleQuiz';
import { COLOUR_SEASON_NAMES, type ColourSeason, SEASON_FAMILY_NAMES, seasonFamily } from '../../contract/styleWords';

/** Below this a member sits between an axis's two ends. */
export const AXIS_MIDDLE = 20;

/** "偏利落", or "经典与潮流之间" near the middle. */
export function axisWords(score: number, [low, high]: readonly [string, string]): string {
  if (Math.abs(score) < AXIS_MIDDLE) return `${low}与${high}之间`;
  return `偏${score < 0 ? low : high}`;
}

/** One word per colour axis, as a stylist says it: the two ends and the middle. */
const AXIS_WORDS = {
  undertone: ['冷调', '中性调', '暖调'],
  value: ['明度偏浅', '明度中等', '明度偏深'],
  chroma: ['柔和', '彩度适中', '鲜明'],
  contrast: ['低对比', '中等对比', '高对比'],
} as const;

export function colourWord(axis: keyof typeof AXIS_WORDS, score: number): string {
  const [low, middle, high] = AXIS_WORDS[axis];
  return score <= -AXIS_MIDDLE ? low : score >= AXIS_MIDDLE ? high : middle;
}

/** "秋季型 · 柔秋" */
export const seasonTitle = (season: ColourSeason) => `${SEASON_FAMILY_NAMES[seasonFamily(season)]} · ${COLOUR_SEASON_NAMES[season]}`;

/** "暖调、明度中等、柔和：秋季型 · 柔秋" — the member's own three scores, then the season they lead to. */
export const seasonSentence = (axes: ColourAxes, season: ColourSeason) =>
  `${colourWord('undertone', axes.undertone)}、${colourWord('value', axes.value)}、${colourWord('chroma', axes.chroma)}：${seasonTitle(season)}`;

/** Which answers made each clear colour score ("暖调：偏绿、金饰更有气色"); the confidence and runner-up are fields of their own. */
export function colourWhy(axes: ColourAxes, drivers: Record<keyof ColourAxes, string[]>): string[] {
  const lines = (['undertone', 'value', 'chroma', 'contrast'] as const)
    .filter((axis) => Math.abs(axes[axis]) >= AXIS_MIDDLE && drivers[axis].length > 0)
    .map((axis) => `${colourWord(axis, axes[axis])}：${drivers[axis].join('、')}`);
  if (lines.length === 0) lines.push('冷暖、深浅、艳柔都居中：按最接近的季型给出');
  return lines;
}
