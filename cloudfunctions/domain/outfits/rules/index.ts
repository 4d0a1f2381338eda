import { colourHarmony } from './colourHarmony';
import { paletteFit } from './paletteFit';
import { recentWears } from './recentWears';
import { sceneFit } from './sceneFit';
import { seasonWeather } from './seasonWeather';
import { styleFit } from './styleFit';

export type { OutfitRule } from './rule';

/**
 * Every outfit rule. The order is the order their notes make the reason in: style, then colour,
 * then the member's palette, then the weather and a forgotten piece coming back.
 */
export const OUTFIT_RULES = [styleFit, colourHarmony, paletteFit, seasonWeather, recentWears, sceneFit] as const;
