import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { PNG } from 'pngjs';
import { CODE_BOX, POSTER } from '../../src/packages/invite/poster/draw';
import { cropPng } from '../support/codes';
import { post } from '../support/devServer';
import { decodeQr, enroll, joinThroughPage, newOpenid, onPage, settled, shownCode, startStage, STORE_NAME, TEST_TIMEOUT_MS, type Stage } from './support/app';

jest.setTimeout(TEST_TIMEOUT_MS * 2);

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/**
 * Inviting a friend, end to end in the H5 app: A opens 邀请好友 and makes the poster, its code reads
 * back as A's scene; B joins through A's link, pays at the demo till; eight days later the
 * settlement job pays both, and A's list says so.
 */
/**
 * The poster's code box and a margin around it, cut from an image of the whole poster (at any
 * scale): a phone's camera aims at the code, not at the brand block's rings.
 */
function codeOf(posterPng: Buffer): Buffer {
  const k = PNG.sync.read(posterPng).width / POSTER.width;
  const margin = 12;
  const side = (CODE_BOX.size + 2 * margin) * k;
  return cropPng(posterPng, { x: (CODE_BOX.x - margin) * k, y: (CODE_BOX.y - margin) * k, width: side, height: side });
}

describe('inviting a friend', () => {
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

  /** The coupon names in a member's wallet (可使用), as the 我的券 page shows them. */
  async function walletNames(openid: string): Promise<string[]> {
    const page = await stage.open(pageUrl('wallet', { openid }));
    const wallet = await onPage(page, 'wallet');
    await wallet.locator('.coupon-ticket').first().waitFor();
    const names = await wallet.locator('.coupon-ticket__name').allInnerTexts();
    await page.close();
    return names;
  }

  it('A’s poster code reads back as A’s scene; B joins through A’s link and pays; after the return window both have their rewards and A’s list says 已发放', async () => {
    const inviterId = newOpenid('inviter');
    const friendId = newOpenid('friend');
    await enroll(stage, inviterId, { nickname: '林小雨' });
    const mine = (await stage.fn('referral', { action: 'mine' }, inviterId)).data as { code: string; scene: string; sharePath: string };
    expect(mine.scene).toBe(`r=${mine.code}&s=S001`);

    // A opens 邀请好友 from the card
    const pageA = await stage.open(pageUrl('card', { openid: inviterId }));
    const cardA = await onPage(pageA, 'card');
    await cardA.locator('.entry-row--invite').click();
    const invite = await onPage(pageA, 'invite');
    await invite.getByText('邀请好友一起加入悦衣会员').waitFor();
    await expect(invite.locator('.invitees__empty-title').innerText()).resolves.toBe('还没有好友通过你的邀请加入');

    // the poster: drawn on a canvas, downloaded as a PNG whose code a QR reader reads as A's scene
    await invite.getByText('生成邀请海报').click();
    const poster = invite.locator('.poster');
    await poster.locator('canvas').waitFor();
    await poster.locator('.poster__veil').waitFor({ state: 'detached' });
    const [download] = await Promise.all([pageA.waitForEvent('download'), poster.getByText('下载海报图片').click()]);
    expect(download.suggestedFilename()).toBe('悦衣库邀请海报.png');
    const png = readFileSync((await download.path())!);
    expect(decodeQr(codeOf(png))).toBe(`r=${mine.code}&s=S001`);
    // the canvas is drawn at the device pixel ratio: 2 device px per CSS px
    const size = await poster.locator('canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height, c.getBoundingClientRect().width]);
    expect(size[0]).toBe(Math.round(size[2]! * 2));
    // and what a phone's camera sees on the screen reads the same
    expect(decodeQr(codeOf(await poster.locator('canvas').screenshot()))).toBe(`r=${mine.code}&s=S001`);

    // B follows A's link: the join page says who invites them before the privacy notice
    const pageB = await stage.open(`${pageUrl('join')}?storeId=S001&ref=${mine.code}&openid=${friendId}`);
    const join = await settled(pageB);
    await join.locator('.join__store-name', { hasText: STORE_NAME }).waitFor();
    await expect(join.locator('.invite-welcome__from').innerText()).resolves.toBe('林** 邀请你加入悦衣会员');
    const cardB = await joinThroughPage(pageB);

    // A's list shows B as joined
    await pageA.reload();
    const again = await onPage(pageA, 'invite');
    await expect(again.locator('.invitee__status').first().innerText()).resolves.toBe('已加入');

    // B pays ¥199 at the demo till with the code on the card
    await cardB.locator('.member-code__digits').waitFor();
    const paid = await till('--store', 'S001', '--code', await shownCode(cardB), '--amount', '199.00', '--order', `E2E-REF-${friendId}`);
    expect(paid).toContain('+199 积分');
    await pageA.reload();
    const waiting = await onPage(pageA, 'invite');
    await expect(waiting.locator('.invitee__status').first().innerText()).resolves.toMatch(/^已消费/);

    // eight days later the settlement job runs
    const clock = await (await fetch(`${stage.server.url}api/dev/clock`)).json();
    const later = new Date(Date.parse(clock.data.now) + 8 * 86_400_000).toISOString();
    expect((await post(`${stage.server.url}api/dev/clock`, { now: later })).status).toBe(200);
    const job = await post(`${stage.server.url}api/dev/jobs/referral-settlement`, {});
    expect(job.status).toBe(200);

    // both see their rewards in 我的券
    expect(await walletNames(friendId)).toContain('新品优先试穿权');
    const inviterWallet = await walletNames(inviterId);
    expect(inviterWallet).toContain('新品优先试穿权');
    expect(inviterWallet).toContain('邀请好友礼券');

    // and A's list says 已发放, the progress says one more step
    await pageA.reload();
    const settledList = await onPage(pageA, 'invite');
    await expect(settledList.locator('.invitee__status').first().innerText()).resolves.toBe('已发放');
    await expect(settledList.locator('.invitee__name').first().innerText()).resolves.not.toContain('小雨');
    const figures = await settledList.locator('.invite-progress__figure').allInnerTexts();
    expect(figures.map((f) => f.replace(/\s+/g, ''))).toContain('1已发放');
  });
});

