/**
 * The invite poster, drawn the same way on WeChat's 2d canvas and on an HTML canvas: the brand's
 * block (悦衣库 on the programme's dark gradient), who invites, what the friend gets after their
 * first purchase, and the mini program code. Coordinates are poster units (POSTER.width wide);
 * the caller scales the context to the canvas's device pixels first.
 */

import { canvasFont as font, type Context2D, fitted, roundRect, spaced, wrapped } from '../../../services/canvas';

/** The poster's size in poster units (5:8); the canvas shows it at any width. */
export const POSTER = { width: 300, height: 480 } as const;

export interface PosterContent {
  /** the inviting member's nickname (null: they have none) */
  nickname: string | null;
  /** the friend's reward, e.g. 新品优先试穿权 */
  passName: string;
  minOrderFen: number;
  returnWindowDays: number;
}

const INK = '#1f1b16';
const INK_SOFT = '#8a8178';
const GOLD = '#d9b878';

/** Where the mini program code sits on the poster (poster units): big enough to scan from a phone screen. */
export const CODE_BOX = { x: 178, y: 364, size: 96 } as const;
const SIDE = 26;

/** The poster's lines of text, worded once (the tests read them too). */
export function posterText(content: PosterContent) {
  const yuan = content.minOrderFen % 100 === 0 ? `¥${content.minOrderFen / 100}` : `¥${(content.minOrderFen / 100).toFixed(2)}`;
  return {
    inviter: content.nickname ?? '你的朋友',
    invites: '邀请你加入悦衣会员',
    // what follows the friend's own purchase, never the act of sharing (WeChat 诱导分享 rules)
    reward: `入会后首单实付满${yuan}，${content.returnWindowDays}天退货期过后，你们都会得到「${content.passName}」。`,
    scan: '长按识别或微信扫码',
    join: '加入悦衣会员',
  };
}

/** Draws the whole poster; `code` is the mini program code's image, already loaded. */
export function drawPoster<Img>(ctx: Context2D<Img>, code: Img, content: PosterContent): void {
  const { width: W, height: H } = POSTER;
  const text = posterText(content);
  ctx.save();
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';

  // paper
  ctx.fillStyle = '#fffdf9';
  ctx.fillRect(0, 0, W, H);

  // the brand's block: the dark of the 忠诚者 card, gold rings, the name spaced wide
  const heroH = 226;
  const gradient = ctx.createLinearGradient(0, 0, W, heroH);
  gradient.addColorStop(0, '#17150f');
  gradient.addColorStop(1, '#4a3f2f');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, W, heroH);
  ctx.strokeStyle = GOLD;
  ctx.lineWidth = 1;
  for (const [r, alpha] of [[70, 0.35], [98, 0.22], [126, 0.12]] as const) {
    ctx.globalAlpha = alpha;
    ctx.beginPath();
    ctx.arc(W - 18, 36, r, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.fillStyle = GOLD;
  spaced(ctx, '悦衣库', SIDE, 80, font(38, 700), 10);
  spaced(ctx, 'YUEYI CLUB', SIDE + 2, 102, font(10, 400), 4);
  ctx.fillRect(SIDE, 124, 40, 1.5);
  ctx.fillStyle = '#ffffff';
  ctx.font = font(24, 600);
  ctx.fillText('一起先试当季新款', SIDE, 170);
  ctx.fillStyle = 'rgba(255,255,255,0.72)';
  ctx.font = font(12);
  ctx.fillText('悦衣会员 · 好友邀请', SIDE, 198);

  // who invites, and what the friend gets after their own first purchase
  ctx.fillStyle = INK;
  fitted(ctx, text.inviter, SIDE, 268, W - 2 * SIDE, 20, 14, 700);
  ctx.fillStyle = '#5c544b';
  ctx.font = font(14);
  ctx.fillText(text.invites, SIDE, 292);
  ctx.fillStyle = INK_SOFT;
  ctx.font = font(12);
  wrapped(ctx, text.reward, SIDE, 318, W - 2 * SIDE, 18, 2);

  // a hairline, then the code with what to do with it
  ctx.fillStyle = '#e4ddd3';
  ctx.fillRect(SIDE, 350, W - 2 * SIDE, 1);
  ctx.fillStyle = '#ffffff';
  roundRect(ctx, CODE_BOX.x - 4, CODE_BOX.y - 4, CODE_BOX.size + 8, CODE_BOX.size + 8, 8);
  ctx.fill();
  // a code is modules, not a photo: no smoothing, so a scanner sees hard edges
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(code, CODE_BOX.x, CODE_BOX.y, CODE_BOX.size, CODE_BOX.size);
  ctx.fillStyle = INK;
  ctx.font = font(14, 600);
  ctx.fillText(text.scan, SIDE, 404);
  ctx.fillStyle = INK_SOFT;
  ctx.font = font(12);
  ctx.fillText(text.join, SIDE, 426);
  ctx.fillStyle = GOLD;
  ctx.fillRect(SIDE, 442, 24, 2);
  ctx.restore();
}
