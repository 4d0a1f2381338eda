import { recordingContext } from '../../../../../tests/ui/support/canvas';
import { reportView } from '../../../../../tests/ui/support/styleFunction';
import { drawReportPoster, POSTER, posterText } from './draw';

const REPORT = reportView().report;

describe('the report’s share image', () => {
  it('says the season, the colour traits and the two styles, and nothing about rewards', () => {
    const text = posterText(REPORT);
    expect(text.season).toBe('暖秋');
    expect(text.family).toBe('秋季型');
    expect(text.traits).toBe(REPORT.colour.sentence.split('：')[0]);
    expect(text.styles).toBe(`${REPORT.style.primary.style} ${REPORT.style.primary.share}% · ${REPORT.style.secondary.style} ${REPORT.style.secondary.share}%`);
    expect(Object.values(text).join('')).not.toMatch(/分享|转发|红包|返现|奖励|领取|得券/);
  });

  it('paints every colour to wear (up to eight) with its name, all inside the poster', () => {
    const { ctx, drawn } = recordingContext();
    drawReportPoster(ctx, REPORT);
    const names = drawn.texts.map((t) => t.text);
    for (const c of REPORT.palette.wear.slice(0, 8)) expect(names).toContain(c.name);
    expect(names).toContain('暖秋');
    for (const t of drawn.texts) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.y).toBeGreaterThan(0);
      expect(t.y).toBeLessThanOrEqual(POSTER.height);
      expect(t.x + Array.from(t.text).length * Number(/(\d+)px/.exec(t.font)![1])).toBeLessThanOrEqual(POSTER.width);
    }
  });
});
