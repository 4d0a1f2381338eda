import { fireEvent, render } from '@testing-library/react';
import type { BirthdayGift } from '../../../cloudfunctions/contract';
import { prop } from '../../../tests/ui/support/dom';
import { BIRTHDAY_COUPON, birthday } from '../../../tests/ui/support/coupons';
import { BirthdayBanner } from './index';

/** the fixture's birthday is 2026-11-26; its window opens on 11-23 */
function show(gift: BirthdayGift, over: { claiming?: boolean; justClaimed?: boolean; today?: string } = {}) {
  const onClaim = jest.fn();
  const onOpenWallet = jest.fn();
  const { container } = render(
    <BirthdayBanner
      gift={gift}
      claiming={over.claiming ?? false}
      justClaimed={over.justClaimed ?? false}
      onClaim={onClaim}
      onOpenWallet={onOpenWallet}
      today={over.today ?? '2026-11-26'}
    />,
  );
  const one = (selector: string) => container.querySelector(selector)?.textContent ?? null;
  return { container, one, onClaim, onOpenWallet, button: () => container.querySelector('taro-button-core') as HTMLElement };
}

describe('the birthday banner', () => {
  it('while the gift can be claimed it wishes a happy birthday, names the gift and offers 领取', () => {
    const { one, button, onClaim } = show(birthday());
    expect(one('.birthday-banner__title')).toBe('生日快乐🎂');
    expect(one('.birthday-banner__sub')).toBe('生日礼券 ¥20 可领取');
    expect(button().textContent).toBe('领取');
    fireEvent.click(button());
    expect(onClaim).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['2026-11-23', '生日快到啦🎂'],
    ['2026-11-25', '生日快到啦🎂'],
    ['2026-11-26', '生日快乐🎂'],
    ['2026-12-03', '生日快乐🎂'],
  ])('on %s (birthday 2026-11-26) it says %s', (today, title) => {
    expect(show(birthday(), { today }).one('.birthday-banner__title')).toBe(title);
    expect(show(birthday({ state: 'claimed', coupon: BIRTHDAY_COUPON }), { today, justClaimed: true }).one('.birthday-banner__title')).toBe(title);
  });

  it('a birthday window across the new year compares whole dates', () => {
    const window = { birthdayOn: '2027-01-01', opensAt: '2026-12-28T16:00:00.000Z', closesAt: '2027-01-08T16:00:00.000Z' };
    expect(show(birthday({ window }), { today: '2026-12-30' }).one('.birthday-banner__title')).toBe('生日快到啦🎂');
    expect(show(birthday({ window }), { today: '2027-01-02' }).one('.birthday-banner__title')).toBe('生日快乐🎂');
  });

  it('without a date given it reads today in Shanghai: 16:00 UTC on the 25th is already the 26th there', () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-25T15:59:00.000Z') });
    try {
      const before = render(<BirthdayBanner gift={birthday()} claiming={false} justClaimed={false} onClaim={jest.fn()} onOpenWallet={jest.fn()} />);
      expect(before.container.querySelector('.birthday-banner__title')?.textContent).toBe('生日快到啦🎂');
      before.unmount();
      jest.setSystemTime(Date.parse('2026-11-25T16:00:00.000Z'));
      const on = render(<BirthdayBanner gift={birthday()} claiming={false} justClaimed={false} onClaim={jest.fn()} onOpenWallet={jest.fn()} />);
      expect(on.container.querySelector('.birthday-banner__title')?.textContent).toBe('生日快乐🎂');
    } finally {
      jest.useRealTimers();
    }
  });

  it('a gift the tier has no coupon face for still reads plainly', () => {
    expect(show(birthday({ gift: null })).one('.birthday-banner__sub')).toBe('生日礼券可领取');
  });

  it('while the claim is under way the button says so and ignores taps', () => {
    const { button, onClaim } = show(birthday(), { claiming: true });
    expect(button().textContent).toBe('领取中…');
    expect(prop<boolean>(button(), 'disabled')).toBe(true);
    fireEvent.click(button());
    expect(onClaim).not.toHaveBeenCalled();
  });

  it('just claimed, it says 已领取 · 去看看 and a tap opens the wallet', () => {
    const { one, container, onOpenWallet } = show(birthday({ state: 'claimed', coupon: BIRTHDAY_COUPON }), { justClaimed: true });
    expect(one('.birthday-banner__go')).toBe('已领取 · 去看看');
    expect(container.querySelector('taro-button-core')).toBeNull();
    fireEvent.click(container.querySelector('.birthday-banner') as HTMLElement);
    expect(onOpenWallet).toHaveBeenCalledTimes(1);
  });

  it('claimed earlier in the window, it says 生日礼券已领取 with the coupon’s validity and leads to the wallet', () => {
    const { one, container, onOpenWallet } = show(birthday({ state: 'claimed', coupon: BIRTHDAY_COUPON }));
    expect(one('.birthday-banner__title')).toBe('生日礼券已领取');
    expect(one('.birthday-banner__sub')).toBe('2026-12-26 23:59 前有效');
    expect(one('.birthday-banner__go')).toBe('去看看 ›');
    fireEvent.click(container.querySelector('.birthday-banner') as HTMLElement);
    expect(onOpenWallet).toHaveBeenCalledTimes(1);
  });

  it('claimed this year with no coupon here (it went with a membership the shopper left): no banner, not a way to an empty wallet', () => {
    expect(show(birthday({ state: 'claimed', coupon: null })).container.innerHTML).toBe('');
  });

  it.each<BirthdayGift['state']>(['outside', 'noBirthday'])('%s: no banner at all', (state) => {
    expect(show(birthday({ state, window: null, gift: null })).container.innerHTML).toBe('');
  });
});
