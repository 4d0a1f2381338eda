import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { type PageName, pageUrl } from '../../../cloudfunctions/contract/pages';
import { launchChromium, phoneContext, SETTLED_PAGE } from '../../support/browser';
import { post, startDevServer, type DevServer } from '../../support/devServer';

// the code readers live with the other shared test support (the local cloud's wxacode test reads QR codes too)
export { decodeCode128, decodeQr } from '../../support/codes';

/** Browser tests drive a whole app: generous per test, but each wait below fails long before. */
export const TEST_TIMEOUT_MS = 45_000;
/** How long one wait for something on screen may take (a cold page shows in ~1 s here). */
const WAIT_MS = 10_000;

/** The store QR code as the platform delivers it to the join page: `scene=s=S001`, URL-encoded. */
export const STORE_SCENE = 'scene=s%3DS001';
export const STORE_NAME = '悦衣库 上海静安店';
export const STAFF = 'staff-S001';

/** A shopper of their own for every page, so no two tests share a member. */
export function newOpenid(tag: string): string {
  return `e2e-${tag}-${randomBytes(4).toString('hex')}`;
}

/** One dev server (temp data dir, free port) and one browser for a test file. */
export interface Stage {
  server: DevServer;
  browser: Browser;
  /**
   * A fresh phone (its own storage) on a page of the app: `route` is the hash route with its query.
   * With `besides`, a second tab in that page's browser instead (shared localStorage, own sessionStorage).
   * With `fakeClock`, the page's timers and Date run on Playwright's clock (at real pace until fast-forwarded).
   * `prepare` runs before the page loads (to listen from its first request on).
   */
  open(route: string, options?: { besides?: Page; fakeClock?: boolean; prepare?: (page: Page) => unknown }): Promise<Page>;
  /** Calls a function through the gateway as `openid`: the envelope. */
  fn(name: string, data: Record<string, unknown>, openid?: string): Promise<any>;
  close(): Promise<void>;
}

export async function startStage(): Promise<Stage> {
  const [started, launched] = await Promise.allSettled([startDevServer(), launchChromium()]);
  if (started.status === 'rejected' || launched.status === 'rejected') {
    // never leave half a stage running
    if (started.status === 'fulfilled') await started.value.stop();
    if (launched.status === 'fulfilled') await launched.value.close();
    throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
  }
  const [server, browser] = [started.value, launched.value];
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async open(route, options = {}) {
      let context = options.besides?.context();
      if (!context) {
        context = await phoneContext(browser);
        contexts.push(context);
        context.setDefaultTimeout(WAIT_MS);
      }
      const page = await context.newPage();
      if (options.fakeClock) await page.clock.install();
      await options.prepare?.(page);
      await page.goto(`${server.url}#${route}`);
      return page;
    },
    async fn(name, data, openid) {
      const { status, body } = await post(`${server.url}api/fn/${name}`, data, openid ? { 'X-OpenId': openid } : {});
      if (status !== 200) throw new Error(`${name}.${String(data.action)} answered HTTP ${status}: ${JSON.stringify(body)}`);
      return body;
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.close().catch(() => undefined);
      await server.stop();
      rmSync(server.dataDir, { recursive: true, force: true });
    },
  };
}

/** The page on top once Taro's slide-in has finished: every lookup is scoped to it (pages below stay in the DOM). */
export async function settled(page: Page): Promise<Locator> {
  const top = page.locator(SETTLED_PAGE);
  await top.waitFor();
  return top;
}

/** Waits until the hash route is the named page's (e.g. 'card': /pages/card/index) and that page has settled. */
export async function onPage(page: Page, name: PageName): Promise<Locator> {
  const path = pageUrl(name);
  await page.waitForURL((url) => url.hash.split('?')[0] === `#${path}`);
  const top = page.locator(SETTLED_PAGE);
  await page.locator(`${SETTLED_PAGE}[id^="${path}?"]`).waitFor();
  // after switchTab from a page outside the tab bar (join → card) the new page is stationed at once,
  // while the old one slides out to the right on top of it for 300 ms: wait until it is off screen
  await page.waitForFunction(() => {
    const pages = Array.from(document.querySelectorAll('.taro_router > .taro_page'));
    return pages.slice(0, -1).every((p) => {
      const r = p.getBoundingClientRect();
      return r.width === 0 || r.height === 0 || r.left >= window.innerWidth || r.right <= 0;
    });
  });
  return top;
}

/** A tab page shown (again): tab pages stay in the DOM in their first order, so the shown one is the one without the shade. */
export async function shownTab(page: Page, name: PageName): Promise<Locator> {
  const shown = page.locator(`.taro_router > .taro_page[id^="${pageUrl(name)}?"]:not(.taro_page_shade)`);
  await shown.waitFor();
  return shown;
}

/** The join link of the S001 store QR code for this shopper. */
export function joinRoute(openid: string, scene = STORE_SCENE): string {
  return `${pageUrl('join')}?${scene}&openid=${openid}`;
}

/** Joins the programme through the gateway (set-up for tests about other pages). */
export async function enroll(stage: Stage, openid: string, extra: Record<string, unknown> = {}): Promise<{ memberId: string }> {
  const answer = await stage.fn('member', { action: 'enroll', storeId: 'S001', privacyAccepted: true, ...extra }, openid);
  if (!answer.ok) throw new Error(`enroll failed: ${JSON.stringify(answer)}`);
  return answer.data.member;
}

/** The function calls a page makes: function name and the body it sent. */
export interface FnCall {
  fn: string;
  body: Record<string, unknown>;
}

/** Records every call the page makes to the gateway's functions, in order. */
export function recordCalls(page: Page): FnCall[] {
  const calls: FnCall[] = [];
  page.on('request', (request: Request) => {
    const match = /\/api\/fn\/([^/?#]+)/.exec(request.url());
    if (!match || request.method() !== 'POST') return;
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(request.postData() ?? '{}');
    } catch {
      body = { unparsed: request.postData() };
    }
    calls.push({ fn: match[1]!, body });
  });
  return calls;
}

/** Every request the page sends to the dev gateway (any /api/ route), as "METHOD path". */
export function recordApiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) seen.push(`${request.method()} ${url.pathname}`);
  });
  return seen;
}

/** Goes through the join page from the agree step to the card, optionally with a nickname. */
export async function joinThroughPage(page: Page, options: { nickname?: string } = {}): Promise<Locator> {
  const join = await settled(page);
  await join.getByText('同意并继续').click();
  if (options.nickname) await join.locator('.join__profile input.weui-input').fill(options.nickname);
  await join.getByText(/^立即入会/).click();
  // the card greets a new member once (a page over it, opened as soon as the card has the member: wait for that page, not the card under it), with the gifts now in the wallet: read, then 开始使用
  const welcome = await onPage(page, 'receipt');
  await welcome.getByText('首单8折').first().waitFor();
  await welcome.getByText('开始使用').click();
  const card = await onPage(page, 'card');
  return card;
}

/** Taro's H5 showModal box while one is up (the `.taro__modal` wrapper itself has no size; its box does). */
export function visibleModal(page: Page): Locator {
  return page.locator('.taro__modal .taro-modal__content').filter({ visible: true });
}

/** Taro's H5 showModal: waits for it and presses its confirm button. */
export async function confirmModal(page: Page, expectTitle?: string): Promise<void> {
  const modal = visibleModal(page);
  await modal.waitFor();
  if (expectTitle) await modal.locator('.taro-modal__title', { hasText: expectTitle }).waitFor();
  await modal.locator('.taro-model__confirm').click();
  await modal.waitFor({ state: 'hidden' });
}

/**
 * Picks "MM-DD" in the BirthdayPicker on `scope`: Taro's H5 picker selects the row that is tapped
 * and shows two rows either side of the selected one, so it taps its way along each column, then 确定.
 */
export async function pickBirthday(page: Page, scope: Locator, monthDay: string): Promise<void> {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  await scope.locator('.birthday-picker').click();
  // every Picker on the pages in the DOM has its own sheet: the open one is the visible one
  const sheet = page.locator('.weui-picker').filter({ visible: true });
  await sheet.waitFor();
  const columns = sheet.locator('.weui-picker__group');
  await tapToRow(page, columns.nth(0), `${month}月`);
  await tapToRow(page, columns.nth(1), `${day}日`);
  await sheet.locator('.weui-picker__action', { hasText: '确定' }).click();
  await sheet.waitFor({ state: 'hidden' });
}

async function tapToRow(page: Page, column: Locator, label: string): Promise<void> {
  const row = column.locator('.weui-picker__item').getByText(label, { exact: true });
  const indicator = column.locator('.weui-picker__indicator');
  const content = column.locator('.weui-picker__content');
  for (let step = 0; step < 20; step += 1) {
    const [target, band, box] = await Promise.all([row.boundingBox(), indicator.boundingBox(), column.boundingBox()]);
    if (!target || !band || !box) throw new Error(`the picker has no row ${label}`);
    const rows = Math.round((target.y + target.height / 2 - (band.y + band.height / 2)) / band.height);
    if (rows === 0) return;
    // the sheet shows two rows either side of the selected one: tap at most two rows away
    const hop = Math.max(-2, Math.min(2, rows));
    const slid = content.evaluate(
      (el) => new Promise<void>((resolve) => {
        el.addEventListener('transitionend', () => resolve(), { once: true });
        setTimeout(resolve, 600);
      }),
    );
    await page.mouse.click(box.x + box.width / 2, band.y + band.height / 2 + hop * band.height);
    await slid;
  }
  throw new Error(`could not bring ${label} to the picker's indicator`);
}

/**
 * Waits for a Taro <Image> (its inner <img>) to have loaded a picture; with `replacing`, one other
 * than that src (Taro's Image sets its <img> a frame after the page's own elements change).
 */
export async function loadedImage(scope: Locator, replacing?: string): Promise<Locator> {
  const img = scope.locator('img');
  await img.waitFor();
  await img.evaluate(
    (el: HTMLImageElement, old) =>
      new Promise<void>((resolve, reject) => {
        // no named inner functions: tsx (the screenshots script) would wrap them in a helper the page lacks
        const poll = setInterval(() => {
          if (el.src !== '' && el.src !== old && el.complete && el.naturalWidth > 0) {
            clearInterval(poll);
            resolve();
          }
        }, 20);
        el.addEventListener('error', () => reject(new Error('the code image failed to load')), { once: true });
      }),
    replacing ?? null,
  );
  return img;
}

/** The src of a Taro <Image>'s picture right now. */
export function imageSrc(scope: Locator): Promise<string> {
  return scope.locator('img').evaluate((el: HTMLImageElement) => el.src);
}

/** The code the card shows right now (the digits under the barcode, spaces removed). */
export async function shownCode(card: Locator): Promise<string> {
  const digits = await card.locator('.member-code__digits').innerText();
  return digits.replace(/\s+/g, '');
}
