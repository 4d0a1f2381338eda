import type { Locator, Page } from 'playwright-core';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { confirmModal, enroll, newOpenid, onPage, pickBirthday, startStage, TEST_TIMEOUT_MS, visibleModal, type Stage } from './support/app';

jest.setTimeout(TEST_TIMEOUT_MS);

/** The member's own page: profile, marketing consent, the privacy policy, leaving. */
describe('the me page', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await startStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  async function mePageOfNewMember(tag: string, join: Record<string, unknown> = {}): Promise<{ openid: string; page: Page; me: Locator }> {
    const openid = newOpenid(tag);
    await enroll(stage, openid, join);
    const page = await stage.open(pageUrl('me', { openid }));
    const me = await onPage(page, 'me');
    await me.locator('.me__save', { hasText: '资料已是最新' }).waitFor();
    return { openid, page, me };
  }

  const tab = (page: Page, name: '会员卡' | '我的') => page.locator('.weui-tabbar__item', { hasText: name }).click();
  const saveButton = (me: Locator) => me.locator('.me__save');

  it('saves a new nickname, which the card shows after switching tabs', async () => {
    const { openid, page, me } = await mePageOfNewMember('nickname', { nickname: '阿青' });
    const input = me.locator('.form-row', { hasText: '昵称' }).locator('input');
    expect(await input.inputValue()).toBe('阿青');

    await input.fill('青青子衿');
    await saveButton(me).getByText('保存资料').click();
    await saveButton(me).getByText('资料已是最新').waitFor();
    await me.locator('.me__name', { hasText: '青青子衿' }).waitFor();

    await tab(page, '会员卡');
    const card = await onPage(page, 'card');
    await card.locator('.tier-card__name', { hasText: '青青子衿' }).waitFor();
    expect(await stage.fn('member', { action: 'profile' }, openid)).toMatchObject({ ok: true, data: { nickname: '青青子衿' } });
  });

  it('turns marketing messages on and off, each change adding an entry to the consent record', async () => {
    const { openid, me } = await mePageOfNewMember('marketing');
    const history = async () => (await stage.fn('member', { action: 'consent' }, openid)).data.history.length as number;
    const before = await history();
    const row = me.locator('.me__switch-row');
    const newest = me.locator('.me__consent-what').first();

    await row.locator('input.weui-switch').click();
    await row.getByText('已开启，可随时关闭').waitFor();
    await newest.getByText('同意接收新品与优惠消息').waitFor();
    expect(await history()).toBe(before + 1);

    await row.locator('input.weui-switch').click();
    await row.getByText(/^已关闭/).waitFor();
    await newest.getByText('不接收新品与优惠消息').waitFor();
    const consent = await stage.fn('member', { action: 'consent' }, openid);
    expect(consent.data.history).toHaveLength(before + 2);
    expect(consent.data.marketing.optIn).toBe(false);
  });

  it('sets a birthday after a confirmation, then shows it locked until it may change again', async () => {
    const { openid, page, me } = await mePageOfNewMember('birthday');
    await me.getByText('生日只需月和日').waitFor();

    await pickBirthday(page, me, '04-03');
    await saveButton(me).getByText('保存资料').click();
    await confirmModal(page, '确认生日');

    await me.getByText(/起可再次修改。$/).waitFor();
    await me.locator('.birthday-picker--disabled', { hasText: '4月3日' }).waitFor();
    const profile = await stage.fn('member', { action: 'profile' }, openid);
    expect(profile).toMatchObject({ ok: true, data: { birthday: '04-03' } });
    // the date named is the one the server gives, as the shop reads it (Asia/Shanghai)
    const from = new Date(new Date(profile.data.birthdayEditableFrom).getTime() + 8 * 3600_000);
    await me.getByText(`${from.getUTCFullYear()}年${from.getUTCMonth() + 1}月${from.getUTCDate()}日起可再次修改`).waitFor();
  });

  it('opens the privacy policy in a sheet and closes it again', async () => {
    const { me } = await mePageOfNewMember('policy');
    const sheet = me.locator('.privacy-sheet');

    await me.locator('.me__link-row', { hasText: '隐私政策' }).click();
    await sheet.locator('[role="dialog"][aria-label="悦衣会员隐私政策"]').waitFor();
    await sheet.locator('.privacy-sheet__version', { hasText: /^版本 / }).waitFor();
    await sheet.getByText('我知道了').click();
    await sheet.waitFor({ state: 'detached' });

    // the dimmed backdrop closes it too
    await me.locator('.me__link-row', { hasText: '隐私政策' }).click();
    await sheet.locator('.privacy-sheet__mask').click({ position: { x: 20, y: 20 } });
    await sheet.waitFor({ state: 'detached' });
  });

  it('leaves the programme only after a confirmation, landing on the join page with the member deleted', async () => {
    const { openid, page, me } = await mePageOfNewMember('leave');
    const leave = me.locator('.me__link-row', { hasText: '退出会员并删除数据' });

    // 再想想 keeps everything
    await leave.click();
    const modal = visibleModal(page);
    await modal.locator('.taro-model__cancel', { hasText: '再想想' }).click();
    await modal.waitFor({ state: 'hidden' });
    expect((await stage.fn('member', { action: 'card' }, openid)).ok).toBe(true);

    await leave.click();
    await confirmModal(page, '退出会员');
    const join = await onPage(page, 'join');
    await join.locator('.join__hero').waitFor();
    await join.getByText('请扫描门店的会员二维码').waitFor();
    expect(await stage.fn('member', { action: 'card' }, openid)).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
  });
});
