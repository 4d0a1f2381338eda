import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { enroll, newOpenid, onPage, shownCode, STAFF, startStage, TEST_TIMEOUT_MS, type Stage } from './support/app';

jest.setTimeout(TEST_TIMEOUT_MS * 2);

/** STAFF_SHOTS=<dir> keeps phone-sized screenshots of the staff pages for a person to judge. */
const SHOTS = process.env.STAFF_SHOTS;

async function shot(page: Page, name: string, toastText?: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  // the toast that says what just happened comes a moment after the page changed: let it come and go
  if (toastText) {
    const toast = page.getByText(toastText);
    await toast.waitFor();
    await toast.waitFor({ state: 'hidden' });
  }
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, scale: 'css', fullPage: true });
}

/**
 * 导购助手 with two phones (issue 17): a member shows the code, the clerk of S001 types it on the
 * workbench, notes a complaint, sees the 2-hour call-back and 高关怀, gives the 补偿券 once; the
 * member finds the 补偿券 in 我的券.
 */
describe('a complaint at the counter, on two phones', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await startStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('the clerk looks the member up by code, notes a complaint, gives the 补偿券; the member finds it in 我的券', async () => {
    const openid = newOpenid('staff');
    const { memberId } = await enroll(stage, openid, { nickname: '小雅' });
    const phone = await stage.open(pageUrl('card', { openid }));
    const code = await shownCode(await onPage(phone, 'card'));

    const till = await stage.open(pageUrl('staff', { openid: STAFF }));
    const home = await onPage(till, 'staff');
    await home.getByText('林小悦').waitFor();
    await home.getByText('店员 · 悦衣库 上海静安店').waitFor();
    await shot(till, 'staff-home');
    await home.locator('.staff-home__code-input input').fill(code);
    await home.getByText('查看', { exact: true }).click();

    const member = await onPage(till, 'staffMember');
    await member.locator('.staff-member__name', { hasText: '小雅' }).waitFor();
    await member.getByText('本店会员', { exact: false }).waitFor();
    await member.getByText('顾客投诉').click();
    await member.locator('.staff-note-form__text input').fill('改的裤长短了两厘米，顾客不满意');
    await member.getByText('登记投诉').click();
    await member.getByText('【投诉】改的裤长短了两厘米，顾客不满意').waitFor();
    const callback = member.locator('.staff-todo', { hasText: '投诉回访' });
    await callback.getByText(/前完成$/).waitFor();
    await member.locator('.staff-chip--care', { hasText: '高关怀' }).waitFor();
    await shot(till, 'staff-member-complaint', '已登记投诉');

    await member.getByText('发放补偿券').click();
    await member.getByText('补偿券已发放').waitFor();
    await shot(till, 'staff-member-compensated', '顾客可在「我的券」查看');
    // once per complaint, whoever asks again
    const view = await stage.fn('staff', { action: 'memberView', memberId }, STAFF);
    const again = await stage.fn('staff', { action: 'giveCompensation', complaintId: view.data.notes[0].noteId }, STAFF);
    expect(again).toMatchObject({ ok: true, data: { issuedNow: false } });

    const wallet = await stage.open(pageUrl('wallet', { openid }));
    const coupons = await onPage(wallet, 'wallet');
    await coupons.getByText('补偿券').first().waitFor();
  });

  it('the manager reads the store\'s audit log and the tag groups', async () => {
    const openid = newOpenid('staff-audit');
    const { memberId } = await enroll(stage, openid, { nickname: '阿岚' });
    await stage.fn('staff', { action: 'memberView', memberId, reason: 'followUp' }, STAFF);
    const page = await stage.open(pageUrl('staffAudit', { openid: 'manager-S001' }));
    const audit = await onPage(page, 'staffAudit');
    await audit.locator('.staff-audit__entry', { hasText: '阿岚' }).first().waitFor();
    await shot(page, 'staff-audit');
    const tagsPage = await stage.open(pageUrl('staffTags', { openid: 'manager-S001' }));
    const tags = await onPage(tagsPage, 'staffTags');
    await tags.locator('.staff-tags__row', { hasText: '高关怀' }).getByText('不可删除').waitFor();
    await shot(tagsPage, 'staff-tags');
  });
});
