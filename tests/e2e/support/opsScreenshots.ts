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
import { post } from '../../support/devServer';
import { SECRET_S001, signedHeaders } from '../../support/pos';
import { newOpenid, onPage, startStage, type Stage } from './app';

const DAY = 86_400_000;
const MANAGER = 'manager-S001';

/** 11:00 in Shanghai `back` days before today. */
function dayAt(back: number, hour = 11): Date {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return new Date(new Date(`${today}T${String(hour).padStart(2, '0')}:00:00+08:00`).getTime() - back * DAY);
}

async function clock(stage: Stage, at: Date | null): Promise<void> {
  const { status } = await post(`${stage.server.url}api/dev/clock`, { now: at ? at.toISOString() : null });
  if (status !== 200) throw new Error(`clock answered ${status}`);
}

let orders = 0;
/** The member pays `amountFen` at S001's till now (dev clock), with their first-order coupon if asked. */
async function pay(stage: Stage, openid: string, amountFen: number, at: Date, withCoupon: boolean): Promise<void> {
  const code = (await stage.fn('member', { action: 'code' }, openid)).data.code as string;
  let couponIds: string[] | undefined;
  if (withCoupon) {
    const wallet = await stage.fn('coupon', { action: 'list', status: 'available' }, openid);
    const first = (wallet.data?.coupons ?? []).find((c: { name: string }) => /首单/.test(c.name));
    if (first) couponIds = [first.couponId];
  }
  const body = JSON.stringify({ orderId: `SHOT${Date.now().toString(36)}${(orders += 1)}`, memberCode: code, amountFen, items: [{ sku: 'YYBAG011', qty: 1, priceFen: amountFen }], paidAt: at.toISOString(), ...(couponIds ? { couponIds } : {}) });
  const res = await fetch(`${stage.server.url}api/pos/orders`, { method: 'POST', body, headers: signedHeaders(body, { storeId: 'S001', secret: SECRET_S001, timestamp: at.getTime() }) });
  if (res.status !== 200) throw new Error(`till answered ${res.status}: ${await res.text()}`);
}

/** Five weeks of S001: busier weekends, about a third through the clerk's code, yesterday a quiet day. */
async function storeWeeks(stage: Stage): Promise<void> {
  const scene = (await stage.fn('staff', { action: 'joinCode' }, 'staff-S001')).data.scene as string;
  const clerk = new URLSearchParams(scene).get('c')!;
  let k = 0;
  for (let back = 35; back >= 1; back -= 1) {
    const at = dayAt(back);
    const weekend = [0, 6].includes(new Date(at.getTime() + 8 * 3_600_000).getUTCDay());
    const joins = back === 1 ? 1 : (weekend ? 5 : 2) + (back % 3 === 0 ? 1 : 0);
    await clock(stage, at);
    for (let i = 0; i < joins; i += 1) {
      k += 1;
      const openid = newOpenid(`ops${k}`);
      const viaClerk = k % 3 === 0;
      await stage.fn('member', { action: 'enroll', storeId: 'S001', privacyAccepted: true, marketingOptIn: true, nickname: `会员${k}`, ...(viaClerk ? { clerk } : {}) }, openid);
      if (k % 2 === 0) {
        const paidAt = new Date(at.getTime() + 30 * 60_000);
        await clock(stage, paidAt);
        await pay(stage, openid, 29_900 + (k % 5) * 10_000, paidAt, true);
        if (k % 6 === 0 && back > 3) {
          const again = new Date(paidAt.getTime() + 2 * DAY);
          await clock(stage, again);
          await pay(stage, openid, 45_900, again, false);
        }
        await clock(stage, at);
      }
    }
  }
  // the night's run, at 02:00 today: judges yesterday
  await clock(stage, dayAt(0, 2));
  const run = await post(`${stage.server.url}api/dev/jobs/alerts`, {});
  console.log('alerts job:', JSON.stringify(run.body));
  await clock(stage, dayAt(0, 10));
}

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
    await storeWeeks(stage);
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
