/**
 * The tab pages as a member sees them, for checking that a size change left them looking the same:
 * a member who has paid twice at the demo till, its 会员卡, 积分 (scrolled through, one screen at a
 * time) and 我的, with the subpackage pages they open (消费成功, 积分兑换, 会员权益, 编辑资料, 隐私政策, 消息与隐私设置), at 375×812. Builds nothing: dist-h5/ must be current (`npm run build:h5`).
 *
 *   node --import tsx tests/bench/tabScreenshots.ts [outDir]        (default /tmp/shots-tabs)
 *   node --import tsx tests/bench/tabScreenshots.ts --compare dirA dirB
 *
 * --compare prints, per PNG present in both, how many pixels differ (any channel off by more than 8).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { enroll, newOpenid, onPage, startStage, type Stage } from '../e2e/support/app';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

async function quiet(page: Page): Promise<void> {
  await page.locator('.taro__toast').waitFor({ state: 'hidden' });
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
  await page.waitForTimeout(300);
}

async function pay(stage: Stage, openid: string, amount: string): Promise<void> {
  const code = (await stage.fn('member', { action: 'code' }, openid)).data.code as string;
  await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', '--store', 'S001', '--code', code, '--amount', amount, '--order', `TABS-${newOpenid('o')}`, '--url', stage.server.url], { cwd: ROOT });
}

/** Screenshots of the page's scrolling content, one viewport at a time. */
async function scrollShots(page: Page, view: Locator, name: string, outDir: string, shots: string[]): Promise<void> {
  const scroller = await view.evaluateHandle((el) => {
    let s: Element | null = el.querySelector('.page') ?? el;
    while (s && s !== document.body && s.scrollHeight <= s.clientHeight + 1) s = s.parentElement;
    return s && s !== document.body ? s : document.scrollingElement!;
  });
  for (let i = 0; i < 8; i += 1) {
    const done = await scroller.evaluate((s, step) => {
      const el = s as HTMLElement;
      el.scrollTop = step * el.clientHeight * 0.9;
      return el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
    }, i);
    await quiet(page);
    const file = `${outDir}/${name}-${i + 1}.png`;
    await page.screenshot({ path: file, scale: 'css' });
    shots.push(file);
    if (done) break;
  }
}

async function main(outDir: string): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const stage = await startStage();
  const shots: string[] = [];
  try {
    const openid = newOpenid('tabs');
    await enroll(stage, openid, { nickname: '小雅' });
    await pay(stage, openid, '399.00');
    await pay(stage, openid, '129.50');
    const page = await stage.open(pageUrl('card', { openid }));
    // the last order (within 5 minutes, on a phone with no receipt remembered) is news: the card opens 消费成功
    await onPage(page, 'card');
    const receipt = await onPage(page, 'receipt');
    await scrollShots(page, receipt, 'receipt', outDir, shots);
    await receipt.getByText('好的').click();
    const card = await onPage(page, 'card');
    await card.locator('.member-code__qr img').waitFor();
    await scrollShots(page, card, 'card', outDir, shots);
    await page.locator('.weui-tabbar__item', { hasText: '积分' }).click();
    const points = await onPage(page, 'points');
    await points.locator('.points-balance').waitFor();
    await scrollShots(page, points, 'points', outDir, shots);
    // 积分兑换, the coupons subpackage page the 积分 tab opens
    await points.locator('.entry-row--rewards').click();
    const rewards = await onPage(page, 'rewards');
    await rewards.locator('.coupon-ticket').first().waitFor();
    await scrollShots(page, rewards, 'rewards', outDir, shots);
    await page.goBack();
    // 会员权益, the benefits subpackage page the 积分 tab's row opens
    await (await onPage(page, 'points')).locator('.entry-row--benefits').click();
    const benefits = await onPage(page, 'benefits');
    await benefits.locator('.tier-benefits').waitFor();
    await scrollShots(page, benefits, 'benefits', outDir, shots);
    await page.goBack();
    await onPage(page, 'points');
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    const me = await onPage(page, 'me');
    await me.locator('.me__head').waitFor();
    await scrollShots(page, me, 'me', outDir, shots);
    // 编辑资料 and 隐私政策, the subpackage pages 我的 opens
    await me.locator('.me__head').click();
    const profile = await onPage(page, 'profile');
    await profile.locator('.profile__save').waitFor();
    await scrollShots(page, profile, 'profile', outDir, shots);
    await page.goBack();
    const meAgain = await onPage(page, 'me');
    await meAgain.locator('.me__link-row', { hasText: '隐私政策' }).click();
    const policy = await onPage(page, 'privacyPolicy');
    await scrollShots(page, policy, 'policy', outDir, shots);
    await page.goBack();
    // 消息与隐私设置, the privacy subpackage page 我的 opens: the marketing switch and the consent record
    await (await onPage(page, 'me')).locator('.me__link-row', { hasText: '消息与隐私设置' }).click();
    const settings = await onPage(page, 'privacySettings');
    await settings.locator('.privacy-settings__consent').first().waitFor();
    await scrollShots(page, settings, 'privacy-settings', outDir, shots);
  } finally {
    await stage.close();
  }
  console.log(shots.join('\n'));
}

function compare(a: string, b: string): void {
  for (const f of fs.readdirSync(a).filter((x) => x.endsWith('.png')).sort()) {
    if (!fs.existsSync(path.join(b, f))) {
      console.log(`${f}: only in ${a}`);
      continue;
    }
    const x = PNG.sync.read(fs.readFileSync(path.join(a, f)));
    const y = PNG.sync.read(fs.readFileSync(path.join(b, f)));
    if (x.width !== y.width || x.height !== y.height) {
      console.log(`${f}: size ${x.width}×${x.height} vs ${y.width}×${y.height}`);
      continue;
    }
    let differ = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      if ([0, 1, 2, 3].some((k) => Math.abs(x.data[i + k]! - y.data[i + k]!) > 8)) differ += 1;
    }
    console.log(`${f}: ${differ} pixels differ`);
  }
}

if (process.argv[2] === '--compare') compare(process.argv[3]!, process.argv[4]!);
else
  void main(process.argv[2] ?? '/tmp/shots-tabs').catch((e) => {
    console.error(e);
    process.exit(1);
  });
