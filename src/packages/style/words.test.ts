import { COLOUR_AXES as CONTRACT_COLOUR_AXES, COLOUR_AXIS_ENDS, RATINGS as CONTRACT_RATINGS } from '../../../cloudfunctions/contract/styleQuiz';
import {
  CATEGORIES as CONTRACT_CATEGORIES,
  CATEGORY_NAMES as CONTRACT_CATEGORY_NAMES,
  COLOUR_SEASON_NAMES as CONTRACT_SEASON_NAMES,
  COLOUR_SEASONS,
  hexSchema,
  SCENES as CONTRACT_SCENES,
  SEASON_FAMILY_NAMES,
  seasonFamily,
  STYLES as CONTRACT_STYLES,
  WEAR_SEASONS as CONTRACT_WEAR_SEASONS,
} from '../../../cloudfunctions/contract/styleWords';
import productsSeed from '../../../cloudfunctions/database/seed/products.json';
import { STYLE_QUIZ } from '../../../cloudfunctions/domain/style';
import { CATEGORIES, CATEGORY_NAMES, COLOUR_AXES, COLOUR_SEASON_NAMES, PIECE_COLOURS, RATINGS, SCENES, SEASON_FAMILY_OF, seasonTitle, SLOT_ORDER, STEP_TOPICS, STYLES, WEAR_SEASONS } from './words';

describe('the style pages speak the contract’s words', () => {
  it('categories, the 12 seasons and the season each belongs to are the contract’s', () => {
    expect(CATEGORY_NAMES).toEqual(CONTRACT_CATEGORY_NAMES);
    expect(COLOUR_SEASON_NAMES).toEqual(CONTRACT_SEASON_NAMES);
    for (const season of COLOUR_SEASONS) expect(SEASON_FAMILY_OF[season]).toBe(SEASON_FAMILY_NAMES[seasonFamily(season)]);
  });

  it('a season reads as the report’s sentence ends it', () => {
    expect(seasonTitle('softAutumn')).toBe('秋季型 · 柔秋');
  });

  it('the colour axes and their ends, and the three ratings, are the contract’s, in its order', () => {
    expect(COLOUR_AXES.map((a) => a.axis)).toEqual([...CONTRACT_COLOUR_AXES]);
    for (const { axis, ends } of COLOUR_AXES) expect(ends).toEqual(COLOUR_AXIS_ENDS[axis]);
    expect(RATINGS).toEqual([...CONTRACT_RATINGS]);
  });

  it('every kind of step the quiz has is named', () => {
    for (const step of STYLE_QUIZ.steps) expect(STEP_TOPICS[step.kind]).toBeTruthy();
  });

  it('styles, scenes, seasons of wear and categories are the contract’s, in its order; an outfit’s slots are every category once', () => {
    expect([STYLES, SCENES, WEAR_SEASONS, CATEGORIES]).toEqual([[...CONTRACT_STYLES], [...CONTRACT_SCENES], [...CONTRACT_WEAR_SEASONS], [...CONTRACT_CATEGORIES]]);
    expect([...SLOT_ORDER].sort()).toEqual([...CONTRACT_CATEGORIES].sort());
  });

  it('the wardrobe’s swatches are the catalogue’s colours, by name and hex, each a hex the function takes (lowercase #rrggbb)', () => {
    const catalogue = new Map((productsSeed as { products: Array<{ colours: Array<{ name: string; hex: string }> }> }).products.flatMap((p) => p.colours.map((c) => [c.name, c.hex] as const)));
    for (const { name, hex } of PIECE_COLOURS) {
      expect(hexSchema.safeParse(hex).success).toBe(true);
      expect(catalogue.get(name)).toBe(hex);
    }
    expect(new Set(PIECE_COLOURS.map((c) => c.name)).size).toBe(PIECE_COLOURS.length);
  });
});
