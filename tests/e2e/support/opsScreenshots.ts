/**
 * Screenshots of 门店看板 and 经营预警 for a person to judge (not a test), on a phone (375 wide) and in
 * a 1280-wide desktop browser: `node --import tsx tests/e2e/support/opsScreenshots.ts [outDir]`
 * (default /tmp/ops-shots). Builds nothing: dist-h5/ must be current (`npm run build:h5`).
 *
 * The store's last five weeks are made the way they happen: shoppers join S001 on the dev clock's
 * days (some through 林小悦's own code, some invited), pay at the till with their first-order
 * coupon, some come back; yesterday few joined, so the nightly alerts job raises 新会员骤降.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { pageUrl } from '../../../cloudfunctions/contract/pages';
import { onPage, startStage } from './app';
import { clock, MANAGER, storeWeeks } from './opsStore';

/** The whole page: Taro's H5 page scrolls inside its own box, so the window grows to its height for the shot. */
async function shoot(page: Page, path: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.taro_page_stationed, .taro_page, body'), (e) => e.scrollHeight)));
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height, 6000)) });
  await page.waitForTimeout(600);
  await page.screenshot({ path, scale: 'css', fullPage: true });
  await page.setViewportSize(size);
  console.log(path);
}

async function main(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const stage = await startStage();
  try {
    console.log('store weeks:', JSON.stringify(await storeWeeks(stage)));
    const phone = await stage.open(pageUrl('opsDashboard', { openid: MANAGER }));
    const dash = await onPage(phone, 'opsDashboard');
    await dash.locator('.ops-kpi').first().waitFor();
    await phone.waitForFunction(() => Array.from(document.querySelectorAll('canvas.ops-chart')).every((c) => (c as HTMLCanvasElement).width > 0));
    await phone.waitForTimeout(800);
    await shoot(phone, `${outDir}/dashboard-phone.png`);
    await dash.getByText('近7天').click();
    await dash.getByText(/^共 \d+ 人入会/).waitFor();
    await phone.waitForTimeout(800);
    await shoot(phone, `${outDir}/dashboard-phone-7d.png`);

    const desktop = await stage.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const wide = await desktop.newPage();
    await wide.goto(`${stage.server.url}#${pageUrl('opsDashboard', { openid: MANAGER })}`);
    const wideDash = await onPage(wide, 'opsDashboard');
    await wideDash.locator('.ops-kpi').first().waitFor();
    await wide.waitForTimeout(1000);
    await shoot(wide, `${outDir}/dashboard-desktop.png`);

    const alerts = await stage.open(pageUrl('opsAlerts', { openid: MANAGER }));
    const list = await onPage(alerts, 'opsAlerts');
    await list.locator('.ops-alerts__rule').first().waitFor();
    await shoot(alerts, `${outDir}/alerts-phone.png`);
    await desktop.close();
  } finally {
    await clock(stage, null).catch(() => undefined);
    await stage.close();
  }
}

void main(process.argv[2] ?? '/tmp/ops-shots').catch((e) => {
  console.error(e);
  process.exit(1);
});
