import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { pageUrl } from '../../../cloudfunctions/contract/pages';
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
