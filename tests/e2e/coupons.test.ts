import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { confirmModal, enroll, joinRoute, joinThroughPage, newOpenid, onPage, shownCode, startStage, TEST_TIMEOUT_MS, visibleModal, type Stage } from './support/app';

jest.setTimeout(TEST_TIMEOUT_MS);

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const SHOP_OFFSET_MS = 8 * 3_600_000;

/** Coupons as the shopper meets them: the claim centre, the wallet, the till, the birthday banner and points. */
describe('coupons in the app', () => {
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

  /** A fresh till code for the member, as the card would show it. */
  async function codeOf(openid: string): Promise<string> {
    const answer = await stage.fn('member', { action: 'code' }, openid);
    if (!answer.ok) throw new Error(`member.code failed: ${JSON.stringify(answer)}`);
    return answer.data.code;
  }

  /** Waits until the element's whole text is `text`. */
  const showsExactly = (el: Locator, text: string) => el.filter({ hasText: new RegExp(`^${text.replace(/[()¥.]/g, '\\$&')}$`) }).waitFor();
  const ticket = (scope: Locator, templateId: string) => scope.locator(`.coupon-ticket[data-template="${templateId}"]`);
  const walletTab = (wallet: Locator, status: 'available' | 'used' | 'expired') => wallet.locator(`.wallet-tabs__tab[data-status="${status}"]`);
  /** The wallet's tab is chosen and its coupons (or its empty state) are on screen. */
  async function onWalletTab(wallet: Locator, status: 'available' | 'used' | 'expired', label: string): Promise<void> {
    await wallet.locator(`.wallet-tabs__tab[data-status="${status}"][aria-selected="true"]`).waitFor();
    await showsExactly(walletTab(wallet, status), label);
    await wallet.locator('.wallet__list, .wallet__empty').waitFor();
  }
  const cardLink = (card: Locator, name: '我的券' | '领券中心') => card.locator('.card-page__link', { hasText: name });

  async function openCard(openid: string): Promise<{ page: Page; card: Locator }> {
    const page = await stage.open(pageUrl('card', { openid }));
    const card = await onPage(page, 'card');
    await card.locator('.member-code__digits').waitFor();
    return { page, card };
  }

  describe('the claim centre', () => {
    it('a member claims the 新品试穿券 in the claim centre and finds it in the wallet', async () => {
      const openid = newOpenid('claim');
      await enroll(stage, openid);
      const { page, card } = await openCard(openid);

      await cardLink(card, '领券中心').click();
      const center = await onPage(page, 'center');
      const trial = ticket(center, 'new-arrival-trial');
      await trial.locator('.center-entry__stock').waitFor();
      const before = Number(/^剩余 (\d+) 张$/.exec(await trial.locator('.center-entry__stock').innerText())?.[1]);
      expect(before).toBeGreaterThan(0);
      expect(await trial.locator('.center-entry__limit').innerText()).toBe('每人限领 1 张 · 已领 0');

      await trial.getByText('立即领取').click();
      await showsExactly(trial.locator('.coupon-ticket__btn'), '已领取');
      await showsExactly(trial.locator('.center-entry__stock'), `剩余 ${before - 1} 张`);
      expect(await trial.locator('.center-entry__limit').innerText()).toBe('每人限领 1 张 · 已领 1');

      await center.locator('.center__wallet', { hasText: '查看我的券' }).click();
      const wallet = await onPage(page, 'wallet');
      // the welcome coupon of joining and the one just claimed
      await onWalletTab(wallet, 'available', '可使用(2)');
      const claimed = ticket(wallet, 'new-arrival-trial');
      await expect(claimed.locator('.coupon-ticket__name').innerText()).resolves.toBe('新品试穿券');
      await expect(claimed.locator('.coupon-ticket__value').innerText()).resolves.toBe('¥50');
      await expect(claimed.locator('.coupon-ticket__rule').innerText()).resolves.toBe('满¥199可用');
      await expect(claimed.locator('.coupon-ticket__btn').innerText()).resolves.toBe('去使用');
    });
  });

  describe('the wallet and the till', () => {
    it('the welcome 首单8折券 is in the wallet after joining, and 去使用 opens the card with its member code', async () => {
      const openid = newOpenid('welcome');
      const page = await stage.open(joinRoute(openid));
      const card = await joinThroughPage(page);

      await cardLink(card, '我的券').click();
      const wallet = await onPage(page, 'wallet');
      await onWalletTab(wallet, 'available', '可使用(1)');
      const welcome = ticket(wallet, 'welcome-80');
      await expect(welcome.locator('.coupon-ticket__name').innerText()).resolves.toBe('首单8折券');
      await expect(welcome.locator('.coupon-ticket__value').innerText()).resolves.toBe('8折');
      await expect(welcome.locator('.coupon-ticket__notes').innerText()).resolves.toContain('仅限首单使用');
      await expect(welcome.locator('.coupon-ticket__validity').innerText()).resolves.toMatch(/^\d{4}-\d{2}-\d{2} 23:59 前有效$/);

      await welcome.getByText('去使用').click();
      const cardAgain = await onPage(page, 'card');
      const digits = cardAgain.locator('.member-code__digits');
      await digits.waitFor();
      expect(await shownCode(cardAgain)).toMatch(/^\d{18}$/);
    });

    it('a coupon paid with at the demo till moves to 已使用', async () => {
      const openid = newOpenid('till');
      await enroll(stage, openid);
      const { page, card } = await openCard(openid);
      const code = await shownCode(card);

      // the till lists the member's coupons for this basket, with their ids
      const quote = await till('quote', '--store', 'S001', '--code', code, '--amount', '399.00');
      const couponId = /^\s*(welcome-80:\S+)\s+首单8折券/m.exec(quote)?.[1];
      expect(couponId).toBeDefined();
      const paid = await till('--store', 'S001', '--code', code, '--amount', '399.00', '--coupon', couponId!);
      expect(paid).toContain('用券：首单8折券 -¥79.80');
      expect(paid).toContain('实付 ¥319.20');

      await cardLink(card, '我的券').click();
      const wallet = await onPage(page, 'wallet');
      // the first order brought the second-item coupon; the welcome coupon is spent
      await onWalletTab(wallet, 'available', '可使用(1)');
      await ticket(wallet, 'second-item-half').waitFor();
      expect(await ticket(wallet, 'welcome-80').count()).toBe(0);

      await walletTab(wallet, 'used').click();
      await onWalletTab(wallet, 'used', '已使用(1)');
      const used = ticket(wallet, 'welcome-80');
      await expect(used.locator('.coupon-ticket__stamp').innerText()).resolves.toBe('已使用');
      expect(await used.getAttribute('data-status')).toBe('used');
      expect(await used.locator('.coupon-ticket__btn').count()).toBe(0);
    });
  });

  describe('the birthday gift', () => {
    /** The shop day (UTC+8) `days` after the dev server's now, as "MM-DD". */
    async function shopMonthDay(days: number): Promise<string> {
      const res = await fetch(`${stage.server.url}api/dev/clock`);
      const answer = (await res.json()) as { data: { now: string } };
      const shifted = new Date(new Date(answer.data.now).getTime() + SHOP_OFFSET_MS + days * 86_400_000);
      return shifted.toISOString().slice(5, 10);
    }

    it('a member whose birthday is in two days claims the gift from the card’s banner and finds it in the wallet', async () => {
      const openid = newOpenid('birthday');
      await enroll(stage, openid, { birthday: await shopMonthDay(2) });
      const { page, card } = await openCard(openid);

      const banner = card.locator('.birthday-banner');
      await card.locator('.birthday-banner[data-state="claimable"]').waitFor();
      await expect(banner.locator('.birthday-banner__sub').innerText()).resolves.toBe('生日礼券 ¥20 可领取');

      await banner.getByText('领取', { exact: true }).click();
      await card.locator('.birthday-banner[data-state="claimed"]').waitFor();
      await expect(banner.locator('.birthday-banner__go').innerText()).resolves.toBe('已领取 · 去看看');

      await banner.click();
      const wallet = await onPage(page, 'wallet');
      await onWalletTab(wallet, 'available', '可使用(2)');
      const gift = ticket(wallet, 'birthday-explorer');
      await expect(gift.locator('.coupon-ticket__name').innerText()).resolves.toBe('生日礼券');
      await expect(gift.locator('.coupon-ticket__value').innerText()).resolves.toBe('¥20');
    });
  });

  describe('积分兑换', () => {
    it('after a ¥600 order a member redeems 500 points for the ¥20 coupon through the confirm dialog and finds it in the wallet', async () => {
      const openid = newOpenid('redeem');
      await enroll(stage, openid);
      const paid = await till('--store', 'S001', '--code', await codeOf(openid), '--amount', '600.00');
      expect(paid).toContain('+600 积分，余额 600');

      const page = await stage.open(pageUrl('points', { openid }));
      const tab = await onPage(page, 'points');
      await showsExactly(tab.locator('.points-balance__value'), '600');
      // the 积分 tab leads to 积分兑换, a page of its own
      await tab.locator('.entry-row--rewards', { hasText: '积分兑换' }).click();
      const points = await onPage(page, 'rewards');
      await showsExactly(points.locator('.rewards-page__points'), '600');
      const twenty = ticket(points, 'reward-20');
      await expect(twenty.locator('.points-reward__cost').innerText()).resolves.toBe('500 积分');
      // what 600 points cannot buy says so on its button
      await showsExactly(ticket(points, 'reward-new-arrival-trial').locator('.coupon-ticket__btn'), '积分不足');

      await twenty.getByText('兑换', { exact: true }).click();
      await showsExactly(visibleModal(page).locator('.taro-modal__text'), '确认用 500 积分兑换「¥20无门槛券」？');
      await confirmModal(page, '积分兑换');

      await showsExactly(points.locator('.rewards-page__points'), '100');
      await showsExactly(twenty.locator('.coupon-ticket__btn'), '积分不足');

      await points.locator('.points-rewards__wallet', { hasText: '我的券' }).click();
      const wallet = await onPage(page, 'wallet');
      // the ¥20 coupon and the second-item coupon of the first order (the welcome coupon ended with it)
      await onWalletTab(wallet, 'available', '可使用(2)');
      const redeemed = ticket(wallet, 'reward-20');
      await expect(redeemed.locator('.coupon-ticket__name').innerText()).resolves.toBe('¥20无门槛券');
      await expect(redeemed.locator('.coupon-ticket__rule').innerText()).resolves.toBe('无门槛');

      // back on the 积分 tab the balance is the new one
      await page.goBack();
      await page.goBack();
      await showsExactly((await onPage(page, 'points')).locator('.points-balance__value'), '100');
    });
  });
});
