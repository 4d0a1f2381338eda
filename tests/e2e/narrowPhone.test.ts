import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { enroll, newOpenid, onPage, STORE_NAME, startStage, TEST_TIMEOUT_MS, type Stage } from './support/app';

jest.setTimeout(TEST_TIMEOUT_MS);

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/**
 * The smallest phones still about (320 CSS px wide, iPhone SE 1st gen): nothing the shopper needs
 * is cut off, and no date breaks in its middle.
 */
describe('on a 320 px phone', () => {
  let stage: Stage;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    stage = await startStage();
    const openid = newOpenid('narrow');
    await enroll(stage, openid);
    // three purchases, so the history has several lines with their expiry
    for (const [i, amount] of ['399.00', '1299.50', '88.00'].entries()) {
      const { data } = await stage.fn('member', { action: 'code' }, openid);
      await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', '--store', 'S001', '--code', data.code, '--amount', amount, '--order', `N-${openid}-${i}`, '--url', stage.server.url], { cwd: ROOT });
    }
    context = await stage.browser.newContext({ viewport: { width: 320, height: 700 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    await page.goto(`${stage.server.url}#${pageUrl('card', { openid })}`);
  });
  afterAll(async () => {
    await context?.close();
    await stage?.close();
  });

  /**
   * Where each match of `pattern` in the element's text sits (the text may run across several text
   * nodes): how many lines it takes, and whether it lies inside the element's box.
   */
  const placements = (el: Locator, pattern: string) =>
    el.evaluate(
      (root, source) => {
        const nodes: Array<{ node: Text; start: number }> = [];
        let text = '';
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          nodes.push({ node: node as Text, start: text.length });
          text += node.textContent ?? '';
        }
        /** the text node and offset of a position in the whole text (an end position stays in the node it ends) */
        const at = (pos: number, end: boolean) => {
          const hit = [...nodes].reverse().find((n) => (end ? n.start < pos : n.start <= pos))!;
          return { node: hit.node, offset: pos - hit.start };
        };
        const box = root.getBoundingClientRect();
        const out: Array<{ text: string; lines: number; inside: boolean }> = [];
        const re = new RegExp(source, 'g');
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const range = document.createRange();
          const from = at(m.index, false);
          const to = at(m.index + m[0].length, true);
          range.setStart(from.node, from.offset);
          range.setEnd(to.node, to.offset);
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          const r = range.getBoundingClientRect();
          out.push({ text: m[0], lines: new Set(rects.map((x) => Math.round(x.top))).size, inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 });
        }
        return out;
      },
      pattern,
    );

  it('the card shows the home store and the whole join date', async () => {
    const card = await onPage(page, 'card');
    const facts = card.locator('.tier-card__facts');
    await facts.waitFor();
    await expect(facts.innerText()).resolves.toContain(STORE_NAME);
    const dates = await placements(facts, '\\d{4}\\.\\d{2}\\.\\d{2} 入会');
    expect(dates).toEqual([expect.objectContaining({ lines: 1 })]);
    // not cut by an ellipsis: the text fits the box that shows it
    const cut = await card.locator('.tier-card__fact').evaluateAll((els) =>
      els.filter((e) => /入会/.test(e.textContent ?? '') && e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent),
    );
    expect(cut).toEqual([]);
    // and inside the card
    const [cardBox, factsBox] = await Promise.all([card.locator('.tier-card').boundingBox(), facts.boundingBox()]);
    expect(factsBox!.x + factsBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
  });

  it('the points history keeps every date and every "有效期至 …" on one line', async () => {
    await page.locator('.weui-tabbar__item', { hasText: '积分' }).click();
    const points = await onPage(page, 'points');
    await points.locator('.points-line').nth(2).waitFor();
    const whens = points.locator('.points-line__when');
    expect(await whens.count()).toBe(3);
    for (let i = 0; i < 3; i += 1) {
      const pieces = await placements(whens.nth(i), '有效期至 \\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}');
      expect(pieces.map((p) => p.text)).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), expect.stringMatching(/^有效期至 \d{4}-12-31$/)]);
      expect(pieces.filter((p) => p.lines !== 1 || !p.inside)).toEqual([]);
    }
  });

  it('the H5 stand-in for the subscribe dialog has a one-line title', async () => {
    const points = await onPage(page, 'points');
    await points.getByText('开启提醒').click();
    const title = page.locator('.taro__modal .taro-modal__title');
    await title.waitFor({ state: 'visible' });
    const lines = await placements(title, '.+');
    expect(lines).toEqual([expect.objectContaining({ lines: 1, inside: true })]);
    await page.locator('.taro__modal').getByText('拒绝').click();
  });
});
