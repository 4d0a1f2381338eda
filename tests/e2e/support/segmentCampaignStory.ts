/**
 * Issue 19's manager story end to end, with nothing written behind the pages' backs: 100 members
 * of S001 with their purchase days (40 last bought 250 days ago, 60 within the last 60 days); the
 * segments job places them; the manager widens 沉睡型 to R 1–3 in 会员分群 and saves; the next
 * run of the segments job places by it; the manager launches a campaign to 沉睡型 in 精准营销; the
 * demo till sells with its coupons and the results move. Runs the gateway in this process on an
 * in-memory local cloud (the dev clock, the dev jobs route, the signed till). Builds nothing:
 * dist-h5/ must be current. `node --import tsx tests/e2e/support/segmentCampaignStory.ts [dir]`.
 */
import http from 'node:http';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pageUrl } from '../../../cloudfunctions/contract/pages';
import { COLLECTIONS } from '../../../cloudfunctions/data/collections';
import { shopDayKey } from '../../../cloudfunctions/domain/time';
import { installLocalCloud } from '../../../local/cloud/install';
import { DevClock } from '../../../local/devClock';
import { functionMains } from '../../../local/functions';
import { gatewayListener } from '../../../local/gateway';
import { seedDemoData } from '../../../local/seed';
import { launchChromium, SETTLED_PAGE } from '../../support/browser';
import { memberWith, putMembers } from '../../support/todoMembers';
import { shot, till } from './campaignScreenshots';

const ROOT = path.resolve(__dirname, '../../..');
const DAY = 86_400_000;

export interface SegmentCampaignStory {
  /** 沉睡型 as the page showed it before and after the wider threshold */
  dormantBefore: number;
  dormantAfter: number;
  issued: number;
  heldOut: number;
  usedBefore: string;
  usedAfter: string;
  salesAfter: string;
}

export async function segmentCampaignStory(outDir: string | null): Promise<SegmentCampaignStory> {
  if (outDir) mkdirSync(outDir, { recursive: true });
  const clock = new DevClock();
  const cloud = installLocalCloud({ clock });
  await seedDemoData(cloud.db);
  const now = clock.now().getTime();
  const dayKey = (daysAgo: number) => shopDayKey(new Date(now - daysAgo * DAY));
  const members = Array.from({ length: 100 }, (_, i) => {
    const m = memberWith(String(320_000_000_000 + i), { nickname: `会员${i}` });
    // 40 bought once, 250 days ago; 60 bought on three days within the last 60, the latest i − 40 days ago
    const spendDays = i < 40 ? { [dayKey(250)]: 20_000 } : { [dayKey(i - 40)]: 30_000, [dayKey(i - 39)]: 30_000, [dayKey(i - 38)]: 30_000 };
    return { ...m, spendDays, consent: { ...m.consent, marketing: { optIn: true, changedAt: m.joinedAt } } };
  });
  await putMembers(cloud.db, members);

  const listener = gatewayListener({ cloud, clock, functions: functionMains(), h5Dir: path.join(ROOT, 'dist-h5') });
  const server = http.createServer(listener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const runSegments = async () => {
    const res = await fetch(`${url}api/dev/jobs/segments`, { method: 'POST' });
    const body = (await res.json()) as { ok: boolean; data: { runs: Array<{ done: boolean }> } };
    if (!body.ok || !body.data.runs[0]?.done) throw new Error(`segments job: ${JSON.stringify(body)}`);
  };
  await runSegments();

  const browser = await launchChromium();
  try {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await phone.newPage();
    page.on('dialog', (d) => void d.accept());
    const dormantCount = async () => Number((await page.locator(SETTLED_PAGE).locator('.seg-bar', { hasText: '沉睡型' }).locator('.seg-bar__figure').innerText()).split(' ')[0]!.replace(/,/g, ''));

    await page.goto(`${url}#${pageUrl('opsSegments', { openid: 'manager-S001' })}`);
    const segs = page.locator(SETTLED_PAGE);
    await segs.locator('.seg-bar', { hasText: '沉睡型' }).waitFor();
    const dormantBefore = await dormantCount();
    await shot(page, outDir, 'segments-before');
    // the manager widens 沉睡型 to R 1–3 (a tap on 3 stretches 1–2) and saves
    await segs.locator('.segments__edit').click();
    await segs.locator('[aria-label="沉睡型 R 最近消费 3 分"]').click();
    await segs.locator('[aria-label="沉睡型 R 最近消费"] .seg-edit__range', { hasText: '1–3 分' }).waitFor();
    await shot(page, outDir, 'segments-editing');
    await segs.getByText('保存分群定义').click();
    await segs.locator('.segments__def', { hasText: '沉睡型' }).getByText(/R 1–3 分/).waitFor();
    // the night: the segments job places by the new definition
    await runSegments();
    await page.reload();
    const after = page.locator(SETTLED_PAGE);
    await after.locator('.seg-bar', { hasText: '沉睡型' }).waitFor();
    const dormantAfter = await dormantCount();
    await shot(page, outDir, 'segments-after');

    // 精准营销: the 沉睡型 members, 好久不见券, launched now
    await page.goto(`${url}#${pageUrl('opsCampaigns', { openid: 'manager-S001' })}`);
    const top = page.locator(SETTLED_PAGE);
    await top.getByText('新建营销活动').click();
    await top.getByText(/目标人群/).waitFor();
    await top.locator('.camp-input input').first().fill('沉睡会员唤醒');
    await top.getByText(new RegExp(`^沉睡型 ${dormantAfter}$`)).click();
    await top.getByText('预览人群').click();
    await top.getByText(/^共 \d+ 人$/).waitFor();
    await top.getByText('好久不见券').click();
    await top.getByText('发起活动').click();
    await page.locator('.taro__modal .taro-model__confirm').click();
    await top.getByText('活动效果').waitFor();
    const figure = (name: string) => top.locator('.camp-grid__cell').filter({ has: page.locator('.camp-grid__name', { hasText: new RegExp(`^${name}$`) }) }).locator('.camp-grid__value').innerText();
    const usedBefore = await figure('已使用');

    // three days later the demo till sells with four of the campaign's coupons
    const campaign = cloud.db.find(COLLECTIONS.campaigns, {})[0]!;
    const coupons = cloud.db.find(COLLECTIONS.coupons, {}).filter((c) => String(c._id).startsWith(`campaign:${campaign._id}:`)).slice(0, 4);
    clock.set(new Date(now + 3 * DAY));
    for (const c of coupons) await till(url, cloud, clock, String(c.memberId), 35_000, [String(c._id)]);
    await top.getByText('返回活动列表').click();
    await top.getByText('沉睡会员唤醒').click();
    await top.getByText('活动效果').waitFor();
    await top.locator('.camp-grid__value', { hasText: '¥1,280' }).waitFor();
    const shown = { usedAfter: await figure('已使用'), salesAfter: await figure('带动销售额') };
    await shot(page, outDir, 'campaign-results-after-till');
    const done = cloud.db.find(COLLECTIONS.campaigns, {})[0]!;
    return { dormantBefore, dormantAfter, issued: Number(done.issued), heldOut: Number(done.control), usedBefore, ...shown };
  } finally {
    await browser.close();
    server.close();
    cloud.close?.();
  }
}

if (require.main === module) {
  segmentCampaignStory(process.argv[2] ?? '/tmp/segment-campaign-shots')
    .then((story) => console.log(story))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
