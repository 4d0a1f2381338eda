import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionOutput, ErrorCode } from '../../../cloudfunctions/contract';
import { emit, prop, typeInto } from '../../../tests/ui/support/dom';
import { fail, type MemberAnswers, ok, PROFILE, programMember } from '../../../tests/ui/support/member';
import { answerModals, hidePage, recorded, resetTaro, showPage } from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import ProfilePage from './index';

type Profile = ActionOutput<'member', 'profile'>;

/** The profile writes the page sent (the reads are `{ action: 'profile' }` alone). */
const saves = () => recorded.cloudCalls.filter((c) => c.data.action === 'profile' && Object.keys(c.data).length > 1).map((c) => c.data);

async function open(profile: Partial<Profile> = {}, answers: MemberAnswers = {}) {
  const stored = { ...PROFILE, ...profile };
  programMember({
    // a read answers the stored profile; a write answers it changed
    profile: (data) => {
      const { action: _action, ...changes } = data;
      return ok({ ...stored, ...changes } as Profile);
    },
    ...answers,
  });
  const view = render(<ProfilePage />);
  await screen.findByText(/资料已是最新|保存资料/);
  const save = () => view.container.querySelector('taro-button-core.profile__save') as HTMLElement;
  return {
    ...view,
    save,
    nickname: () => view.container.querySelector('taro-input-core') as HTMLElement,
    picker: () => view.container.querySelector('taro-picker-core') as HTMLElement,
    problem: () => view.container.querySelector('.profile__problem[role="alert"]')?.textContent ?? null,
    canSave: () => prop<boolean>(save(), 'disabled') === false,
  };
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('the profile form saves only what changed', () => {
  it('reads the profile alone when the page shows', async () => {
    await open();
    expect(recorded.cloudCalls.map((c) => c.data)).toEqual([{ action: 'profile' }]);
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
    const page = await open({ nickname: '小雨' }, { profile: () => (down ? fail('UNAVAILABLE') : ok({ ...PROFILE, nickname: '小雨' })) });
    down = true;
    act(() => showPage());
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: ERROR_TEXT.UNAVAILABLE, icon: 'none' }]));
    expect(prop<string>(page.nickname(), 'value')).toBe('小雨');
    expect(page.save().textContent).toBe('资料已是最新');
  });
});

describe('who may see the page', () => {
  it('someone who has not joined is sent to the join page', async () => {
    programMember({ profile: fail('NOT_MEMBER') });
    render(<ProfilePage />);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });

  it('a first read that fails says why, with a retry', async () => {
    programMember({ profile: fail('UNAVAILABLE') });
    const { container } = render(<ProfilePage />);
    await waitFor(() => expect(container.textContent).toContain(ERROR_TEXT.UNAVAILABLE));
  });
});
