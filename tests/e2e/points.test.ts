import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { enroll, newOpenid, onPage, shownCode, shownTab, startStage, TEST_TIMEOUT_MS, type Stage } from './support/app';

jest.setTimeout(TEST_TIMEOUT_MS);

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/** Points arrive from the till: the demo POS script pays, the shopper sees it on the card and the points page. */
describe('points from the till, in the app', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await startStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  /** `npm run pos` as a person types it, against this test's dev server. */
  async function till(...args: string[]): Promise<string> {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', ...args, '--url', stage.server.url], { cwd: ROOT });
    return stdout;
  }

  const tab = (page: Page, name: '会员卡' | '积分' | '我的') => page.locator('.weui-tabbar__item', { hasText: name }).click();
  const cardPoints = (card: Locator) => card.locator('.tier-card__points-value');
  /** Waits until the element's whole text is `text` (tab pages stay in the DOM, so wait on the page's own locator). */
  const showsExactly = (el: Locator, text: string) => el.filter({ hasText: new RegExp(`^${text}$`) }).waitFor();

  it('an order paid with the demo till shows on the card and in the points history, and a refund takes its share back', async () => {
    const openid = newOpenid('points');
    await enroll(stage, openid);
    const page = await stage.open(pageUrl('card', { openid }));
    const card = await onPage(page, 'card');
    await card.locator('.member-code__digits').waitFor();
    expect(await cardPoints(card).innerText()).toBe('0');

    const code = await shownCode(card);
    const paid = await till('--store', 'S001', '--code', code, '--amount', '1299.50', '--order', `E2E-${openid}`);
    expect(paid).toContain('+1299 积分，余额 1299，等级 成长者（刚刚升级！）');

    // the open card learns the code was used and opens 消费成功: the receipt, then the upgrade's own moment
    const receipt = await onPage(page, 'receipt');
    await showsExactly(receipt.locator('[data-receipt-line]'), '实付 ¥1,299.50 · \\+1,299 积分');
    await showsExactly(receipt.locator('.moment__balance-value'), '1,299');
    await receipt.getByText('好的').click();
    await receipt.getByText('恭喜升级成长者').waitFor();
    await receipt.getByText('知道了').click();
    const back = await onPage(page, 'card');
    await showsExactly(cardPoints(back), '1,299');

    // the used code makes the card fetch a new one on tap, and with it the card again: no leaving the page
    await back.locator('.member-code').click();
    await showsExactly(cardPoints(card), '1,299');
    expect(await card.locator('.tier-card__tier').innerText()).toBe('成长者');

    await tab(page, '积分');
    const points = await onPage(page, 'points');
    await expect(points.locator('.points-balance__value').innerText()).resolves.toBe('1,299');
    const line = points.locator('.points-line').first();
    await expect(line.locator('.points-line__title').innerText()).resolves.toBe('门店消费');
    await expect(line.innerText()).resolves.toContain('+1,299');
    await expect(line.innerText()).resolves.toContain('实付 ¥1,299.50');
    await expect(points.innerText()).resolves.toContain('近12个月再消费 ¥');

    const refunded = await till('refund', '--store', 'S001', '--order', `E2E-${openid}`, '--amount', '500.00');
    expect(refunded).toContain('扣回 499 积分，余额 800');
    // coming back to the page reads it again
    await tab(page, '我的');
    await onPage(page, 'me');
    await tab(page, '积分');
    const again = await shownTab(page, 'points');
    await showsExactly(again.locator('.points-balance__value'), '800');
    const top = again.locator('.points-line').first();
    await expect(top.locator('.points-line__title').innerText()).resolves.toBe('退货扣回');
    await expect(top.innerText()).resolves.toContain('−499');

    // and the card, shown again, says the same
    await tab(page, '会员卡');
    const cardAgain = await shownTab(page, 'card');
    await showsExactly(cardPoints(cardAgain), '800');
    expect(await cardAgain.locator('.tier-card__tier').innerText()).toBe('探索者');
  });

  it('a new member sees an empty history that invites the first purchase', async () => {
    const openid = newOpenid('points-empty');
    await enroll(stage, openid);
    const page = await stage.open(pageUrl('points', { openid }));
    const points = await onPage(page, 'points');
    await expect(points.locator('.points-history__empty-title').innerText()).resolves.toBe('还没有积分记录');
    await expect(points.locator('.points-balance__value').innerText()).resolves.toBe('0');
    await expect(points.innerText()).resolves.toContain('本季度再消费 ¥1,000 升级成长者');

    // 会员权益, a row here, opens its own page: every tier, the member's marked, the next one's way there
    await points.locator('.entry-row--benefits').click();
    const benefits = await onPage(page, 'benefits');
    await expect(benefits.locator('.tier-benefits__name').allInnerTexts()).resolves.toEqual(['探索者', '成长者', '忠诚者']);
    await expect(benefits.locator('.tier-benefits__tier--current .tier-benefits__name').innerText()).resolves.toBe('探索者');
    await expect(benefits.locator('.tier-benefits__tier--grower .tier-benefits__how').innerText()).resolves.toBe('本季度再消费 ¥1,000 升级成长者');
    // every benefit is built: the next tiers' open their pages and say how to unlock them
    await expect(benefits.locator('.tier-benefits__benefit--soon').count()).resolves.toBe(0);
    await expect(benefits.locator('.tier-benefits__tier--grower .tier-benefits__go--locked').innerText()).resolves.toBe('本季度再消费 ¥1,000 解锁 ›');
    await expect(benefits.locator('.tier-benefits__tier--loyal .tier-benefits__go--locked').allInnerTexts()).resolves.toEqual(['升级忠诚者后可用 ›', '升级忠诚者后可用 ›', '升级忠诚者后可用 ›']);
    await benefits.locator('.tier-benefits__benefit--link', { hasText: '风格测试' }).click();
    await onPage(page, 'styleQuiz');
  });
});
