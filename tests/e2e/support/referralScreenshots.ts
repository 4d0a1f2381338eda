/**
 * Screenshots of the referral pages for a person to look at (not a test), on a 375×812 and a
 * 320×640 phone: 邀请好友 (top, progress, invitee list with friends in every state, rules), the
 * poster, the join page with an inviter, the card's referral line. (Taro's H5 page scrolls inside
 * its own element, so each part is scrolled into view rather than taken as a full page.)
 * `node --import tsx tests/e2e/support/referralScreenshots.ts [outDir]` (default /tmp/shots-referral).
 * Builds nothing: dist-h5/ must be current (`npm run build:h5`).
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { pageUrl } from '../../../cloudfunctions/contract/pages';
import { post } from '../../support/devServer';
import { enroll, newOpenid, onPage, settled, startStage, STORE_NAME, type Stage } from './app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const PHONES = [
  { name: '375', width: 375, height: 812 },
  { name: '320', width: 320, height: 640 },
];

async function quiet(page: Page): Promise<void> {
  await page.locator('.taro__toast').waitFor({ state: 'hidden' });
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
}

async function till(stage: Stage, code: string, amount: string, order: string): Promise<void> {
  await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', '--store', 'S001', '--code', code, '--amount', amount, '--order', order, '--url', stage.server.url], { cwd: ROOT });
}

/** A friend of `inviter` who joins through the link and, optionally, pays. */
async function friend(stage: Stage, ref: string, nickname: string, pays: string | null): Promise<void> {
  const openid = newOpenid('shot-friend');
  await enroll(stage, openid, { ref, nickname });
  if (!pays) return;
  const code = (await stage.fn('member', { action: 'code' }, openid)).data.code as string;
  await till(stage, code, pays, `SHOT-${openid}`);
}

async function main(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const stage = await startStage();
  const shots: string[] = [];
  try {
    const inviter = newOpenid('shot-inviter');
    await enroll(stage, inviter, { nickname: '林小雨' });
    const mine = (await stage.fn('referral', { action: 'mine' }, inviter)).data as { code: string };
    // friends in every state: settled (paid, 8 days later), in the return window, joined, void (below the minimum)
    await friend(stage, mine.code, '阿青', '399.00');
    const now = (await (await fetch(`${stage.server.url}api/dev/clock`)).json()).data.now as string;
    await post(`${stage.server.url}api/dev/clock`, { now: new Date(Date.parse(now) + 8 * 86_400_000).toISOString() });
    await post(`${stage.server.url}api/dev/jobs/referral-settlement`, {});
    await friend(stage, mine.code, 'Mia', '259.00');
    await friend(stage, mine.code, '周周', null);
    await friend(stage, mine.code, '小林子', '49.00');

    for (const phone of PHONES) {
      const context = await stage.browser.newContext({ viewport: { width: phone.width, height: phone.height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
      const shot = async (page: Page, name: string) => {
        await quiet(page);
        const file = `${outDir}/${name}-${phone.name}.png`;
        await page.screenshot({ path: file, scale: 'css' });
        shots.push(file);
      };
      const page = await context.newPage();
      await page.goto(`${stage.server.url}#${pageUrl('invite', { openid: inviter })}`);
      const invite = await onPage(page, 'invite');
      await invite.locator('.invitee').first().waitFor();
      await shot(page, 'invite-top');
      await invite.locator('.invite-progress').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(page, 'invite-progress');
      await invite.locator('.invitees').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(page, 'invite-list');
      await invite.locator('.invite-rules').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await shot(page, 'invite-rules');

      await invite.getByText('生成邀请海报').click();
      await invite.locator('.poster__veil').waitFor({ state: 'detached' });
      await invite.locator('.invite-poster').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(page, 'poster');
      const posterFile = `${outDir}/poster-canvas-${phone.name}.png`;
      await invite.locator('.poster canvas').screenshot({ path: posterFile });
      shots.push(posterFile);

      const joinPage = await context.newPage();
      await joinPage.goto(`${stage.server.url}#${pageUrl('join')}?storeId=S001&ref=${mine.code}&openid=${newOpenid('shot-joiner')}`);
      const joinView = await settled(joinPage);
      await joinView.locator('.join__store-name', { hasText: STORE_NAME }).waitFor();
      await joinView.locator('.invite-welcome').waitFor();
      await shot(joinPage, 'join-inviter');

      // the card and the points page with the progress line
      const card = await context.newPage();
      await card.goto(`${stage.server.url}#${pageUrl('card', { openid: inviter })}`);
      const cardView = await onPage(card, 'card');
      await cardView.locator('.entry-row--invite .entry-row__text').filter({ hasText: /忠诚者/ }).waitFor();
      await cardView.locator('.entry-row--invite').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await shot(card, 'card-progress');
      await context.close();
    }
    console.log(shots.join('\n'));
  } finally {
    await stage.close();
  }
}

void main(process.argv[2] ?? '/tmp/shots-referral').catch((e) => {
  console.error(e);
  process.exit(1);
});
