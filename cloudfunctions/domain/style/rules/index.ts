import { colourAxes } from './colourAxes';
import { colourSeason } from './colourSeason';
import { seasonPalette } from './palette';
import { priceBands } from './priceBands';
import { scenePriorities } from './scenePriorities';
import { styleAxes } from './styleAxes';
import { styleShares } from './styleShares';
import { topCategory } from './topCategory';

/** Every scoring rule, in the order scoreQuiz applies them (for listing and for tests of their codes). */
export const SCORING_RULES = [styleShares, styleAxes, colourAxes, colourSeason, seasonPalette, scenePriorities, priceBands, topCategory] as const;
