import { fireEvent, render } from '@testing-library/react';
import { prop } from '../../../tests/ui/support/dom';
import { coupon, entry, reward, WELCOME } from '../../../tests/ui/support/coupons';
import { CouponTicket, TicketAction, type TicketCoupon } from './index';

function show(c: TicketCoupon, extra: { action?: JSX.Element; children?: JSX.Element } = {}) {
  const { container } = render(
    <CouponTicket coupon={c} action={extra.action}>
      {extra.children}
    </CouponTicket>,
  );
  const one = (selector: string) => container.querySelector(selector)?.textContent ?? null;
  const root = container.querySelector('.coupon-ticket') as HTMLElement;
  return { container, root, one };
}

describe('a ticket shows the coupon as the function wrote it', () => {
  it('the value big on the stub with its rule, then the name, the notes and how long it is good for', () => {
    const { one, container } = show(WELCOME);
    expect(one('.coupon-ticket__value')).toBe('8折');
    expect(one('.coupon-ticket__rule')).toBe('全场通用，无门槛');
    expect(one('.coupon-ticket__name')).toBe('首单8折券');
    expect(Array.from(container.querySelectorAll('.coupon-ticket__note'), (n) => n.textContent)).toEqual(['仅限首单使用', '最多优惠¥300']);
    expect(one('.coupon-ticket__validity')).toBe('2026-11-28 23:59 前有效');
  });

  it('a coupon about to expire is marked 即将过期', () => {
    expect(show(WELCOME).one('.coupon-ticket__soon')).toBe('即将过期');
    expect(show(coupon('c1')).one('.coupon-ticket__soon')).toBeNull();
  });

  it('a coupon without notes shows no empty notes block', () => {
    expect(show(coupon('c1', { notes: [] })).container.querySelector('.coupon-ticket__notes')).toBeNull();
  });

  it('claim-centre entries and point rewards, which have no wallet status, read as usable offers', () => {
    for (const offer of [entry('new-arrival-trial'), reward('points-20')]) {
      const { root, container } = show(offer);
      expect(root.getAttribute('data-status')).toBe('available');
      expect(container.querySelector('.coupon-ticket__stamp')).toBeNull();
    }
  });
});

describe('a spent coupon looks spent', () => {
  it('a used coupon is greyed and stamped 已使用, with when it was used', () => {
    const { root, one } = show(coupon('c1', { status: 'used', validityText: '已于2026-11-25使用', usedAt: '2026-11-25T04:00:00.000Z' }));
    expect(root.classList.contains('coupon-ticket--used')).toBe(true);
    expect(one('.coupon-ticket__stamp')).toBe('已使用');
    expect(one('.coupon-ticket__validity')).toBe('已于2026-11-25使用');
  });

  it.each<[string, string]>([
    ['已过期', '已于2026-12-10 23:59过期'],
    ['首单已完成，此券已失效', '完成首单后失效'],
  ])('an expired coupon is greyed and says how it ended once, in its validity line (not "%s" too): %s', (reason, validityText) => {
    const { root, one, container } = show(coupon('c1', { status: 'expired', endedReason: reason, validityText }));
    expect(root.classList.contains('coupon-ticket--expired')).toBe(true);
    expect(one('.coupon-ticket__validity')).toBe(validityText);
    expect(container.textContent).not.toContain(reason);
    expect(one('.coupon-ticket__stamp')).toBeNull();
  });

  it('a spent coupon is never marked 即将过期', () => {
    expect(show({ ...WELCOME, status: 'expired', validityText: '已于2026-11-28 23:59过期' }).one('.coupon-ticket__soon')).toBeNull();
    expect(show({ ...WELCOME, status: 'used' }).one('.coupon-ticket__soon')).toBeNull();
  });
});

describe('the ticket’s button and extra lines', () => {
  it('shows the extra lines and the button it is given', () => {
    const onClick = jest.fn();
    const { container, one } = show(entry('t1'), {
      action: <TicketAction label='立即领取' onClick={onClick} />,
      children: <span className='extra'>剩余 120 张</span>,
    });
    expect(one('.coupon-ticket__extra')).toBe('剩余 120 张');
    const button = container.querySelector('taro-button-core.coupon-ticket__btn') as HTMLElement;
    expect(button.textContent).toBe('立即领取');
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('a ticket without a button has no empty button row', () => {
    expect(show(coupon('c1')).container.querySelector('.coupon-ticket__action')).toBeNull();
  });

  it('a button that cannot be used is disabled, says why, and ignores taps', () => {
    const onClick = jest.fn();
    const { container } = render(<TicketAction label='已抢光' tone='off' onClick={onClick} />);
    const button = container.querySelector('taro-button-core') as HTMLElement;
    expect(button.textContent).toBe('已抢光');
    expect(prop<boolean>(button, 'disabled')).toBe(true);
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('a busy button says what is happening and ignores taps until the request ends', () => {
    const onClick = jest.fn();
    const { container } = render(<TicketAction label='立即领取' busy busyLabel='领取中…' onClick={onClick} />);
    const button = container.querySelector('taro-button-core') as HTMLElement;
    expect(button.textContent).toBe('领取中…');
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });
});
