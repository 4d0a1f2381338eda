/**
 * Screenshots of 精准营销 (issue 19) for a person to judge, on a phone (375×812) and a 1280-wide
 * desktop: `node --import tsx tests/e2e/support/campaignScreenshots.ts [outDir]` (default
 * /tmp/campaign-shots). Runs the gateway in this process on an in-memory local cloud, so the
 * segments job's placements can be written straight in (as the test support does); then a manager
 * builds and launches a campaign in the page, the demo till sells with its coupons, and the results move.
 * Builds nothing: dist-h5/ must be current (`npm run build:h5`).
 */
import http from 'node:http';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pageUrl } from '../../../cloudfunctions/contract/pages';
import { COLLECTIONS } from '../../../cloudfunctions/data/collections';
import { installLocalCloud } from '../../../local/cloud/install';
import { DevClock } from '../../../local/devClock';
import { functionMains } from '../../../local/functions';
import { gatewayListener } from '../../../local/gateway';
import { seedDemoData } from '../../../local/seed';
import { launchChromium, SETTLED_PAGE } from '../../support/browser';
import { placementOf } from '../../support/campaigns';
import { memberWith, putMembers } from '../../support/todoMembers';
import { posSignature } from '../../../cloudfunctions/platform/posSigning';

const ROOT = path.resolve(__dirname, '../../..');
const NAMES = ['王小雅', '李木子', '陈一一', '赵安安', '周晓', '吴佳佳', '郑可', '孙乐乐', '钱多多', '冯宁'];
const SEGMENTS: Array<[string, number]> = [
  ['dormant', 46],
  ['loyal', 18],
  ['potential', 12],
  ['new', 9],
  ['highValueDormant', 7],
];

/** What the story saw on the results page after the till sold with the campaign's coupons. */
export interface CampaignStory {
  issued: number;
  heldOut: number;
  /** the figures as the results page shows them */
  usedShown: string;
  salesShown: string;
  roiShown: string;
}

/**
 * The story: the manager builds and launches a campaign in the page, the demo till sells with six
 * of its coupons three days later, and the results page shows them. Screenshots go to `outDir`
 * (none when null). Throws when a step does not show what it should.
 */
export async function campaignStory(outDir: string | null): Promise<CampaignStory> {
  if (outDir) mkdirSync(outDir, { recursive: true });
  const clock = new DevClock();
  const cloud = installLocalCloud({ clock });
  await seedDemoData(cloud.db);
  const members = [];
  let n = 0;
  for (const [segment, count] of SEGMENTS) {
    for (let i = 0; i < count; i += 1, n += 1) {
      const m = memberWith(String(310_000_000_000 + n), { nickname: NAMES[n % NAMES.length], tier: n % 5 === 0 ? 'grower' : 'explorer' });
      members.push({ m: { ...m, consent: { ...m.consent, marketing: { optIn: n % 3 !== 0, changedAt: m.joinedAt } } }, segment });
    }
  }
  await putMembers(cloud.db, members.map((x) => x.m));
  await cloud.db.apply(members.map(({ m, segment }) => ({ c: COLLECTIONS.memberSegments, id: m._id, doc: placementOf(m, segment) as never })));
  // half of them accepted 专属优惠到账通知 in the app
  await cloud.db.apply(members.filter((_x, i) => i % 2 === 0).map(({ m }) => ({ c: COLLECTIONS.subscriptions, id: m._id, doc: { _id: m._id, credits: { campaignOffer: 1 }, updatedAt: new Date() } as never })));

  const listener = gatewayListener({ cloud, clock, functions: functionMains(), h5Dir: path.join(ROOT, 'dist-h5') });
  const server = http.createServer(listener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const browser = await launchChromium();
  try {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await phone.newPage();
    page.on('dialog', (d) => void d.accept());
    const route = pageUrl('opsCampaigns', { openid: 'manager-S001' });
    await page.goto(`${url}#${route}`);
    const top = page.locator(SETTLED_PAGE);
    await top.getByText('新建营销活动').waitFor();
    await shot(page, outDir, 'campaigns-empty');

    await top.getByText('新建营销活动').click();
    await top.getByText(/目标人群/).waitFor();
    await shot(page, outDir, 'campaign-form');
    await top.locator('.camp-input input').first().fill('沉睡会员唤醒 · 冬季');
    await top.getByText(/^沉睡型 46$/).click();
    await top.getByText('预览人群').click();
    await top.getByText(/^共 \d+ 人$/).waitFor();
    await shot(page, outDir, 'campaign-preview');
    await top.getByText('好久不见券').click();
    await top.locator('taro-switch-core').nth(1).click();
    await shot(page, outDir, 'campaign-form-filled');
    await shotEnd(page, outDir, 'campaign-form-end');
    // Taro's H5 showModal is its own overlay: confirm it
    await top.getByText('发起活动').click();
    await page.locator('.taro__modal .taro-model__confirm').click();
    await top.getByText('活动效果').waitFor();
    await shot(page, outDir, 'campaign-results-new');

    // the demo till: a few treated members pay with the campaign coupon, days later
    const campaign = cloud.db.find(COLLECTIONS.campaigns, {})[0]!;
    const coupons = cloud.db.find(COLLECTIONS.coupons, {}).filter((c) => String(c._id).startsWith(`campaign:${campaign._id}:`)).slice(0, 6);
    clock.set(new Date(Date.now() + 3 * 86_400_000));
    for (const c of coupons) await till(url, cloud, clock, String(c.memberId), 35_000, [String(c._id)]);
    const control = cloud.db.find(COLLECTIONS.campaignBatches, {}).flatMap((b) => b.control as string[]).slice(0, 1);
    for (const id of control) await till(url, cloud, clock, id, 20_000, []);
    await top.getByText('返回活动列表').click();
    await top.getByText('沉睡会员唤醒 · 冬季').click();
    await top.getByText('活动效果').waitFor();
    // the six till orders moved the figures
    await top.locator('.camp-grid__value', { hasText: '¥1,920' }).waitFor();
    const figure = (name: string) => top.locator('.camp-grid__cell').filter({ has: page.locator('.camp-grid__name', { hasText: new RegExp(`^${name}$`) }) }).locator('.camp-grid__value').innerText();
    const shown = { usedShown: await figure('已使用'), salesShown: await figure('带动销售额'), roiShown: await figure('ROI') };
    await shot(page, outDir, 'campaign-results');
    await shotEnd(page, outDir, 'campaign-results-end');
    await top.getByText('返回活动列表').click();
    await top.getByText('本店营销活动').waitFor();
    await shot(page, outDir, 'campaigns-list');

    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const wide = await desk.newPage();
    await wide.goto(`${url}#${route}`);
    const wtop = wide.locator(SETTLED_PAGE);
    await wtop.getByText('沉睡会员唤醒 · 冬季').click();
    await wtop.getByText('活动效果').waitFor();
    await shot(wide, outDir, 'campaign-results-desktop');
    await wtop.getByText('返回活动列表').click();
    await wtop.getByText('新建营销活动').click();
    await wtop.getByText(/目标人群/).waitFor();
    await shot(wide, outDir, 'campaign-form-desktop');
    const done = cloud.db.find(COLLECTIONS.campaigns, {})[0]!;
    return { issued: Number(done.issued), heldOut: Number(done.control), ...shown };
  } finally {
    await browser.close();
    server.close();
    cloud.close?.();
  }
}

/** The page scrolled to its end (Taro's H5 page scrolls the window). */
async function shotEnd(page: Page, dir: string | null, name: string): Promise<void> {
  if (!dir) return;
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await shot(page, dir, name);
  await page.evaluate(() => window.scrollTo(0, 0));
}

export async function shot(page: Page, dir: string | null, name: string): Promise<void> {
  if (!dir) return;
  await page.locator('.taro__toast').waitFor({ state: 'hidden' }).catch(() => undefined);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${dir}/${name}.png`, scale: 'css', fullPage: true });
  console.log(`${dir}/${name}.png`);
}

/** A signed till order for the member (their live code fetched through the gateway). */
export async function till(url: string, cloud: ReturnType<typeof installLocalCloud>, clock: DevClock, memberId: string, amountFen: number, couponIds: string[]): Promise<void> {
  const openid = String(cloud.db.find(COLLECTIONS.members, { _id: memberId })[0]!.openid);
  const code = (await (await fetch(`${url}api/fn/member`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify({ action: 'code' }) })).json()) as { data: { code: string } };
  const paidAt = clock.now().toISOString();
  const body = JSON.stringify({ orderId: `SHOT${Math.random().toString(36).slice(2, 10)}`, memberCode: code.data.code, amountFen, items: [{ sku: 'SKU-1', qty: 1, priceFen: amountFen }], paidAt, ...(couponIds.length ? { couponIds } : {}) });
  const timestamp = String(new Date(paidAt).getTime());
  const nonce = Math.random().toString(36).slice(2, 14);
  const res = await fetch(`${url}api/pos/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-store-id': 'S001', 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': posSignature('dev-secret-S001', timestamp, nonce, body) }, body });
  if (res.status !== 200) throw new Error(`till ${res.status}: ${await res.text()}`);
}

if (require.main === module) {
  campaignStory(process.argv[2] ?? '/tmp/campaign-shots').catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
