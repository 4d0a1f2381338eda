import type { Locator, Page } from 'playwright-core';
import { pageUrl } from '../../cloudfunctions/contract/pages';
import { confirmModal, enroll, newOpenid, onPage, pickBirthday, startStage, TEST_TIMEOUT_MS, visibleModal, type Stage } from './support/app';

jest.setTimeout(TEST_TIMEOUT_MS);

/** The member's own page (profile row, the privacy policy, leaving) and 编辑资料 and 消息与隐私设置 (marketing consent), opened from it. */
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
    await me.locator('.me__head', { hasText: '编辑资料' }).waitFor();
    return { openid, page, me };
  }

  /** 我的 → its profile row → 编辑资料, the form loaded. */
  async function editProfile(page: Page, me: Locator): Promise<Locator> {
    await me.locator('.me__head').click();
    const form = await onPage(page, 'profile');
    await form.locator('.profile__save', { hasText: '资料已是最新' }).waitFor();
    return form;
  }

  const tab = (page: Page, name: '会员卡' | '我的') => page.locator('.weui-tabbar__item', { hasText: name }).click();
  const saveButton = (form: Locator) => form.locator('.profile__save');

  it('saves a new nickname on 编辑资料, which 我的 shows on coming back and the card after switching tabs', async () => {
    const { openid, page, me } = await mePageOfNewMember('nickname', { nickname: '阿青' });
    await me.locator('.me__name', { hasText: '阿青' }).waitFor();
    const form = await editProfile(page, me);
    const input = form.locator('.form-row', { hasText: '昵称' }).locator('input');
    expect(await input.inputValue()).toBe('阿青');

    await input.fill('青青子衿');
    await saveButton(form).getByText('保存资料').click();
    await saveButton(form).getByText('资料已是最新').waitFor();

    await page.goBack();
    const back = await onPage(page, 'me');
    await back.locator('.me__name', { hasText: '青青子衿' }).waitFor();

    await tab(page, '会员卡');
    const card = await onPage(page, 'card');
    await card.locator('.tier-card__name', { hasText: '青青子衿' }).waitFor();
    expect(await stage.fn('member', { action: 'profile' }, openid)).toMatchObject({ ok: true, data: { nickname: '青青子衿' } });
  });

  it('turns marketing messages on and off on 消息与隐私设置, each change adding an entry to the consent record', async () => {
    const { openid, page, me } = await mePageOfNewMember('marketing');
    const history = async () => (await stage.fn('member', { action: 'consent' }, openid)).data.history.length as number;
    const before = await history();
    await me.locator('.me__link-row', { hasText: '消息与隐私设置' }).click();
    const settings = await onPage(page, 'privacySettings');
    const row = settings.locator('.privacy-settings__row', { hasText: '接收新品与优惠消息' });
    const newest = settings.locator('.privacy-settings__consent-what').first();

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

    // its 隐私政策 row opens the policy, and back comes to the settings as they were
    await settings.locator('.privacy-settings__row--link', { hasText: /^隐私政策版本 / }).click();
    await (await onPage(page, 'privacyPolicy')).getByText('悦衣会员隐私政策').waitFor();
    await page.goBack();
    await (await onPage(page, 'privacySettings')).getByText(/^已关闭/).waitFor();
  });

  it('sets a birthday after a confirmation, then shows it locked until it may change again', async () => {
    const { openid, page, me } = await mePageOfNewMember('birthday');
    await me.locator('.me__head', { hasText: '未设置生日' }).waitFor();
    const form = await editProfile(page, me);
    await form.getByText('生日只需月和日').waitFor();

    await pickBirthday(page, form, '04-03');
    await saveButton(form).getByText('保存资料').click();
    await confirmModal(page, '确认生日');

    await form.getByText(/起可再次修改。$/).waitFor();
    await form.locator('.birthday-picker--disabled', { hasText: '4月3日' }).waitFor();
    const profile = await stage.fn('member', { action: 'profile' }, openid);
    expect(profile).toMatchObject({ ok: true, data: { birthday: '04-03' } });
    // the date named is the one the server gives, as the shop reads it (Asia/Shanghai)
    const from = new Date(new Date(profile.data.birthdayEditableFrom).getTime() + 8 * 3600_000);
    await form.getByText(`${from.getUTCFullYear()}年${from.getUTCMonth() + 1}月${from.getUTCDate()}日起可再次修改`).waitFor();

    await page.goBack();
    const back = await onPage(page, 'me');
    await back.locator('.me__head', { hasText: '生日 4月3日' }).waitFor();
  });

  it('opens the privacy policy on its own page and comes back', async () => {
    const { page, me } = await mePageOfNewMember('policy');

    await me.locator('.me__link-row', { hasText: '隐私政策' }).click();
    const policy = await onPage(page, 'privacyPolicy');
    await policy.getByText('悦衣会员隐私政策').waitFor();
    await policy.locator('.policy__version', { hasText: /^版本 / }).waitFor();
    await policy.getByText('六、联系我们').waitFor();

    await page.goBack();
    await (await onPage(page, 'me')).locator('.me__link-row', { hasText: '隐私政策' }).waitFor();
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
