import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { enroll, newOpenid, onPage, shownCode, startStage, TEST_TIMEOUT_MS, type Stage } from './support/app';

jest.setTimeout(TEST_TIMEOUT_MS * 2);

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
/** NPS_SHOTS=<dir> keeps screenshots of the NPS question and the manager's page (phone, and 1280 wide) for a person to judge. */
const SHOTS = process.env.NPS_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, scale: 'css', fullPage: true });
}

/** NPS (issue 19): the shopper answers under the till's receipt, the store's manager sees it. */
describe('NPS in the app', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await startStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  const till = async (...args: string[]) => (await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', ...args, '--url', stage.server.url], { cwd: ROOT })).stdout;

  it('a shopper paid at the till rates the visit 3 with a reason, hears the store will call back; the manager sees the score, the clerk\'s and the masked reason', async () => {
    const openid = newOpenid('nps');
    await enroll(stage, openid, { nickname: '王小美' });
    const page = await stage.open(pageUrl('card', { openid }));
    const card = await onPage(page, 'card');
    await card.locator('.member-code__digits').waitFor();
    const code = await shownCode(card);
    // the clerk scans the code first: the answer is credited to them
    expect(await stage.fn('staff', { action: 'lookup', code }, 'staff-S001')).toMatchObject({ ok: true });
    await till('--store', 'S001', '--code', code, '--amount', '399.00', '--order', `E2E-${openid}`);

    const receipt = await onPage(page, 'receipt');
    const question = receipt.locator('.nps');
    await question.getByText('你有多大可能向朋友推荐悦衣库？').waitFor();
    await shot(page, 'nps-question');
    await question.getByLabel('3 分').click();
    await question.locator('.nps__reason input').fill('试衣间排队太久，没人招呼');
    await shot(page, 'nps-question-picked');
    await question.getByText('提交评价').click();
    await receipt.getByText('抱歉这次没让你满意').waitFor();
    await receipt.getByText('门店会在 24 小时内联系你，把问题处理好。').waitFor();
    await shot(page, 'nps-thanks-detractor');

    // the store's care list has the call-back
    const todos = await stage.fn('staff', { action: 'todos' }, 'staff-S001');
    expect(todos.data.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'npsDetractor', reason: expect.stringContaining('满意度 3 分：试衣间排队太久，没人招呼') })]));

    // the manager on a phone
    const manager = await stage.open(pageUrl('opsNps', { openid: 'manager-S001' }));
    const ops = await onPage(manager, 'opsNps');
    await ops.locator('.ops-nps__score').getByText('−100').waitFor();
    await ops.getByText('没人招呼').waitFor();
    expect(await ops.locator('.ops-nps__reason-who').first().innerText()).toBe('王**');
    expect(await ops.locator('.ops-nps__clerk').first().innerText()).toContain('林小悦');
    await shot(manager, 'ops-nps-phone');

    // and at a desk, 1280 wide
    await manager.setViewportSize({ width: 1280, height: 900 });
    await ops.getByText('指标说明').waitFor();
    await shot(manager, 'ops-nps-desktop');
  });
});
