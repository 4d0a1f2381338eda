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
/** BOOKING_SHOTS=<dir> keeps phone-sized screenshots of 造型师1对1 for a person to judge. */
const SHOTS = process.env.BOOKING_SHOTS;
const STYLIST = 'stylist-S001';

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, scale: 'css', fullPage: true });
}

/** Tomorrow in Shanghai as the slot keys name it (YYYYMMDD), on the dev server's clock. */
async function tomorrowKey(stage: Stage): Promise<{ day: string; at2pm: string }> {
  const clock = (await (await fetch(`${stage.server.url}api/dev/clock`)).json()) as { data: { now: string } };
  const shanghai = new Date(Date.parse(clock.data.now) + 8 * 3_600_000 + 86_400_000);
  const ymd = shanghai.toISOString().slice(0, 10);
  return { day: ymd.replaceAll('-', ''), at2pm: new Date(`${ymd}T14:00:00+08:00`).toISOString() };
}

/**
 * 造型师1对1 with two phones (issue 18): a 成长者 books tomorrow's 14:00 with the stylist at the
 * home store; the stylist sees the booking with what the member asked for in 我的预约时段 and, once
 * the hour comes, marks it 已完成; the member's 我的预约 says so.
 */
describe('a stylist 1v1, on two phones', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await startStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('a 成长者 books a slot, the stylist sees it in the staff pages and marks it done', async () => {
    const openid = newOpenid('booking');
    await enroll(stage, openid, { nickname: '小悦' });
    const code = (await stage.fn('member', { action: 'code' }, openid)).data.code as string;
    // ¥1,000 in one quarter makes a 成长者
    await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', '--store', 'S001', '--code', code, '--amount', '1000', '--url', stage.server.url], { cwd: ROOT });
    const { day, at2pm } = await tomorrowKey(stage);
    const published = await stage.fn('benefits', { action: 'publishSlots', day, start: '14:00', minutes: 45, count: 2 }, STYLIST);
    expect(published).toMatchObject({ ok: true });

    const phone = await stage.open(pageUrl('booking', { openid }));
    const booking = await onPage(phone, 'booking');
    await booking.getByText('成长者 · 造型师1对1').waitFor();
    await booking.locator('.choice-chip', { hasText: '14:00–14:45 陈造型' }).click();
    await booking.locator('.choice-chip', { hasText: '面试' }).click();
    await booking.locator('.form-row__input input').first().fill('1500');
    await shot(phone, 'booking-picked');
    await booking.locator('.booking-submit').getByText('预约', { exact: true }).click();
    const mine = booking.locator('.booking-mine');
    await mine.getByText('想解决：面试 · 预算 ¥1,500').waitFor();
    await mine.getByText('预约前一天提醒我').waitFor();
    await shot(phone, 'booking-booked');

    const stylistPhone = await stage.open(pageUrl('staffSlots', { openid: STYLIST }));
    const slots = await onPage(stylistPhone, 'staffSlots');
    await slots.locator('.choice-chip', { hasText: '明天' }).click();
    const card = slots.locator('.slot-card--booked');
    await card.getByText('小悦 · 成长者').waitFor();
    await card.getByText('想解决：面试 · 预算 ¥1,500').waitFor();
    await card.getByText('开始前 30 分钟起可标记 已完成 / 未到店').waitFor();
    await shot(stylistPhone, 'staff-slots-booked');

    // the hour of the visit
    const clock = await fetch(`${stage.server.url}api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: at2pm }) });
    expect(clock.status).toBe(200);
    await stylistPhone.reload();
    // the shop's today is the day of the visit now (the page's days come from the server's clock)
    const again = await onPage(stylistPhone, 'staffSlots');
    await again.locator('.slot-card--booked').getByText('已完成', { exact: true }).click();
    await again.locator('.slot-card--booked .slot-card__head').getByText('已完成').waitFor();
    await shot(stylistPhone, 'staff-slots-done');

    await phone.reload();
    const after = await onPage(phone, 'booking');
    await after.locator('.booking-card--past').getByText(/14:00–14:45 · 已完成$/).waitFor();
  });
});
