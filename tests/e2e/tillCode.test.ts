import type { Locator, Page } from 'playwright-core';
import { post } from '../support/devServer';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { decodeQr, enroll, imageSrc, loadedImage, newOpenid, onPage, shownCode, STAFF, startStage, TEST_TIMEOUT_MS, type Stage } from './support/app';

jest.setTimeout(TEST_TIMEOUT_MS);

/** The till code on the card: 60 s, single use, replaced on a tap or shortly before it runs out. */
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

  const secondsLeft = async (card: Locator) => Number(/(\d+) 秒后自动刷新/.exec(await card.locator('.member-code__countdown').innerText())?.[1]);

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

  it('counts down the seconds the code has left', async () => {
    const { page, card } = await cardOfNewMember('countdown');
    const first = await secondsLeft(card);
    expect(first).toBeGreaterThan(50);
    expect(first).toBeLessThanOrEqual(60);
    // a second later (real time) it says less
    await page.waitForFunction(
      (before) => {
        const text = document.querySelector('.taro_page_stationed:last-child .member-code__countdown')?.textContent ?? '';
        const left = Number(/(\d+) 秒后自动刷新/.exec(text)?.[1]);
        return left > 0 && left < before;
      },
      first,
      { timeout: 3_000 },
    );
  });

  it('gives a new code on a tap: staff find the member by it and refuse the one it replaced', async () => {
    const { memberId, page, card } = await cardOfNewMember('tap');
    const old = await shownCode(card);
    const oldQr = await imageSrc(card.locator('.member-code__qr'));
    expect(await staffFinds(old)).toBe(memberId);

    await card.locator('.member-code').click();
    const fresh = await codeReplacing(page, card, old);
    expect(fresh).toMatch(/^\d{18}$/);
    // the QR code follows the digits
    const qr = await loadedImage(card.locator('.member-code__qr'), oldQr);
    expect(decodeQr(await qr.screenshot())).toBe(fresh);
    expect(await staffFinds(fresh)).toBe(memberId);
    expect(await staffFinds(old)).toBe('CODE_EXPIRED');
  });

  it('replaces the code on its own ten seconds before it runs out', async () => {
    const { memberId, page, card } = await cardOfNewMember('ahead', { fakeClock: true });
    const old = await shownCode(card);
    await page.clock.fastForward(51_000);
    const fresh = await codeReplacing(page, card, old);
    await card.locator('.member-code__countdown', { hasText: /^(60|59) 秒后自动刷新/ }).waitFor();
    expect(await staffFinds(fresh)).toBe(memberId);
    expect(await staffFinds(old)).toBe('CODE_EXPIRED');
  });

  it('veils a code the phone could not renew before it ran out, and a tap brings a live one back', async () => {
    const { memberId, page, card } = await cardOfNewMember('offline', { fakeClock: true });
    const old = await shownCode(card);
    // the phone loses its connection: no new code can be fetched
    const offline = (route: import('playwright-core').Route) =>
      JSON.parse(route.request().postData() ?? '{}').action === 'code' ? route.abort('internetdisconnected') : route.continue();
    await page.route('**/api/fn/member', offline);
    await page.clock.fastForward(61_000);
    await card.locator('.member-code__veil', { hasText: '已失效，点击刷新' }).waitFor();
    expect(await shownCode(card)).toBe(old);
    expect(await card.locator('.member-code__countdown').count()).toBe(0);

    await page.unroute('**/api/fn/member', offline);
    await card.locator('.member-code').click();
    const fresh = await codeReplacing(page, card, old);
    await card.locator('.member-code__veil').waitFor({ state: 'detached' });
    await card.locator('.member-code__countdown').waitFor();
    expect(await staffFinds(fresh)).toBe(memberId);
  });

  it('after the server clock passes the expiry, refuses the old code as CODE_EXPIRED and a tap gets one staff accept', async () => {
    const { memberId, page, card } = await cardOfNewMember('server-clock');
    const old = await shownCode(card);
    const clock = (now: string | null) => post(`${stage.server.url}api/dev/clock`, { now });
    // the server judges expiry on its own clock; the phone counts down on its own and still shows the code
    expect((await clock(new Date(Date.now() + 2 * 60_000).toISOString())).body).toMatchObject({ ok: true, data: { shifted: true } });
    try {
      expect(await staffFinds(old)).toBe('CODE_EXPIRED');
      await card.locator('.member-code').click();
      const fresh = await codeReplacing(page, card, old);
      expect(await staffFinds(fresh)).toBe(memberId);
      expect(await staffFinds(old)).toBe('CODE_EXPIRED');
    } finally {
      await clock(null);
    }
  });

  it('sends a member who left on another device to the join page when the code is refreshed, and the old code no longer works', async () => {
    const { openid, page, card } = await cardOfNewMember('left-elsewhere');
    const old = await shownCode(card);
    expect(await stage.fn('member', { action: 'delete', confirm: true }, openid)).toMatchObject({ ok: true });
    await card.locator('.member-code').click();
    await onPage(page, 'join');
    expect(await staffFinds(old)).toBe('CODE_EXPIRED');
  });
});
