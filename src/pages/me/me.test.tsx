import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionOutput, ErrorCode } from '../../../cloudfunctions/contract';
import { emit, prop, typeInto } from '../../../tests/ui/support/dom';
import { CARD, CONSENT, fail, type MemberAnswers, ok, PROFILE, programMember } from '../../../tests/ui/support/member';
import { answerModals, hidePage, recorded, resetTaro, showPage } from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import MePage from './index';

type Profile = ActionOutput<'member', 'profile'>;

/** The profile writes the page sent (the reads are `{ action: 'profile' }` alone). */
const saves = () => recorded.cloudCalls.filter((c) => c.data.action === 'profile' && Object.keys(c.data).length > 1).map((c) => c.data);

async function open(profile: Partial<Profile> = {}, answers: MemberAnswers = {}) {
  const stored = { ...PROFILE, ...profile };
  programMember({
    card: ok(CARD),
    consent: ok(CONSENT),
    // a read answers the stored profile; a write answers it changed
    profile: (data) => {
      const { action: _action, ...changes } = data;
      return ok({ ...stored, ...changes } as Profile);
    },
    ...answers,
  });
  const view = render(<MePage />);
  await screen.findByText('个人资料');
  const save = () => view.container.querySelector('taro-button-core.me__save') as HTMLElement;
  return {
    ...view,
    save,
    nickname: () => view.container.querySelector('taro-input-core') as HTMLElement,
    picker: () => view.container.querySelector('taro-picker-core') as HTMLElement,
    problem: () => view.container.querySelector('.me__problem[role="alert"]')?.textContent ?? null,
    canSave: () => prop<boolean>(save(), 'disabled') === false,
  };
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('the profile form saves only what changed', () => {
  it('reads card, profile and consent when the page shows', async () => {
    await open();
    expect(recorded.cloudCalls.map((c) => c.data)).toEqual([{ action: 'card' }, { action: 'profile' }, { action: 'consent' }]);
  });

  it('save is off until something changes, and off again when the change is undone', async () => {
    const page = await open({ nickname: '小雨' });
    expect(page.canSave()).toBe(false);
    expect(page.save().textContent).toBe('资料已是最新');

    typeInto(page.nickname(), '小雪');
    expect(page.canSave()).toBe(true);
    expect(page.save().textContent).toBe('保存资料');

    typeInto(page.nickname(), ' 小雨 ');
    expect(page.canSave()).toBe(false);
  });

  it.each<[string, string | null, string, Record<string, unknown>]>([
    ['a new nickname', '小雨', '小雪', { nickname: '小雪' }],
    ['a nickname typed with spaces', '小雨', '  小雪  ', { nickname: '小雪' }],
    ['a cleared nickname is sent as null', '小雨', '', { nickname: null }],
    ['a first nickname', null, '小雪', { nickname: '小雪' }],
  ])('%s', async (_name, stored, typed, sent) => {
    const page = await open({ nickname: stored });
    typeInto(page.nickname(), typed);
    fireEvent.click(page.save());
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '已保存', icon: 'success' }]));
    expect(saves()).toEqual([{ action: 'profile', ...sent }]);
    expect(recorded.modals).toEqual([]);
    // what was saved is now what the form holds: nothing left to save
    expect(page.canSave()).toBe(false);
  });

  it('a nickname the card cannot show is stopped on the phone', async () => {
    const page = await open();
    typeInto(page.nickname(), '\u3164');
    fireEvent.click(page.save());
    expect(page.problem()).toBe('昵称不能只有空格或看不见的字符');
    expect(saves()).toEqual([]);
  });
});

describe('a birthday change is confirmed first, because it is locked for 12 months', () => {
  it('asks, naming the new birthday, and sends nothing when the member cancels', async () => {
    const page = await open({ birthday: '05-20' });
    answerModals(false);
    emit(page.picker(), 'change', { value: [2, 7] });
    expect(page.canSave()).toBe(true);
    fireEvent.click(page.save());
    await waitFor(() => expect(recorded.modals).toHaveLength(1));
    expect(recorded.modals[0]?.content).toContain('生日将设为 3月8日');
    expect(recorded.modals[0]?.content).toContain('12 个月内不能再修改');
    await new Promise((r) => setTimeout(r, 20));
    expect(saves()).toEqual([]);
    expect(page.canSave()).toBe(true);
  });

  it('a birthday picked but not confirmed is put back when the page shows again, the wheel on the stored month', async () => {
    const page = await open({ birthday: '05-20' });
    answerModals(false);
    emit(page.picker(), 'columnchange', { column: 0, value: 1 });
    emit(page.picker(), 'change', { value: [1, 7] });
    fireEvent.click(page.save());
    await waitFor(() => expect(recorded.modals).toHaveLength(1));

    act(() => hidePage());
    act(() => showPage());
    await waitFor(() => expect(page.canSave()).toBe(false));
    expect(page.container.querySelector('.birthday-picker')?.textContent).toContain('5月20日');
    expect(prop<number[]>(page.picker(), 'value')).toEqual([4, 19]);
    expect(prop<string[][]>(page.picker(), 'range')[1]).toHaveLength(31);
    expect(saves()).toEqual([]);
  });

  it.each<[string, string | null]>([
    ['changing it', '05-20'],
    ['setting it the first time', null],
  ])('%s sends the birthday once the member confirms', async (_name, stored) => {
    const page = await open({ birthday: stored });
    answerModals(true);
    emit(page.picker(), 'change', { value: [1, 28] });
    fireEvent.click(page.save());
    await waitFor(() => expect(saves()).toEqual([{ action: 'profile', birthday: '02-29' }]));
    expect(recorded.modals).toHaveLength(1);
  });

  it.each<[ErrorCode, string]>([
    ['LIMIT_REACHED', '生日设置后 12 个月内不能再修改'],
    ['INVALID_INPUT', '资料格式不正确，请检查昵称和生日'],
    ['UNAVAILABLE', ERROR_TEXT.UNAVAILABLE],
  ])('a refused save (%s) reads: %s', async (code, text) => {
    const page = await open(
      { birthday: '05-20' },
      { profile: (data) => (Object.keys(data).length > 1 ? fail(code) : ok(PROFILE)) },
    );
    emit(page.picker(), 'change', { value: [2, 7] });
    fireEvent.click(page.save());
    await waitFor(() => expect(page.problem()).toBe(text));
    expect(page.container.textContent).not.toContain(code);
  });

  it('a locked birthday cannot be picked and says the day it unlocks (Shanghai calendar)', async () => {
    const page = await open({ birthday: '05-20', birthdayEditableFrom: '2027-03-31T16:30:00.000Z' });
    expect(prop(page.picker(), 'disabled')).toBe(true);
    expect(page.container.textContent).toContain('生日设置后 12 个月内不能再修改，2027年4月1日起可再次修改。');
  });

  it('an open birthday says that once set it is locked for 12 months', async () => {
    const page = await open({ birthday: null, birthdayEditableFrom: null });
    expect(prop(page.picker(), 'disabled')).toBe(false);
    expect(page.container.textContent).toContain('设置生日，领生日礼');
    expect(page.container.textContent).toContain('生日设置后 12 个月内不能再修改');
  });
});

describe('read again on show', () => {
  it('a read that fails when the page shows again keeps the page as it was and says why', async () => {
    let down = false;
    const page = await open({ nickname: '小雨' }, { card: () => (down ? fail('UNAVAILABLE') : ok(CARD)) });
    down = true;
    act(() => showPage());
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: ERROR_TEXT.UNAVAILABLE, icon: 'none' }]));
    expect(page.container.textContent).toContain('个人资料');
    expect(page.container.textContent).toContain('会员号 312345678901');
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
