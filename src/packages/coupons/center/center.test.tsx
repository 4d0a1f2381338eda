import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionOutput, CenterEntry, ErrorCode } from '../../../../cloudfunctions/contract';
import { prop, withText } from '../../../../tests/ui/support/dom';
import { coupon, type CouponAnswers, entry, fail, ok, programCoupons } from '../../../../tests/ui/support/coupons';
import { recorded, resetTaro, setRouterParams, showPage } from '../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../services/errors';
import CenterPage from './index';

type Claimed = ActionOutput<'coupon', 'claim'>;
const TRIAL = entry('new-arrival-trial');
const DENIM = entry('denim-week', { name: '牛仔周券', value: '¥30', rule: '满¥299可用', stock: { total: null, remaining: null }, limit: { perMember: null, claimed: 0 }, claimUntil: '2026-12-31T15:59:00.000Z' });
const GONE = entry('flash-100', { name: '闪购券', value: '¥100', state: 'outOfStock', stock: { total: 50, remaining: 0 } });
const HELD = entry('vip-night', { name: '会员夜券', state: 'claimed', limit: { perMember: 1, claimed: 1 } });
const CLAIMED: Claimed = { coupon: coupon('new-arrival-trial:m1:1') };

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const ticket = (root: ParentNode, name: string) => withText(root, '.coupon-ticket', name);
const button = (root: ParentNode, name: string) => ticket(root, name).querySelector('taro-button-core') as HTMLElement;

async function open(answers: CouponAnswers = {}, templates: CenterEntry[] = [TRIAL, DENIM, GONE, HELD]) {
  programCoupons({ center: ok({ templates }), ...answers });
  const view = render(<CenterPage />);
  await waitFor(() => expect(view.container.querySelector('.center__list, .center__empty')).not.toBeNull());
  return view;
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('the claim centre lists the campaign coupons', () => {
  it('each shows its ticket, what is left, and the member’s own limit', async () => {
    const { container } = await open();
    const trial = ticket(container, '新品试穿券');
    expect(trial.querySelector('.coupon-ticket__value')?.textContent).toBe('¥50');
    expect(trial.querySelector('.coupon-ticket__validity')?.textContent).toBe('领取后30天内有效');
    expect(trial.querySelector('.center-entry__stock')?.textContent).toBe('剩余 120 张');
    expect(trial.querySelector('.center-entry__limit')?.textContent).toBe('每人限领 1 张 · 已领 0');
    expect(trial.querySelector('.center-entry__until')).toBeNull();
  });

  it('unlimited stock reads 不限量, no limit shows none, and a closing time is given in shop time', async () => {
    const denim = ticket((await open()).container, '牛仔周券');
    expect(denim.querySelector('.center-entry__stock')?.textContent).toBe('不限量');
    expect(denim.querySelector('.center-entry__limit')).toBeNull();
    expect(denim.querySelector('.center-entry__until')?.textContent).toBe('2026-12-31 23:59 截止领取');
  });

  it.each<[string, string, boolean]>([
    ['新品试穿券', '立即领取', false],
    ['会员夜券', '已领取', true],
    ['闪购券', '已抢光', true],
  ])('%s: the button says %s (disabled: %s)', async (name, label, disabled) => {
    const { container } = await open();
    expect(button(container, name).textContent).toBe(label);
    expect(prop<boolean>(button(container, name), 'disabled')).toBe(disabled);
  });

  it('a sold-out coupon is faded; the ones still to be had, and the member’s own, are not', async () => {
    const { container } = await open();
    const dim = (name: string) => ticket(container, name).classList.contains('coupon-ticket--dim');
    expect([dim('闪购券'), dim('新品试穿券'), dim('会员夜券')]).toEqual([true, false, false]);
  });

  it('tapping 已领取 or 已抢光 sends nothing', async () => {
    const { container } = await open();
    fireEvent.click(button(container, '会员夜券'));
    fireEvent.click(button(container, '闪购券'));
    expect(calls('claim')).toEqual([]);
  });

  it('with nothing on offer the centre says so and leads to the wallet', async () => {
    const { container } = await open({}, []);
    await screen.findByText('暂时没有可领取的券');
    fireEvent.click(withText(container, '.center__empty taro-button-core', '查看我的券'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/coupons/index?from=center' }]);
  });
});

describe('claiming a coupon', () => {
  it('立即领取 claims it, says 领取成功, and the entry shows as the centre now reads it', async () => {
    let claimed = false;
    const { container } = await open({
      center: () => ok({ templates: [claimed ? { ...TRIAL, state: 'claimed', limit: { perMember: 1, claimed: 1 }, stock: { total: 500, remaining: 119 } } : TRIAL] }),
      claim: () => {
        claimed = true;
        return ok(CLAIMED);
      },
    });
    fireEvent.click(button(container, '新品试穿券'));
    await waitFor(() => expect(button(container, '新品试穿券').textContent).toBe('已领取'));
    expect(recorded.toasts).toEqual([{ title: '领取成功', icon: 'success' }]);
    expect(recorded.cloudCalls.map((c) => c.data)).toEqual([{ action: 'center' }, { action: 'claim', templateId: 'new-arrival-trial' }, { action: 'center' }]);
    expect(ticket(container, '新品试穿券').querySelector('.center-entry__stock')?.textContent).toBe('剩余 119 张');
    expect(ticket(container, '新品试穿券').querySelector('.center-entry__limit')?.textContent).toBe('每人限领 1 张 · 已领 1');
  });

  it.each<[ErrorCode, string]>([
    ['OUT_OF_STOCK', '来晚了，券已经被领完了'],
    ['LIMIT_REACHED', '你已经领过这张券了'],
    ['NOT_CLAIMABLE', '这张券现在不能领取'],
    ['UNAVAILABLE', ERROR_TEXT.UNAVAILABLE],
  ])('a claim refused with %s says %s and reads the centre again', async (code, text) => {
    const { container } = await open({ claim: fail(code) });
    fireEvent.click(button(container, '新品试穿券'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: text, icon: 'none' }]));
    await waitFor(() => expect(calls('center')).toHaveLength(2));
    await waitFor(() => expect(button(container, '新品试穿券').textContent).toBe('立即领取'));
  });

  it('taps while a claim is under way send no second claim, and the button says 领取中…', async () => {
    let answer: (a: { ok: true; data: Claimed }) => void = () => undefined;
    const { container } = await open({ claim: () => new Promise((resolve) => (answer = resolve)) });
    fireEvent.click(button(container, '新品试穿券'));
    fireEvent.click(button(container, '新品试穿券'));
    expect(button(container, '新品试穿券').textContent).toBe('领取中…');
    fireEvent.click(button(container, '新品试穿券'));
    await act(async () => answer(ok(CLAIMED)));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '领取成功', icon: 'success' }]));
    expect(calls('claim')).toHaveLength(1);
  });

  it('two different coupons can be claimed side by side', async () => {
    const { container } = await open({ claim: ok(CLAIMED) });
    fireEvent.click(button(container, '新品试穿券'));
    fireEvent.click(button(container, '牛仔周券'));
    await waitFor(() => expect(recorded.toasts).toHaveLength(2));
    expect(calls('claim')).toEqual([
      { action: 'claim', templateId: 'new-arrival-trial' },
      { action: 'claim', templateId: 'denim-week' },
    ]);
  });

  it('a member who left meanwhile is sent to join', async () => {
    const { container } = await open({ claim: fail('NOT_MEMBER') });
    fireEvent.click(button(container, '新品试穿券'));
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });
});

describe('the way to the wallet and reading the centre', () => {
  it('查看我的券 opens the wallet', async () => {
    const { container } = await open();
    fireEvent.click(withText(container, '.center__wallet', '查看我的券'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/coupons/index?from=center' }]);
  });

  it('opened from the wallet, 查看我的券 goes back to it', async () => {
    setRouterParams({ from: 'wallet' });
    const { container } = await open();
    fireEvent.click(withText(container, '.center__wallet', '查看我的券'));
    expect(recorded.navigations).toEqual([{ api: 'navigateBack', url: '' }]);
  });

  it('reads again on every show', async () => {
    await open();
    act(() => showPage());
    await waitFor(() => expect(calls('center')).toHaveLength(2));
  });

  it('a centre that cannot be read says why and reads again on retry', async () => {
    let down = true;
    programCoupons({ center: () => (down ? fail('UNAVAILABLE') : ok({ templates: [TRIAL] })) });
    const { container } = render(<CenterPage />);
    await screen.findByText(ERROR_TEXT.UNAVAILABLE);
    down = false;
    fireEvent.click(withText(container, 'taro-button-core', '重新加载'));
    await screen.findByText('新品试穿券');
  });

  it('someone who is not a member is sent to join', async () => {
    programCoupons({ center: fail('NOT_MEMBER') });
    render(<CenterPage />);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });
});
