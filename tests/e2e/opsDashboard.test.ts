import type { Page } from 'playwright-core';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { onPage, startStage, TEST_TIMEOUT_MS, type Stage } from './support/app';
import { clock, MANAGER, storeWeeks } from './support/opsStore';

jest.setTimeout(TEST_TIMEOUT_MS * 6);

/** Waits until `count` chart canvases are on the page and each has painted at least `min` pixels (none: the library drew nothing). */
async function chartsPainted(page: Page, count: number, min = 2_000): Promise<void> {
  await page.waitForFunction(
    ([n, least]) => {
      const canvases = Array.from(document.querySelectorAll('canvas.ops-chart')) as HTMLCanvasElement[];
      return (
        canvases.length === n &&
        canvases.every((canvas) => {
          if (canvas.width === 0 || canvas.height === 0) return false;
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1;
          return painted >= least;
        })
      );
    },
    [count, min] as const,
  );
}

/**
 * 门店看板 and 经营预警 in the H5 build as S001's manager (issue 19, parts 3 and 4), after five weeks
 * of the store made through the gateway and the signed till: the figures as text, each F2 chart
 * painted on its canvas, the same page in a 1280-wide browser, and the alert the night raised
 * marked handled once.
 */
describe('the store dashboard in a browser', () => {
  let stage: Stage;
  let weeks: { joined: number; alertsRaised: number };
  beforeAll(async () => {
    stage = await startStage();
    weeks = await storeWeeks(stage);
  });
  afterAll(async () => {
    await clock(stage, null).catch(() => undefined);
    await stage?.close();
  });

  it('a manager on a phone sees the store’s figures as text and every chart drawn by the chart library', async () => {
    const phone = await stage.open(pageUrl('opsDashboard', { openid: MANAGER }));
    const dash = await onPage(phone, 'opsDashboard');
    await dash.getByText('悦衣库 上海静安店').waitFor();
    const joined30 = await stage.fn('ops', { action: 'dashboard', days: 30 }, MANAGER);
    expect(joined30).toMatchObject({ ok: true, data: { signups: { viaClerks: expect.any(Number) }, coupons: { used: expect.any(Number) } } });
    const d = joined30.data;
    await dash.getByText(`共 ${d.signups.total} 人入会：门店码 ${d.signups.viaStore} 人，店员码 ${d.signups.viaClerks} 人`, { exact: false }).waitFor();
    await dash.getByText(`核销 ${d.coupons.used} 张`, { exact: false }).waitFor();
    await dash.getByText('1 条经营预警待处理').waitFor();
    expect(d.signups.total).toBeGreaterThan(40);
    expect(d.coupons.used).toBeGreaterThan(10);
    // the new members, the tiers and the coupons charts (no NPS answers yet: that part says so instead)
    await chartsPainted(phone, 3);
    await dash.getByText('所选天数内还没有会员评价本店').waitFor();

    await dash.getByText('近7天').click();
    await dash.getByText(/^共 \d+ 人入会/).waitFor();
    const week = await stage.fn('ops', { action: 'dashboard', days: 7 }, MANAGER);
    await dash.getByText(`共 ${week.data.signups.total} 人入会`, { exact: false }).waitFor();
  });

  it('in a 1280-wide desktop browser the page is a readable column with the four figures in one row', async () => {
    const desktop = await stage.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    try {
      const page = await desktop.newPage();
      await page.goto(`${stage.server.url}#${pageUrl('opsDashboard', { openid: MANAGER })}`);
      const dash = await onPage(page, 'opsDashboard');
      await dash.locator('.ops-kpi').first().waitFor();
      const boxes = await dash.locator('.ops-kpi').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), width: r.width })));
      expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
      const column = await dash.locator('.ops-dashboard').evaluate((e) => e.getBoundingClientRect().width);
      expect(column).toBeLessThanOrEqual(960);
      await chartsPainted(page, 3);
    } finally {
      await desktop.close();
    }
  });

  it('the alert the night raised is on 经营预警, and marking it handled moves it to 已处理', async () => {
    expect(weeks.alertsRaised).toBe(1);
    const phone = await stage.open(pageUrl('opsAlerts', { openid: MANAGER }));
    const alerts = await onPage(phone, 'opsAlerts');
    await alerts.getByText('新会员骤降').first().waitFor();
    await alerts.getByText(/新入会 1 人，前 4 周同为周.平均/).waitFor();
    await alerts.getByText('标记已处理').click();
    await alerts.getByText('没有待处理的预警').waitFor();
    await alerts.getByText('已处理').click();
    await alerts.getByText(/林店长 于 .* 标记已处理/).waitFor();
    expect(await stage.fn('ops', { action: 'alerts' }, MANAGER)).toMatchObject({ ok: true, data: { open: 0 } });
  });
});
