import type { StyleReport } from '../../../../cloudfunctions/contract';
import { COLOUR_SEASON_NAMES } from '../words';

/**
 * The report's numbers as a stylist would say them. A season's confidence is often near the middle
 * (the member sits between two seasons): a bare "把握 52%" reads as a coin toss, so the page names
 * both seasons instead.
 */

/** Above this the season is clear; below CLOSE the member sits between the two. */
export const CLEAR = 70;
export const CLOSE = 25;

export function seasonLeaning(colour: StyleReport['colour']): string {
  const season = COLOUR_SEASON_NAMES[colour.season];
  const runnerUp = COLOUR_SEASON_NAMES[colour.runnerUp];
  if (colour.confidence >= CLEAR) return `你很明确是${season}`;
  if (colour.confidence < CLOSE) return `你在${season}和${runnerUp}之间，略偏${season}，两边的颜色都可以试`;
  return `更接近${season}，其次是${runnerUp}`;
}

/** Two styles within this many points share the lead. */
export const STYLE_TIE = 3;

export function styleLeaning(style: StyleReport['style']): string {
  const { primary, secondary } = style;
  if (primary.share - secondary.share <= STYLE_TIE) return `${primary.style}和${secondary.style}几乎一样多，两种都是你`;
  return `以${primary.style}为主，其次是${secondary.style}`;
}


/** Where a −100 … 100 score sits on a bar, in percent from the left. */
export const axisPosition = (score: number) => `${Math.max(0, Math.min(100, (score + 100) / 2))}%`;

/** The words before the season in the report's sentence ("暖调、明度中等、柔和"). */
export const colourTraits = (sentence: string) => sentence.split('：')[0] ?? sentence;
