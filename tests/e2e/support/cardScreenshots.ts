/**
 * Screenshots of a shopper's first minute and the card at the till, for a person to look at (not a
 * test), on a 375×812 and a 320×640 phone: the join page with its gifts, the welcome after joining,
 * the home card, the receipt after the till scans, the upgrade moment, the card with no signal.
 * `node --import tsx tests/e2e/support/cardScreenshots.ts [outDir]` (default /tmp/shots-card).
 * Builds nothing: dist-h5/ must be current (`npm run build:h5`).
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { pageUrl } from '../../../cloudfunctions/contract/pages';
import { joinRoute, newOpenid, onPage, settled, shownCode, startStage, STORE_NAME } from './app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const PHONES = [
  { name: '375', width: 375, height: 812 },
  { name: '320', width: 320, height: 640 },
];

async function quiet(page: Page): Promise<void> {
  // the H5 tab bar comes a few frames after the first page (src/services/tabBar.h5.ts)
  await page.locator('taro-tabbar').waitFor({ state: 'attached' });
  await page.locator('.taro__toast').waitFor({ state: 'hidden' });
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
}

/** The page on top, whatever it is (a moment may be a sheet over the card or a page of its own). */
const top = (page: Page): Locator => page.locator('.taro_router > .taro_page.taro_page_stationed:last-child');

async function main(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const stage = await startStage();
  const shots: string[] = [];
  try {
    for (const phone of PHONES) {
      const context = await stage.browser.newContext({ viewport: { width: phone.width, height: phone.height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
      context.setDefaultTimeout(15_000);
      const shot = async (page: Page, name: string) => {
        await quiet(page);
        const file = `${outDir}/${name}-${phone.name}.png`;
        await page.screenshot({ path: file, scale: 'css' });
        shots.push(file);
      };
      const openid = newOpenid(`shot-card-${phone.name}`);
      const page = await context.newPage();
      await page.goto(`${stage.server.url}#${joinRoute(openid)}`);
      const joinView = await settled(page);
      await joinView.locator('.join__store-name', { hasText: STORE_NAME }).waitFor();
      await joinView.getByText(/首单8折/).first().waitFor();
      await shot(page, 'join-gifts');
      await joinView.getByText('同意并继续').click();
      await joinView.getByText(/^立即入会/).waitFor();
      await shot(page, 'join-profile');
      await joinView.getByText(/^立即入会/).click();

      await (await onPage(page, 'receipt')).getByText('开始使用').waitFor();
      await shot(page, 'welcome');
      await page.getByText('开始使用').click();
      const card = await onPage(page, 'card');
      await card.locator('.member-code__countdown').waitFor();
      await page.waitForTimeout(1500); // the rows under the code are read a moment after it shows
      await shot(page, 'home');

      // the till scans: ¥1,299 with the welcome coupon → the receipt, then 成长者
      const code = await shownCode(card);
      const wallet = await stage.fn('coupon', { action: 'list', status: 'available' }, openid);
      const welcome = (wallet.data.coupons as Array<{ couponId: string; templateId: string }>).find((c) => c.templateId === 'welcome-80');
      await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', '--store', 'S001', '--code', code, '--amount', '1299.00', '--coupon', welcome!.couponId, '--order', `SHOT-${openid}`, '--url', stage.server.url], { cwd: ROOT });
      await (await onPage(page, 'receipt')).getByText(/实付 ¥/).waitFor();
      await shot(page, 'receipt');
      await page.getByText('好的').click();
      await page.getByText(/恭喜升级/).waitFor();
      await shot(page, 'upgrade');
      await page.getByText('知道了').click();
      await (await onPage(page, 'card')).locator('.member-code__countdown').waitFor();

      // no signal: the card and the code stay
      await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
      await context.setOffline(true);
      await top(page).getByText('当前无网络，会员码仍可使用').waitFor();
      await shot(page, 'offline');
      await context.close();
    }
    console.log(shots.join('\n'));
  } finally {
    await stage.close();
  }
}

void main(process.argv[2] ?? '/tmp/shots-card').catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
