import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionOutput } from '../../../cloudfunctions/contract';
import { CARD, CONSENT, fail, type MemberAnswers, ok, PROFILE, programMember } from '../../../tests/ui/support/member';
import { answerModals, programFunction, recorded, resetTaro, showPage } from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import MePage from './index';

type Profile = ActionOutput<'member', 'profile'>;

async function open(profile: Partial<Profile> = {}, answers: MemberAnswers = {}) {
  const stored = { ...PROFILE, ...profile };
  programMember({
    card: ok(CARD),
    consent: ok(CONSENT),
    // a read answers the stored profile; a write answers it changed
    profile: ok(stored),
    ...answers,
  });
  const view = render(<MePage />);
  await screen.findByText('编辑资料 ›');
  return { ...view, head: () => view.container.querySelector('.me__head') as HTMLElement };
}

const row = (container: HTMLElement, name: string) =>
  Array.from(container.querySelectorAll<HTMLElement>('.me__link-row')).find((el) => el.querySelector('.me__row-title')?.textContent === name) as HTMLElement;

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('the profile is one row at the top; editing it is a page of its own', () => {
  it('reads card and profile when the page shows (the consent record is read on 消息与隐私设置)', async () => {
    await open();
    expect(recorded.cloudCalls.map((c) => [c.name, c.data])).toEqual([
      ['member', { action: 'card' }],
      ['member', { action: 'profile' }],
      // whether the caller is on a store's staff (导购助手)
      ['staff', { action: 'me' }],
    ]);
  });

  it('shows the nickname, tier, member number and birthday, and opens 编辑资料 on a tap', async () => {
    const page = await open({ nickname: '小雨', birthday: '05-20' });
    expect(page.head().textContent).toContain('小雨');
    expect(page.head().textContent).toContain('会员号 312345678901');
    expect(page.head().textContent).toContain('生日 5月20日');
    expect(page.container.querySelector('taro-input-core')).toBeNull();
    fireEvent.click(page.head());
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/profile/index' }]);
    expect(recorded.cloudCalls.filter((c) => c.data.action === 'profile' && Object.keys(c.data).length > 1)).toEqual([]);
  });

  it('with no nickname or birthday it says so, the initial standing in for the avatar', async () => {
    const page = await open({ nickname: null, birthday: null, avatar: null });
    expect(page.head().textContent).toContain('悦衣会员');
    expect(page.head().textContent).toContain('未设置生日');
    expect(page.container.querySelector('.me__avatar--initial')?.textContent).toBe('悦');
  });

  it('what 编辑资料 saved shows when the member comes back (read again on show)', async () => {
    let nickname = '小雨';
    const page = await open({}, { profile: () => ok({ ...PROFILE, nickname }) });
    expect(page.head().textContent).toContain('小雨');
    nickname = '小雪';
    act(() => showPage());
    await waitFor(() => expect(page.head().textContent).toContain('小雪'));
  });

  it('a read that fails when the page shows again keeps the page as it was and says why', async () => {
    let down = false;
    const page = await open({ nickname: '小雨' }, { card: () => (down ? fail('UNAVAILABLE') : ok(CARD)) });
    down = true;
    act(() => showPage());
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: ERROR_TEXT.UNAVAILABLE, icon: 'none' }]));
    expect(page.container.textContent).toContain('小雨');
    expect(page.container.textContent).toContain('会员号 312345678901');
  });
});

describe('消息与隐私 is two rows, each opening its page', () => {
  it.each([
    ['消息与隐私设置', '新品消息、授权记录 ›', '/packages/privacy/settings/index'],
    ['隐私政策', '查看全文 ›', '/packages/privacy/policy/index'],
  ])('%s opens %s', async (name, note, url) => {
    const { container } = await open();
    const link = row(container, name);
    expect(link.textContent).toBe(`${name}${note}`);
    expect(link.getAttribute('role')).toBe('link');
    fireEvent.click(link);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url }]);
  });

  it('has no switch of its own: the marketing choice is made on 消息与隐私设置', async () => {
    const { container } = await open();
    expect(container.querySelector('taro-switch-core')).toBeNull();
  });
});

describe('who may see the page', () => {
  it('someone who has not joined is sent to the join page', async () => {
    programMember({ card: fail('NOT_MEMBER'), profile: fail('NOT_MEMBER'), consent: fail('NOT_MEMBER') });
    render(<MePage />);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });
});

describe('the member’s coupons are a tap away', () => {
  it.each([
    ['我的券', '/packages/coupons/index'],
    ['领券中心', '/packages/coupons/center/index'],
  ])('%s opens %s', async (name, url) => {
    const { container } = await open();
    const row = Array.from(container.querySelectorAll<HTMLElement>('.me__link-row')).find((el) => el.querySelector('.me__row-title')?.textContent === name);
    fireEvent.click(row as HTMLElement);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url }]);
  });
});

describe('inviting friends', () => {
  it('邀请好友 is a plain link to the invite page, with no count or badge, and reads nothing here', async () => {
    const { container } = await open();
    const row = Array.from(container.querySelectorAll<HTMLElement>('.me__link-row')).find((el) => el.querySelector('.me__row-title')?.textContent === '邀请好友');
    expect(row?.textContent).toBe('邀请好友规则与进度 ›');
    fireEvent.click(row as HTMLElement);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/invite/index' }]);
    expect(recorded.cloudCalls.filter((c) => c.name === 'referral')).toEqual([]);
  });
});

describe('my style', () => {
  it.each([
    ['风格测试', '/packages/style/quiz/index'],
    ['我的风格档案', '/packages/style/profile/index'],
    ['我的衣橱', '/packages/style/wardrobe/index'],
    ['今日穿搭', '/packages/style/outfits/index'],
    ['导购为你搭配', '/packages/style/outfits/lists/index'],
  ])('%s opens %s, and nothing of the style function is read here', async (name, url) => {
    const { container } = await open();
    const row = Array.from(container.querySelectorAll<HTMLElement>('.me__link-row')).find((el) => el.querySelector('.me__row-title')?.textContent === name);
    fireEvent.click(row as HTMLElement);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url }]);
    expect(recorded.cloudCalls.filter((c) => c.name === 'style')).toEqual([]);
  });
});

describe('the member’s data', () => {
  it('导出我的数据 opens the page that shows it, and reads nothing here', async () => {
    const { container } = await open();
    const row = Array.from(container.querySelectorAll<HTMLElement>('.me__link-row')).find((el) => el.querySelector('.me__row-title')?.textContent === '导出我的数据');
    fireEvent.click(row as HTMLElement);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/privacy/export/index' }]);
    expect(recorded.cloudCalls.filter((c) => c.data.action === 'export')).toEqual([]);
  });
});

describe('leaving the programme', () => {
  it('the dialog says what is deleted and that the one-time gifts are not given again, and 再想想 sends nothing', async () => {
    const { container } = await open();
    answerModals(false);
    const row = Array.from(container.querySelectorAll<HTMLElement>('.me__link-row')).find((el) => el.querySelector('.me__row-title')?.textContent === '退出会员并删除数据');
    fireEvent.click(row as HTMLElement);
    await waitFor(() => expect(recorded.modals).toHaveLength(1));
    expect(recorded.modals[0]).toMatchObject({
      title: '退出会员',
      content: '退出后，你的资料、积分、会员等级和优惠券将被删除且无法恢复；再次入会不会重新发放新人礼券和今年的生日礼券。确定退出吗？',
      confirmText: '确定退出',
      cancelText: '再想想',
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(recorded.cloudCalls.filter((c) => c.data.action === 'leave')).toEqual([]);
  });
});

describe('导购助手 shows in 我的 for store staff only', () => {
  const CLERK = { name: '林小悦', role: 'clerk' as const, storeId: 'S001', storeName: '悦衣库 上海静安店' };

  it('a member who is not on the staff sees no 导购助手 row', async () => {
    programFunction('staff', () => ok({ staff: null }));
    const page = await open();
    await waitFor(() => expect(recorded.cloudCalls.some((c) => c.name === 'staff')).toBe(true));
    expect(row(page.container, '导购助手')).toBeUndefined();
  });

  it('a clerk who is a member sees the row under their profile, and it opens the workbench', async () => {
    programFunction('staff', () => ok({ staff: CLERK }));
    const page = await open();
    const entry = await waitFor(() => row(page.container, '导购助手') ?? Promise.reject(new Error('no row yet')));
    expect(entry.textContent).toContain('悦衣库 上海静安店 · 林小悦');
    fireEvent.click(entry);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/staff/index' }]);
  });

  it('a clerk who is not a member stays on 我的 with the 导购助手 row alone, and is not sent to join', async () => {
    programMember({ card: fail('NOT_MEMBER'), profile: fail('NOT_MEMBER') });
    programFunction('staff', () => ok({ staff: CLERK }));
    const { container } = render(<MePage />);
    await screen.findByText('导购助手');
    expect(container.querySelectorAll('.me__link-row')).toHaveLength(1);
    expect(recorded.navigations).toEqual([]);
  });

  it('a shopper who is neither is sent to join, as before', async () => {
    programMember({ card: fail('NOT_MEMBER'), profile: fail('NOT_MEMBER') });
    programFunction('staff', () => ok({ staff: null }));
    render(<MePage />);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });
});
