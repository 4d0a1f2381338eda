import { COLOUR_AXES as CONTRACT_COLOUR_AXES, COLOUR_AXIS_ENDS, RATINGS as CONTRACT_RATINGS } from '../../../cloudfunctions/contract/styleQuiz';
import { CATEGORY_NAMES as CONTRACT_CATEGORY_NAMES, COLOUR_SEASON_NAMES as CONTRACT_SEASON_NAMES, COLOUR_SEASONS, SEASON_FAMILY_NAMES, seasonFamily } from '../../../cloudfunctions/contract/styleWords';
import { STYLE_QUIZ } from '../../../cloudfunctions/domain/style';
import { CATEGORY_NAMES, COLOUR_AXES, COLOUR_SEASON_NAMES, RATINGS, SEASON_FAMILY_OF, seasonTitle, STEP_TOPICS } from './words';

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
});
