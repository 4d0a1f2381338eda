import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { typeInto, withText } from '../../../tests/ui/support/dom';
import { fail, ok } from '../../../tests/ui/support/member';
import { programFunction, recorded, resetTaro } from '../../../tests/ui/support/taro';
import { CounterCoupons } from './CounterCoupons';

const CODE = '660000000000000001';
const COUPONS = {
  member: { memberId: '100000000001', nickname: '小雅', tierName: '探索者' },
  codeExpiresAt: '2026-11-25T02:01:00.000Z',
  coupons: [{ couponId: 'c1', name: '满300减50', value: '¥50', rule: '满¥300可用', validUntilText: '2026-12-25 23:59 前有效', validUntil: '2026-12-25T15:59:59.999Z' }],
};

function mount(answers: Record<string, (data: Record<string, unknown>) => unknown>) {
  programFunction('staff', async ({ data }) => answers[data.action as string]?.(data) ?? fail('INTERNAL'));
  return render(<CounterCoupons code={CODE} />);
}
const staffCalls = () => recorded.cloudCalls.filter((c) => c.name === 'staff').map((c) => c.data);

beforeEach(() => resetTaro());

describe('the counter coupon check (柜台查券)', () => {
  it("lists the member's usable coupons for the code it was given", async () => {
    mount({ counterCoupons: () => ok(COUPONS) });
    expect(await screen.findByText('满300减50')).toBeTruthy();
    expect(screen.getByText(/满¥300可用/)).toBeTruthy();
    expect(staffCalls()).toEqual([{ action: 'counterCoupons', code: CODE }]);
  });

  it('says so when there is nothing to use', async () => {
    mount({ counterCoupons: () => ok({ ...COUPONS, coupons: [] }) });
    expect(await screen.findByText('这位会员现在没有可用的券')).toBeTruthy();
  });

  it('shows a plain error with a way to try again', async () => {
    let down = true;
    const view = mount({ counterCoupons: () => (down ? fail('CODE_EXPIRED') : ok(COUPONS)) });
    await screen.findByText('没能加载出来');
    down = false;
    fireEvent.click(withText(view.container, 'taro-button-core', '重新加载'));
    expect(await screen.findByText('满300减50')).toBeTruthy();
  });

  it('uses a coupon against the order number typed, and tells the clerk it is done', async () => {
    const view = mount({ counterCoupons: () => ok(COUPONS), useCouponAtCounter: (d) => ok({ couponId: d.couponId, name: '满300减50', orderNo: d.orderNo, usedAt: '2026-11-25T02:00:10.000Z' }) });
    await screen.findByText('满300减50');
    fireEvent.click(withText(view.container, 'taro-button-core', '使用这张券'));
    typeInto(view.container.querySelector('taro-input-core'), 'R-1001');
    fireEvent.click(withText(view.container, 'taro-button-core', '确认使用'));
    expect(await screen.findByText('已使用，单号 R-1001')).toBeTruthy();
    expect(staffCalls()[1]).toEqual({ action: 'useCouponAtCounter', code: CODE, couponId: 'c1', orderNo: 'R-1001' });
    expect(recorded.toasts.map((t) => t.title)).toContain('已用「满300减50」，单号 R-1001');
  });

  it('asks for an order number before sending anything', async () => {
    const view = mount({ counterCoupons: () => ok(COUPONS) });
    await screen.findByText('满300减50');
    fireEvent.click(withText(view.container, 'taro-button-core', '使用这张券'));
    fireEvent.click(withText(view.container, 'taro-button-core', '确认使用'));
    expect(await screen.findByText(/请填写本店的订单号/)).toBeTruthy();
    expect(staffCalls().map((d) => d.action)).toEqual(['counterCoupons']);
  });

  it('tells the clerk in plain words when the till used the coupon first', async () => {
    const view = mount({ counterCoupons: () => ok(COUPONS), useCouponAtCounter: () => fail('NOT_CLAIMABLE') });
    await screen.findByText('满300减50');
    fireEvent.click(withText(view.container, 'taro-button-core', '使用这张券'));
    typeInto(view.container.querySelector('taro-input-core'), 'R-1');
    fireEvent.click(withText(view.container, 'taro-button-core', '确认使用'));
    expect(await screen.findByText(/已被使用（收银台或柜台）/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/已使用，单号/)).toBeNull());
  });
});
