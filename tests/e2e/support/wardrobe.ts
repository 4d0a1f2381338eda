import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { pageUrl } from '../../../cloudfunctions/contract/pages';
import type { Locator, Page } from 'playwright-core';
import { onPage, shownCode, type Stage } from './app';
import { answerBefore, answerOnScreen } from './styleQuiz';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');

/** A winter basket from the demo catalogue: a knit top, jeans, sneakers and a blazer, at their catalogue prices. */
export const BASKET = [
  { sku: 'YYKNI021', name: '半高领针织衫·燕麦', price: '299.00' },
  { sku: 'YYTRO021', name: '直筒牛仔裤·焦糖', price: '259.00' },
  { sku: 'YYSNE011', name: '复古跑鞋·奶白', price: '499.00' },
  { sku: 'YYCOA031', name: '廓形西装外套·橄榄绿', price: '599.00' },
] as const;

/** `npm run pos` as a person types it, against this stage's dev server. */
export async function till(stage: Stage, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', ...args, '--url', stage.server.url], { cwd: ROOT });
  return stdout;
}

/**
 * The style quiz taken to its report: every step but the last answered through the gateway, the
 * last (prices) tapped on screen, then 查看我的风格报告. Leaves the page on the report.
 */
export async function takeQuiz(stage: Stage, openid: string) {
  await answerBefore(stage, openid, 'prices');
  const page = await stage.open(pageUrl('styleQuiz', { openid }));
  const quiz = await onPage(page, 'styleQuiz');
  await answerOnScreen(quiz, 14);
  await quiz.getByText('查看我的风格报告').click();
  const report = await onPage(page, 'styleReport');
  await report.locator('.report-hero__season').waitFor();
  return { page, report };
}

/** Pays for the basket at the demo till with the code the member's card shows; the card page is left open. */
export async function buyAtTill(stage: Stage, openid: string, order: string) {
  const page = await stage.open(pageUrl('card', { openid }));
  const card = await onPage(page, 'card');
  await card.locator('.member-code__digits').waitFor();
  const items = BASKET.map((b) => `${b.sku}:1:${b.price}`).join(',');
  const receipt = await till(stage, '--store', 'S001', '--code', await shownCode(card), '--items', items, '--order', order);
  return { page, card, receipt };
}

/** A plain photo of a piece: a light shirt-coloured shape on grey, as PNG bytes (for the photo picker). */
export function photo(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const inside = x > width / 4 && x < (3 * width) / 4 && y > height / 6;
      png.data.set(inside ? [243, 238, 228, 255] : [180, 180, 184, 255], (y * width + x) * 4);
    }
  }
  return PNG.sync.write(png);
}

/** Picks `bytes` as the photo in 添加衣服 (Taro's H5 chooseMedia: on a phone's browser it first asks 拍摄 or 从相册选择). */
export async function pickPhoto(page: Page, add: Locator, bytes: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await add.locator('.add-photo').click();
  const album = page.locator('.taro-actionsheet__cell', { hasText: '从相册选择' });
  await Promise.race([chooser, album.waitFor().then(() => album.click(), () => undefined)]);
  await (await chooser).setFiles({ name: 'piece.png', mimeType: 'image/png', buffer: bytes });
  await add.locator('.add-photo__state', { hasText: '换一张' }).waitFor();
}
