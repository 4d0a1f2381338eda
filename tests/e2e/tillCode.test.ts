import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page, Route } from 'playwright-core';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { post } from '../support/devServer';
import { decodeQr, enroll, loadedImage, newOpenid, onPage, shownCode, shownTab, STAFF, startStage, TEST_TIMEOUT_MS, type Stage } from './support/app';

jest.setTimeout(TEST_TIMEOUT_MS);

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/**
 * The till code on the card is the phone's own: computed from the device secret the server issued,
 * a new one every 30-second step, shown with no request and without signal; the till and the clerk
 * resolve it, it pays once, and the phone shows what the till did within seconds.
 */
describe('the till code on the card', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await startStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  async function cardOfNewMember(tag: string, options: { fakeClock?: boolean } = {}): Promise<{ openid: string; memberId: string; page: Page; card: Locator }> {
    const openid = newOpenid(tag);
    const { memberId } = await enroll(stage, openid);
    const page = await stage.open(pageUrl('card', { openid }), options);
    const card = await onPage(page, 'card');
    await card.locator('.member-code__countdown').waitFor();
    return { openid, memberId, page, card };
  }

  /** Whom staff-S001 finds for a code: the memberId, or the error code. */
  async function staffFinds(code: string): Promise<string> {
    const answer = await stage.fn('staff', { action: 'lookup', code }, STAFF);
    return answer.ok ? answer.data.member.memberId : answer.error.code;
  }

  /** Pays at the demo till (scripts/pos.ts, signed as S001) with the code; its printed answer. */
  async function payAtTill(code: string, amount: string, order: string): Promise<string> {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', '--store', 'S001', '--code', code, '--amount', amount, '--order', order, '--url', stage.server.url], { cwd: ROOT });
    return stdout;
  }

  const secondsLeft = async (card: Locator) => Number(/(\d+) 秒后更新/.exec(await card.locator('.member-code__countdown').innerText())?.[1]);

  /** Waits until the card shows a code other than `old`, and answers it. */
  async function codeReplacing(page: Page, card: Locator, old: string): Promise<string> {
    await page.waitForFunction(
      ([selector, previous]) => {
        const el = document.querySelector(selector);
        return !!el && el.textContent!.replace(/\s+/g, '') !== previous;
      },
      ['.taro_page_stationed:last-child .member-code__digits', old] as const,
    );
    return shownCode(card);
  }

  /** Taps a tab and waits for its page. */
  async function tab(page: Page, name: '会员卡' | '积分', route: 'card' | 'points'): Promise<Locator> {
    await page.locator('.weui-tabbar__item', { hasText: name }).click();
    return shownTab(page, route);
  }

  /** Cuts the phone off: every request to the functions fails as with no signal, and the browser says it is offline. */
  async function cutNetwork(page: Page): Promise<() => Promise<void>> {
    const refuse = (route: Route) => route.abort('internetdisconnected');
    await page.route('**/api/**', refuse);
    await page.context().setOffline(true);
    return async () => {
      await page.unroute('**/api/**', refuse);
      await page.context().setOffline(false);
    };
  }

  it('shows an offline code (67…) that staff resolve to the member, says when it refreshes, and makes a new one each 30-second step', async () => {
    const { memberId, page, card } = await cardOfNewMember('steps', { fakeClock: true });
    const first = await shownCode(card);
    expect(first).toMatch(/^67\d{16}$/);
    expect(await staffFinds(first)).toBe(memberId);
    const left = await secondsLeft(card);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(30);
    await card.locator('.member-code__countdown', { hasText: '每 30 秒自动更新 · 离线可用' }).waitFor();
    // the QR code carries the digits on screen
    expect(decodeQr(await (await loadedImage(card.locator('.member-code__qr'))).screenshot())).toBe(first);

    await page.clock.fastForward((left + 1) * 1000);
    const next = await codeReplacing(page, card, first);
    expect(next).toMatch(/^67\d{16}$/);
    expect(next.slice(2, 10)).toBe(first.slice(2, 10));
    expect(await staffFinds(next)).toBe(memberId);
  });

  it('needs no answer for the code: a returning member’s card and code show while every request hangs unanswered', async () => {
    const { openid, memberId, page } = await cardOfNewMember('returning');
    // the same phone opens the app again (its storage kept); nothing the functions could say ever arrives
    const again = await stage.open(pageUrl('card', { openid }), {
      besides: page,
      prepare: async (p) => {
        await p.route('**/api/fn/**', () => undefined);
      },
    });
    const card = await onPage(again, 'card');
    await card.locator('.member-code__countdown').waitFor();
    await card.locator('.tier-card').waitFor();
    const code = await shownCode(card);
    expect(code).toMatch(/^67\d{16}$/);
    expect(decodeQr(await (await loadedImage(card.locator('.member-code__qr'))).screenshot())).toBe(code);
    expect(await staffFinds(code)).toBe(memberId);
  });

  it('keeps the card and a decodable code with the network cut, and after it returns the code pays at the till and the receipt shows within 5 s', async () => {
    const { openid, memberId, page } = await cardOfNewMember('basement');
    // the H5 build loads a tab's script on its first visit (the mini program has them in its package): visit 积分 once first
    await tab(page, '积分', 'points');
    let card = await tab(page, '会员卡', 'card');
    const restore = await cutNetwork(page);
    // switching tabs in the basement: the card is never replaced by an error
    await tab(page, '积分', 'points');
    card = await tab(page, '会员卡', 'card');
    await card.locator('.tier-card').waitFor();
    await card.getByText('当前无网络，会员码仍可使用').waitFor();
    const offline = await shownCode(card);
    expect(decodeQr(await (await loadedImage(card.locator('.member-code__qr'))).screenshot())).toBe(offline);
    expect(await card.locator('.state-error').count()).toBe(0);

    await restore();
    await card.getByText('当前无网络，会员码仍可使用').waitFor({ state: 'detached' });
    const code = await shownCode(card);
    const printed = await payAtTill(code, '319.20', `E2E-${openid}`);
    expect(printed).toMatch(/\+319 积分/);
    const paidAt = Date.now();
    const receipt = page.getByText(/实付 ¥319\.20/);
    await receipt.waitFor({ timeout: 5_000 });
    console.log(`receipt on the phone ${Date.now() - paidAt} ms after the till's answer`);
    await page.getByText(/\+319 积分/).first().waitFor();
    // used once: the same code is refused at the till afterwards
    const again = await stage.fn('staff', { action: 'lookup', code }, STAFF);
    expect(again.ok ? again.data.member.memberId : again.error.code).toMatch(new RegExp(`${memberId}|CODE_EXPIRED`));
    await expect(payAtTill(code, '10.00', `E2E-${openid}-again`)).rejects.toThrow(/CODE_EXPIRED/);
  });

  it('a code is useless once its minute is over on the server’s clock', async () => {
    const { page, card } = await cardOfNewMember('screenshot');
    const code = await shownCode(card);
    const clock = (now: string | null) => post(`${stage.server.url}api/dev/clock`, { now });
    expect((await clock(new Date(Date.now() + 2 * 60_000).toISOString())).body).toMatchObject({ ok: true, data: { shifted: true } });
    try {
      expect(await staffFinds(code)).toBe('CODE_EXPIRED');
    } finally {
      await clock(null);
    }
    await page.close();
  });

  it('sends a member who left on another device to the join page on the next open, and their codes name nobody', async () => {
    const { openid, page, card } = await cardOfNewMember('left-elsewhere');
    const old = await shownCode(card);
    expect(await stage.fn('member', { action: 'delete', confirm: true }, openid)).toMatchObject({ ok: true });
    expect(await staffFinds(old)).toBe('CODE_EXPIRED');
    const again = await stage.open(pageUrl('card', { openid }), { besides: page });
    await onPage(again, 'join');
  });

  it("puts a returning member's till code on screen before the tab bar, which then comes marking 会员卡 and switches tabs", async () => {
    const openid = newOpenid('tab-bar-after-code');
    await enroll(stage, openid);
    // the first open fills the phone's storage (card and device secret); on it the code waits for two calls
    const first = await stage.open(pageUrl('card', { openid }));
    await (await onPage(first, 'card')).locator('.member-code__countdown').waitFor();
    const page = await stage.open(pageUrl('card', { openid }), {
      besides: first,
      // from the page's first script on: the order in which the code's picture and the tab bar reach the page
      prepare: (p) =>
        p.addInitScript(`(() => {
          window.__arrivals = [];
          new MutationObserver(() => {
            const qr = document.querySelector('.member-code__qr img');
            if (qr && !window.__arrivals.includes('code')) window.__arrivals.push('code');
            if (document.querySelector('.weui-tabbar') && !window.__arrivals.includes('tab bar')) window.__arrivals.push('tab bar');
          }).observe(document, { childList: true, subtree: true });
        })();`),
    });
    await onPage(page, 'card');
    await page.locator('.weui-tabbar').waitFor();
    expect(await page.evaluate('window.__arrivals')).toEqual(['code', 'tab bar']);
    await expect(page.locator('.weui-tabbar__item.weui-bar__item_on').innerText()).resolves.toContain('会员卡');
    await tab(page, '积分', 'points');
    await expect(page.locator('.weui-tabbar__item.weui-bar__item_on').innerText()).resolves.toContain('积分');
  });

  it('on a 320×640 phone keeps the whole code above the tab bar, with 本单可用 and the birthday banner both showing', async () => {
    const openid = newOpenid('small-phone');
    // a birthday today (the shop's day) and the welcome coupon unused: every line above the code is there
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(5, 10);
    await enroll(stage, openid, { birthday: today });
    const context = await stage.browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    try {
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await page.goto(`${stage.server.url}#${pageUrl('card', { openid })}`);
      const card = await onPage(page, 'card');
      await card.locator('.member-code__at-till', { hasText: '首单8折' }).waitFor();
      await card.locator('.birthday-banner').waitFor();
      await loadedImage(card.locator('.member-code__qr'));
      // the tab bar comes a few frames after the code (src/services/tabBar.h5.ts)
      await page.locator('.weui-tabbar').waitFor();
      const [qr, bar, tabBar] = await Promise.all([card.locator('.member-code__qr').boundingBox(), card.locator('.member-code__bar').boundingBox(), page.locator('.weui-tabbar').boundingBox()]);
      expect(bar!.y).toBeGreaterThanOrEqual(0);
      expect(qr!.y + qr!.height).toBeLessThanOrEqual(tabBar!.y);
      expect(bar!.y + bar!.height).toBeLessThanOrEqual(tabBar!.y);
    } finally {
      await context.close();
    }
  });
});
