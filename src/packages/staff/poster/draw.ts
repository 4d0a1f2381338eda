/**
 * 我的拉新码: the clerk's join poster, drawn the same way on WeChat's 2d canvas and on an HTML
 * canvas — the store, the clerk, the mini program code big enough to scan across a counter, and
 * what the shopper does. Coordinates are poster units (POSTER.width wide); the caller scales the
 * context to the canvas's device pixels first.
 */
import { canvasFont as font, type Context2D, fitted, roundRect, spaced } from '../../../services/canvas';

export const POSTER = { width: 300, height: 420 } as const;
/** Where the code sits (poster units). */
export const CODE_BOX = { x: 60, y: 120, size: 180 } as const;

export interface ClerkPosterContent {
  storeName: string;
  clerkName: string;
}

const INK = '#1f1b16';
const INK_SOFT = '#8a8178';
const GOLD = '#b8935a';

/** The poster's lines, worded once (the page and the tests read them too). */
export function clerkPosterText(c: ClerkPosterContent) {
  return { store: c.storeName, clerk: `导购 ${c.clerkName}`, scan: '微信扫一扫 加入悦衣会员', gift: '入会即得首单 8 折券' };
}

export function drawClerkPoster<Img>(ctx: Context2D<Img>, code: Img, c: ClerkPosterContent): void {
  const { width: W, height: H } = POSTER;
  const text = clerkPosterText(c);
  ctx.save();
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillStyle = '#fffdf9';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = GOLD;
  spaced(ctx, '悦衣库', 24, 46, font(22, 700), 6);
  ctx.fillStyle = INK;
  fitted(ctx, text.store, 24, 78, W - 48, 16, 11, 600);
  ctx.fillStyle = INK_SOFT;
  ctx.font = font(13);
  ctx.fillText(text.clerk, 24, 100);
  ctx.fillStyle = '#ffffff';
  roundRect(ctx, CODE_BOX.x - 6, CODE_BOX.y - 6, CODE_BOX.size + 12, CODE_BOX.size + 12, 10);
  ctx.fill();
  // a code is modules, not a photo: hard edges for the scanner
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(code, CODE_BOX.x, CODE_BOX.y, CODE_BOX.size, CODE_BOX.size);
  ctx.fillStyle = INK;
  ctx.font = font(15, 600);
  ctx.fillText(text.scan, 24, 346);
  ctx.fillStyle = INK_SOFT;
  ctx.font = font(12);
  ctx.fillText(text.gift, 24, 370);
  ctx.fillStyle = GOLD;
  ctx.fillRect(24, 388, 24, 2);
  ctx.restore();
}
