import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { enroll, newOpenid, onPage, startStage, TEST_TIMEOUT_MS, type Stage } from './support/app';

jest.setTimeout(TEST_TIMEOUT_MS * 2);

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
/** EVENTS_SHOTS=<dir> keeps phone-sized screenshots of the 私享会 pages for a person to judge. */
const SHOTS = process.env.EVENTS_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, scale: 'css', fullPage: true });
}

/**
 * 私享会 with two phones (issue 18): a 忠诚者 signs up for the demo event at S001 and opens the
 * pass; on the evening the manager checks them in by the member code; the list says so.
 */
describe('a private event, on two phones', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await startStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  const code = async (openid: string) => (await stage.fn('member', { action: 'code' }, openid)).data.code as string;

  it('a 忠诚者 signs up, opens the pass, and is checked in by the manager typing the member code', async () => {
    const openid = newOpenid('events');
    await enroll(stage, openid, { nickname: '小雅' });
    // ¥3,000.01 in the last 12 months makes a 忠诚者
    await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', '--store', 'S001', '--code', await code(openid), '--amount', '3000.01', '--url', stage.server.url], { cwd: ROOT });

    const phone = await stage.open(pageUrl('events', { openid }));
    const events = await onPage(phone, 'events');
    const card = events.locator('.event-card', { hasText: '冬季新品私享会·围巾的十种系法' });
    await card.locator('.event-card__badge', { hasText: '可报名' }).waitFor();
    await shot(phone, 'events-list');
    await card.getByText('查看详情 ›').click();
    await card.getByText('立即报名').click();
    await card.locator('.event-card__badge', { hasText: '已报名' }).waitFor();
    await shot(phone, 'events-signed-up');
    await card.getByText('查看入场凭证').click();
    await events.getByText('私享会入场凭证').waitFor();
    await shot(phone, 'events-pass');

    // the evening of the event: check-in opens 2 hours before the start
    const clock = await fetch(`${stage.server.url}api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2026-12-20T10:30:00.000Z' }) });
    expect(clock.status).toBe(200);
    const door = await stage.open(pageUrl('staffEvents', { openid: 'manager-S001' }));
    const manager = await onPage(door, 'staffEvents');
    await manager.getByText('冬季新品私享会·围巾的十种系法').click();
    await manager.getByText('已报名（1）').waitFor();
    await manager.locator('.staff-events__code-input input').fill(await code(openid));
    await manager.locator('.staff-events__code-go').click();
    await manager.getByText(/^已签到 18:30$/).waitFor();
    await shot(door, 'staff-events-checked-in');
    const again = await stage.fn('benefits', { action: 'checkIn', eventId: 'S001-demo-salon-1220', code: await code(openid) }, 'manager-S001');
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await manager.getByText('返回活动列表').click();
    await manager.getByText('发布新活动').click();
    await shot(door, 'staff-events-form');
  });
});
