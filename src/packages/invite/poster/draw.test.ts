import { recordingContext } from '../../../../tests/ui/support/canvas';
import { fitted, wrapped } from '../../../services/canvas';
import { CODE_BOX, drawPoster, POSTER, posterText } from './draw';

const CONTENT = { nickname: '小雨', passName: '新品优先试穿权', minOrderFen: 10000, returnWindowDays: 7 };

describe('the poster’s words', () => {
  it('name who invites and what the friend gets after their own first purchase, never a reward for sharing', () => {
    const text = posterText(CONTENT);
    expect(text.inviter).toBe('小雨');
    expect(text.reward).toBe('入会后首单实付满¥100，7天退货期过后，你们都会得到「新品优先试穿权」。');
    expect(Object.values(text).join('')).not.toMatch(/分享|转发|红包|返现/);
  });

  it('say 你的朋友 for a member without a nickname, and keep fen in a minimum that is not whole yuan', () => {
    expect(posterText({ ...CONTENT, nickname: null }).inviter).toBe('你的朋友');
    expect(posterText({ ...CONTENT, minOrderFen: 9950 }).reward).toContain('满¥99.50');
  });
});

describe('drawing', () => {
  it('puts the whole poster inside its own box and the code, unsmoothed, in the code box', () => {
    const { ctx, drawn } = recordingContext();
    drawPoster(ctx, 'CODE', CONTENT);
    expect(drawn.images).toEqual([{ image: 'CODE', x: CODE_BOX.x, y: CODE_BOX.y, w: CODE_BOX.size, h: CODE_BOX.size }]);
    expect(ctx.imageSmoothingEnabled).toBe(false);
    for (const t of drawn.texts) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.y).toBeGreaterThan(0);
      expect(t.y).toBeLessThan(POSTER.height);
      // measured as the recording context does: size per character
      expect(t.x + Array.from(t.text).length * Number(/(\d+)px/.exec(t.font)![1])).toBeLessThanOrEqual(POSTER.width);
    }
    // nothing of the text runs into the code
    for (const t of drawn.texts.filter((d) => d.y > CODE_BOX.y)) {
      expect(t.x + Array.from(t.text).length * Number(/(\d+)px/.exec(t.font)![1])).toBeLessThanOrEqual(CODE_BOX.x);
    }
  });

  it('a 20-character nickname shrinks to fit, then ends in …', () => {
    const { ctx, drawn } = recordingContext();
    fitted(ctx, '一二三四五六七八九十一二三四五六七八九十', 0, 10, 248, 20, 14, 700);
    expect(drawn.texts).toHaveLength(1);
    expect(drawn.texts[0]!.font).toMatch(/^700 14px/);
    expect(drawn.texts[0]!.text).toBe('一二三四五六七八九十一二三四五六…');
  });

  it('a short nickname keeps its size', () => {
    const { ctx, drawn } = recordingContext();
    fitted(ctx, '小雨', 0, 10, 248, 20, 14, 700);
    expect(drawn.texts[0]).toMatchObject({ text: '小雨', font: expect.stringMatching(/^700 20px/) });
  });

  it('Chinese text wraps between characters and a cut last line ends in …', () => {
    const { ctx } = recordingContext();
    ctx.font = '400 10px sans-serif';
    expect(wrapped(ctx, '一二三四五六七八九十', 0, 0, 40, 12, 3)).toEqual(['一二三四', '五六七八', '九十']);
    expect(wrapped(ctx, '一二三四五六七八九十', 0, 0, 40, 12, 2)).toEqual(['一二三四', '五六七…']);
  });
});
