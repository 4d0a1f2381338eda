import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { BirthdayGift } from '../../../cloudfunctions/contract';
import { withText } from '../../../tests/ui/support/dom';
import { BIRTHDAY_COUPON, birthday, type CouponAnswers, fail, ok, programCoupons } from '../../../tests/ui/support/coupons';
import { deviceAnswer } from '../../../tests/ui/support/card';
import { CARD, type MemberAnswers } from '../../../tests/ui/support/member';
import { recorded, resetTaro, showPage } from '../../../tests/ui/support/taro';
import CardPage from './index';

const CODE = /^67\d{16}$/;
const MEMBER: MemberAnswers = {
  card: ok(CARD),
  device: () => ok(deviceAnswer()),
};
const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);

async function open(answers: CouponAnswers, member: MemberAnswers = MEMBER) {
  programCoupons(answers, member);
  const view = render(<CardPage />);
  await waitFor(() => expect(view.container.querySelector('[data-code]')?.getAttribute('data-code')).toMatch(CODE));
  return view;
}

/** Lets answered calls run to the end, inside act. */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
  });
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('the birthday gift on the card', () => {
  it('is read beside the card, and a gift that never answers holds up neither the card nor the code', async () => {
    const { container } = await open({ birthday: () => new Promise<never>(() => undefined) });
    await waitFor(() => expect(recorded.cloudCalls.map((c) => c.data.action).sort()).toEqual(['birthday', 'card', 'device']));
    expect(container.querySelector('.tier-card')).not.toBeNull();
    expect(container.querySelector('.birthday-banner')).toBeNull();
  });

  it('a claimable gift shows a banner; 领取 claims it, says 领取成功, then 已领取 · 去看看 opens the wallet', async () => {
    const { container } = await open({ birthday: ok(birthday()), claimBirthday: ok({ coupon: BIRTHDAY_COUPON }) });
    await screen.findByText('生日礼券 ¥20 可领取');
    fireEvent.click(withText(container, '.birthday-banner taro-button-core', '领取'));
    await screen.findByText('已领取 · 去看看');
    expect(recorded.toasts).toEqual([{ title: '领取成功', icon: 'success' }]);
    expect(calls('claimBirthday')).toEqual([{ action: 'claimBirthday' }]);
    fireEvent.click(container.querySelector('.birthday-banner') as HTMLElement);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/coupons/index' }]);
  });

  it('just claimed, then shown again after leaving and joining anew (no coupon of this year’s gift now): no banner', async () => {
    let gift: BirthdayGift = birthday();
    const { container } = await open({ birthday: () => ok(gift), claimBirthday: ok({ coupon: BIRTHDAY_COUPON }) });
    fireEvent.click(await waitFor(() => withText(container, '.birthday-banner taro-button-core', '领取')));
    await screen.findByText('已领取 · 去看看');
    // shown again with the same coupon: still the one just claimed
    gift = birthday({ state: 'claimed', coupon: BIRTHDAY_COUPON });
    act(() => showPage());
    await settle();
    expect(container.querySelector('.birthday-banner__go')?.textContent).toBe('已领取 · 去看看');
    gift = birthday({ state: 'claimed', coupon: null });
    act(() => showPage());
    await waitFor(() => expect(container.querySelector('.birthday-banner')).toBeNull());
  });

  it('a second tap while claiming sends no second claim', async () => {
    let answer: (a: ReturnType<typeof ok<{ coupon: typeof BIRTHDAY_COUPON }>>) => void = () => undefined;
    const { container } = await open({ birthday: ok(birthday()), claimBirthday: () => new Promise((resolve) => (answer = resolve)) });
    const button = await waitFor(() => withText(container, '.birthday-banner taro-button-core', '领取'));
    fireEvent.click(button);
    fireEvent.click(button);
    await screen.findByText('领取中…');
    await act(async () => answer(ok({ coupon: BIRTHDAY_COUPON })));
    await screen.findByText('已领取 · 去看看');
    expect(calls('claimBirthday')).toHaveLength(1);
  });

  it('a refused claim says why and shows the gift as it now stands', async () => {
    let gift: BirthdayGift = birthday();
    const { container } = await open({ birthday: () => ok(gift), claimBirthday: () => ((gift = birthday({ state: 'outside', window: null })), fail('NOT_CLAIMABLE')) });
    fireEvent.click(await waitFor(() => withText(container, '.birthday-banner taro-button-core', '领取')));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '现在不在生日礼券的领取时间内', icon: 'none' }]));
    await waitFor(() => expect(container.querySelector('.birthday-banner')).toBeNull());
  });

  it('a gift claimed earlier in the window says 生日礼券已领取 and leads to the wallet', async () => {
    const { container } = await open({ birthday: ok(birthday({ state: 'claimed', coupon: BIRTHDAY_COUPON })) });
    await screen.findByText('生日礼券已领取');
    fireEvent.click(container.querySelector('.birthday-banner') as HTMLElement);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/coupons/index' }]);
  });

  it('a refused claim (LIMIT_REACHED: this year’s gift went with an earlier membership) leaves no banner to an empty wallet', async () => {
    let gift: BirthdayGift = birthday();
    const { container } = await open({ birthday: () => ok(gift), claimBirthday: () => ((gift = birthday({ state: 'claimed', coupon: null })), fail('LIMIT_REACHED')) });
    fireEvent.click(await waitFor(() => withText(container, '.birthday-banner taro-button-core', '领取')));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '今年的生日礼券已经领过了', icon: 'none' }]));
    await waitFor(() => expect(container.querySelector('.birthday-banner')).toBeNull());
  });

  it.each<[string, CouponAnswers['birthday']]>([
    ['claimed this year but with no coupon here (a membership the shopper left)', ok(birthday({ state: 'claimed', coupon: null }))],
    ['outside the window', ok(birthday({ state: 'outside', window: null }))],
    ['with no birthday on record', ok(birthday({ state: 'noBirthday', birthday: null, window: null, gift: null }))],
    ['when the gift cannot be read', fail('INTERNAL')],
  ])('%s there is no banner and nothing else is said', async (_name, answer) => {
    const { container } = await open({ birthday: answer });
    await settle();
    expect(container.querySelector('.birthday-banner')).toBeNull();
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(recorded.toasts).toEqual([]);
  });

  it('is read again each time the card shows', async () => {
    let gift: BirthdayGift = birthday({ state: 'outside', window: null });
    await open({ birthday: () => ok(gift) });
    gift = birthday();
    act(() => showPage());
    await screen.findByText('生日礼券 ¥20 可领取');
  });
});

describe('the coupon links under the code', () => {
  it.each([
    ['我的券', '/packages/coupons/index'],
    ['领券中心', '/packages/coupons/center/index'],
  ])('%s opens %s', async (name, url) => {
    const { container } = await open({ birthday: fail('INTERNAL') });
    // the rows under the code come a frame after it
    await waitFor(() => expect(container.querySelector('.card-page__links')).not.toBeNull());
    fireEvent.click(withText(container, '.card-page__link', name));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url }]);
  });

  it('they sit below the member code, and come a frame after it: the code is on the first frame, and keeps its place', async () => {
    const { container } = await open({ birthday: fail('INTERNAL') });
    await waitFor(() => expect(container.querySelector('.card-page__links')).not.toBeNull());
    const order = Array.from(container.querySelectorAll('.tier-card, .card-page__code, .birthday-banner, .card-page__links'), (el) => el.className.split(' ')[0]);
    expect(order).toEqual(['tier-card', 'card-page__code', 'card-page__links']);
  });

  it('the birthday banner shows above the fold, in the fixed-height line above the code (in place of the tier line): it never pushes the code down', async () => {
    const { container } = await open({ birthday: ok(birthday()) });
    expect(container.querySelector('.card-page__slot .card-page__progress')).not.toBeNull();
    await screen.findByText('生日礼券 ¥20 可领取');
    const order = Array.from(container.querySelectorAll('.tier-card, .card-page__code, .birthday-banner, .card-page__links'), (el) => el.className.split(' ')[0]);
    expect(order).toEqual(['tier-card', 'birthday-banner', 'card-page__code', 'card-page__links']);
    expect(container.querySelector('.card-page__slot .birthday-banner')).not.toBeNull();
    // the tier line moves under the code
    expect(container.querySelector('.card-page__below .card-page__progress')?.textContent).toBe(`${CARD.next!.text}›`);
  });
});
