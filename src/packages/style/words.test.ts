import { COLOUR_AXES as CONTRACT_COLOUR_AXES, COLOUR_AXIS_ENDS, RATINGS as CONTRACT_RATINGS } from '../../../cloudfunctions/contract/styleQuiz';
import { CATEGORIES as CONTRACT_CATEGORIES, hexSchema } from '../../../cloudfunctions/contract/styleWords';
import productsSeed from '../../../cloudfunctions/database/seed/products.json';
import { STYLE_QUIZ } from '../../../cloudfunctions/domain/style';
import { COLOUR_AXES, PIECE_COLOURS, RATINGS, seasonTitle, SLOT_ORDER, STEP_TOPICS } from './words';

describe('the style pages speak the contract’s words', () => {
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

  it('an outfit’s slots are every category once', () => {
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
