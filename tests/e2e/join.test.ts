import { pageUrl } from '../../cloudfunctions/contract/pages';
import {
  decodeCode128,
  decodeQr,
  enroll,
  joinRoute,
  loadedImage,
  newOpenid,
  onPage,
  pickBirthday,
  recordApiRequests,
  recordCalls,
  settled,
  shownCode,
  STAFF,
  startStage,
  STORE_NAME,
  TEST_TIMEOUT_MS,
  type FnCall,
  type Stage,
} from './support/app';

jest.setTimeout(TEST_TIMEOUT_MS);

describe('joining from a store QR code', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await startStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('shows the join gifts before agreeing, joins at the scanned store, greets with the coupons now in the wallet and shows a till code that staff resolve to this member, as QR code, barcode and digits', async () => {
    const openid = newOpenid('accept');
    const page = await stage.open(joinRoute(openid));

    const join = await settled(page);
    await join.locator('.join__store-name', { hasText: STORE_NAME }).waitFor();
    // what joining brings, before the shopper agrees to anything
    await join.getByText(/首单8折/).first().waitFor();
    await join.getByText('同意并继续').click();
    await join.getByText(`立即入会 · ${STORE_NAME}`).click();

    // the card opens the welcome over itself at once: wait for that page, not the card under it
    const welcome = await onPage(page, 'receipt');
    await welcome.getByText('欢迎加入').first().waitFor();
    await welcome.getByText('首单8折').first().waitFor();
    await welcome.getByText('开始使用').click();
    const card = await onPage(page, 'card');
    // 本单可用 beside the code: the welcome coupon is what the till takes now
    await card.locator('.member-code__at-till', { hasText: '首单8折' }).waitFor();
    const qr = await loadedImage(card.locator('.member-code__qr'));
    const bar = await loadedImage(card.locator('.member-code__bar'));
    const digits = await shownCode(card);
    const [qrText, barText] = [decodeQr(await qr.screenshot()), decodeCode128(await bar.screenshot())];

    // the member the gateway knows for this shopper
    const mine = await stage.fn('member', { action: 'card' }, openid);
    expect(mine).toMatchObject({ ok: true, data: { homeStore: { storeId: 'S001', name: STORE_NAME } } });

    expect(qrText).toMatch(/^\d{18}$/);
    expect(barText).toBe(qrText);
    expect(digits).toBe(qrText);

    const lookup = await stage.fn('staff', { action: 'lookup', code: qrText }, STAFF);
    expect(lookup).toMatchObject({ ok: true, data: { member: { memberId: mine.data.memberId, tierName: '探索者' } } });
    // the card names the same member number
    await card.locator('.tier-card__fact', { hasText: mine.data.memberId.replace(/(.{4})(?=.)/g, '$1 ') }).waitFor();
  });

  it('sends nothing personal before the shopper agrees: only the card check and the store name', async () => {
    const openid = newOpenid('consent');
    let calls: FnCall[] = [];
    let requests: string[] = [];
    const page = await stage.open(joinRoute(openid), {
      prepare: (p) => {
        calls = recordCalls(p);
        requests = recordApiRequests(p);
      },
    });

    const join = await settled(page);
    await join.getByText('同意并继续').waitFor();
    expect(calls.map((c) => c.body)).toEqual([{ action: 'card' }, { action: 'store', storeId: 'S001' }]);
    expect(requests.every((r) => r === 'POST /api/fn/member')).toBe(true);

    // agreeing moves to the optional profile; still nothing is sent until the shopper joins
    await join.getByText('同意并继续').click();
    await join.getByText(/^立即入会/).waitFor();
    expect(calls).toHaveLength(2);

    await join.getByText(/^立即入会/).click();
    // the card opens the welcome over itself as soon as it has the member: wait for that page, not the card under it
    await onPage(page, 'receipt');
    const enrolls = calls.filter((c) => c.body.action === 'enroll');
    expect(enrolls).toEqual([{ fn: 'member', body: expect.objectContaining({ storeId: 'S001', privacyAccepted: true }) }]);
    expect(calls.findIndex((c) => c.body.action === 'enroll')).toBe(2);
  });

  it('takes a member who opens the join link again straight to their card', async () => {
    const openid = newOpenid('again');
    const { memberId } = await enroll(stage, openid);
    let calls: FnCall[] = [];
    const page = await stage.open(joinRoute(openid), { prepare: (p) => (calls = recordCalls(p)) });

    const card = await onPage(page, 'card');
    await card.locator('.tier-card__fact', { hasText: memberId.replace(/(.{4})(?=.)/g, '$1 ') }).waitFor();
    await loadedImage(card.locator('.member-code__qr'));
    expect(calls.some((c) => c.body.action === 'enroll' || c.body.action === 'store')).toBe(false);
    expect(await page.getByText('同意并继续').count()).toBe(0);
  });

  it('tells a shopper whose code names an unknown store so, and the preview button leads to the demo store', async () => {
    const openid = newOpenid('unknown');
    const page = await stage.open(joinRoute(openid, 'scene=s%3DS999'));

    const join = await settled(page);
    const alert = join.locator('.join__nostore[role="alert"]');
    await alert.getByText('没有找到这家门店').waitFor();
    await alert.getByText(/S999.*不存在或已停止营业/).waitFor();

    await alert.getByText('在演示门店加入（预览）').click();
    await join.locator('.join__store-name', { hasText: STORE_NAME }).waitFor();
    await join.getByText('同意并继续').waitFor();
    expect((await stage.fn('member', { action: 'card' }, openid)).error.code).toBe('NOT_MEMBER');
  });

  it('asks a shopper who arrives without a store code to scan one', async () => {
    const page = await stage.open(pageUrl('join', { openid: newOpenid('nostore') }));
    const join = await settled(page);
    await join.locator('.join__nostore').getByText('请扫描门店的会员二维码').waitFor();
    await join.getByText(/在悦衣库任一门店的收银台或试衣间/).waitFor();
    expect(await join.getByText('同意并继续').count()).toBe(0);
  });

  it('sends a shopper who is not a member from the card to the join page', async () => {
    const openid = newOpenid('stranger');
    const page = await stage.open(pageUrl('card', { openid }));
    const join = await onPage(page, 'join');
    await join.getByText('请扫描门店的会员二维码').waitFor();
    expect((await stage.fn('member', { action: 'card' }, openid)).error.code).toBe('NOT_MEMBER');
  });

  it('shows the nickname and birthday given on joining on the card and the me page', async () => {
    const openid = newOpenid('profile');
    const page = await stage.open(joinRoute(openid));
    const join = await settled(page);
    await join.getByText('同意并继续').click();
    await join.locator('.join__profile input.weui-input').fill('小雅');
    await pickBirthday(page, join, '02-03');
    await join.locator('.birthday-picker__value', { hasText: /^2月3日$/ }).waitFor();
    await join.getByText(/^立即入会/).click();

    // the card opens the welcome over itself at once: wait for that page, not the card under it
    const welcome = await onPage(page, 'receipt');
    await welcome.getByText('欢迎加入，小雅').waitFor();
    await welcome.getByText('开始使用').click();
    const card = await onPage(page, 'card');
    await card.locator('.tier-card__name', { hasText: '小雅' }).waitFor();

    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    const me = await onPage(page, 'me');
    await me.locator('.me__name', { hasText: '小雅' }).waitFor();
    await me.locator('.me__head', { hasText: '生日 2月3日' }).waitFor();
    await me.locator('.me__head').click();
    const form = await onPage(page, 'profile');
    await form.locator('.birthday-picker__value', { hasText: /^2月3日$/ }).waitFor();
    expect(await form.locator('input.weui-input').inputValue()).toBe('小雅');

    const profile = await stage.fn('member', { action: 'profile' }, openid);
    expect(profile).toMatchObject({ ok: true, data: { nickname: '小雅', birthday: '02-03' } });
  });
});
