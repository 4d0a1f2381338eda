import type { StyleReport } from '../../../../cloudfunctions/contract';
import { reportView } from '../../../../tests/ui/support/styleFunction';
import { axisPosition, colourTraits, seasonLeaning, styleLeaning } from './readings';

const colour = (confidence: number): StyleReport['colour'] => ({ ...reportView().report.colour, season: 'softAutumn', runnerUp: 'softSummer', confidence });
const style = (a: number, b: number): StyleReport['style'] => ({ ...reportView().report.style, primary: { style: '法式', share: a }, secondary: { style: '简约', share: b } });

describe('the report in a stylist’s words', () => {
  it.each([
    [90, '你很明确是柔秋'],
    [70, '你很明确是柔秋'],
    [55, '更接近柔秋，其次是柔夏'],
    [25, '更接近柔秋，其次是柔夏'],
    [10, '你在柔秋和柔夏之间，略偏柔秋，两边的颜色都可以试'],
  ])('a season at %i%% confidence: %s', (confidence, words) => {
    expect(seasonLeaning(colour(confidence))).toBe(words);
  });

  it('never gives the confidence as a bare percentage', () => {
    for (const c of [0, 30, 52, 69, 100]) expect(seasonLeaning(colour(c))).not.toMatch(/\d/);
  });

  it.each([
    [30, 18, '以法式为主，其次是简约'],
    [16, 13, '法式和简约几乎一样多，两种都是你'],
  ])('styles at %i%% and %i%%: %s', (a, b, words) => {
    expect(styleLeaning(style(a, b))).toBe(words);
  });

  it('places a score on its bar, and reads the colour traits off the sentence', () => {
    expect([axisPosition(-100), axisPosition(0), axisPosition(42), axisPosition(100)]).toEqual(['0%', '50%', '71%', '100%']);
    expect(colourTraits('暖调、明度中等、柔和：秋季型 · 柔秋')).toBe('暖调、明度中等、柔和');
  });
});
