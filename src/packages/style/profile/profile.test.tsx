import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionInput } from '../../../../cloudfunctions/contract';
import { prop, withText } from '../../../../tests/ui/support/dom';
import { fail, ok } from '../../../../tests/ui/support/member';
import { failWith, programStyle, type StyleAnswers, tagsAnswer, tagsFor } from '../../../../tests/ui/support/styleFunction';
import { mergePreferences } from '../../../../cloudfunctions/domain/style/preferences';
import type { StylePreferences } from '../../../../cloudfunctions/domain/style/records';
import { recorded, resetTaro } from '../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../services/errors';
import ProfilePage from './index';

type Preferences = ActionInput<'style', 'setPreferences'>;
const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const button = (text: string) => withText(document.body, 'taro-button-core', text);
const tag = (code: string) => document.querySelector(`[data-tag="${code}"]`)!;
const values = (code: string) => Array.from(tag(code).querySelectorAll('.profile-tag__value'), (v) => v.textContent);
const TODAY = '2026-11-26T02:00:00.000Z';

/** The profile with a style function that applies preferences as the real one does (the member's own outrank the quiz). */
function open(answers: StyleAnswers = {}, start = tagsFor()) {
  const held = { preferences: {} as StylePreferences, tags: start };
  programStyle({
    tags: () => ok(tagsAnswer(held.tags, held.tags.some((t) => t.source === 'quiz'), held.preferences)),
    setPreferences: (data) => {
      const { action: _action, ...prefs } = data as Preferences & { action: string };
      held.preferences = mergePreferences(held.preferences, prefs, new Date(TODAY)) ?? held.preferences;
      held.tags = tagsFor({ preferences: held.preferences });
      return ok(tagsAnswer(held.tags, true, held.preferences));
    },
    ...answers,
  });
  render(<ProfilePage />);
  return held;
}

function edit(code: string) {
  fireEvent.click(tag(code).querySelector('.profile-tag__edit')!);
}
/** Taps a chip or swatch in the open editor. */
function choose(text: string) {
  const editor = document.querySelector('.profile-editor')!;
  const found = Array.from(editor.querySelectorAll<HTMLElement>('[role="radio"], [role="checkbox"], [role="button"]')).find((el) => el.textContent?.trim() === text || el.getAttribute('aria-label') === text);
  if (!found) throw new Error(`no choice "${text}" in the editor`);
  fireEvent.click(found);
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('我的风格档案', () => {
  it('a member who took part in 新品共创 reads 产品共创型用户 under 会员活动', async () => {
    open({}, [...tagsFor(), { code: 'cocreation', label: '共创参与', group: 'programme', values: ['产品共创型用户'], source: 'programme', updatedAt: TODAY, editable: false }]);
    expect(await screen.findByText('产品共创型用户')).toBeTruthy();
    expect(Array.from(document.querySelectorAll('.profile-group > .section-title'), (t) => t.textContent)).toContain('会员活动');
    expect(tag('cocreation').querySelector('.profile-tag__source')?.textContent).toBe('来自会员活动 · 2026年11月26日');
    expect(tag('cocreation').querySelector('.profile-tag__edit')).toBeNull();
  });

  it('groups the tags, each with its values, where it came from and when', async () => {
    open();
    expect(await screen.findByText('主风格')).toBeTruthy();
    expect(Array.from(document.querySelectorAll('.profile-group > .section-title'), (t) => t.textContent)).toEqual(['风格', '色彩', '版型与尺码', '场合', '价位']);
    expect(values('colourSeason')).toEqual(['秋季型 · 暖秋']);
    expect(tag('colourSeason').querySelector('.profile-tag__source')?.textContent).toBe('来自风格测试 · 2026年11月25日');
    // only preferences can be changed
    expect(tag('primaryStyle').querySelector('.profile-tag__edit')).toBeNull();
    expect(tag('sizeTop').querySelector('.profile-tag__edit')?.textContent).toBe('修改');
    // the choices come with the tags: the quiz is not read here
    expect(calls('quiz')).toEqual([]);
  });

  it('changing a size saves it with setPreferences and marks it 我设置的', async () => {
    open();
    await screen.findByText('上装尺码');
    edit('sizeTop');
    await waitFor(() => expect(document.querySelector('[data-editor="sizeTop"]')).not.toBeNull());
    expect(calls('quiz')).toEqual([]);
    // unchanged: nothing to save yet
    expect(prop<boolean>(button('保存'), 'disabled')).toBe(true);
    choose('L');
    fireEvent.click(button('保存'));
    await waitFor(() => expect(values('sizeTop')).toEqual(['L']));
    expect(calls('setPreferences')).toEqual([{ action: 'setPreferences', sizes: { top: 'L' } }]);
    expect(tag('sizeTop').querySelector('.profile-tag__source')?.textContent).toBe('我设置的 · 2026年11月26日');
    expect(document.querySelector('.profile-editor')).toBeNull();
    expect(recorded.toasts).toEqual([{ title: '已保存', icon: 'success' }]);
  });

  it('another size sends that size alone (the function merges field by field): the member’s earlier one stays theirs, the quiz’s stays the quiz’s', async () => {
    open();
    await screen.findByText('上装尺码');
    edit('sizeTop');
    await waitFor(() => expect(document.querySelector('.profile-editor')).not.toBeNull());
    choose('S');
    fireEvent.click(button('保存'));
    await waitFor(() => expect(values('sizeTop')).toEqual(['S']));
    edit('shoeSize');
    await waitFor(() => expect(document.querySelector('[data-editor="shoeSize"]')).not.toBeNull());
    choose('39');
    fireEvent.click(button('保存'));
    await waitFor(() => expect(values('shoeSize')).toEqual(['39']));
    expect(calls('setPreferences')[1]).toEqual({ action: 'setPreferences', sizes: { shoes: 39 } });
    expect(values('sizeTop')).toEqual(['S']);
    expect(tag('sizeTop').querySelector('.profile-tag__source')?.textContent).toBe('我设置的 · 2026年11月26日');
    // the bottom size is still the quiz's
    expect(tag('sizeBottom').querySelector('.profile-tag__source')?.textContent).toMatch(/^来自风格测试/);
  });

  it('a fit sends that fit alone', async () => {
    open();
    await screen.findByText('上身版型');
    edit('fitTop');
    await waitFor(() => expect(document.querySelector('[data-editor="fitTop"]')).not.toBeNull());
    choose('修身');
    fireEvent.click(button('保存'));
    await waitFor(() => expect(values('fitTop')).toEqual(['修身']));
    expect(calls('setPreferences')).toEqual([{ action: 'setPreferences', fit: { top: '修身' } }]);
  });

  it('an emptied list is saved as "none" and reads 无; the editor opens on it again, not on the quiz’s', async () => {
    open();
    await screen.findByText('常穿场景');
    edit('scenes');
    await waitFor(() => expect(document.querySelector('[data-editor="scenes"]')).not.toBeNull());
    for (const s of ['约会', '职场', '休闲', '运动', '旅行']) choose(s);
    fireEvent.click(button('保存'));
    await waitFor(() => expect(values('scenes')).toEqual(['无']));
    expect(calls('setPreferences')).toEqual([{ action: 'setPreferences', scenes: [] }]);
    edit('scenes');
    await waitFor(() => expect(document.querySelector('[data-editor="scenes"]')).not.toBeNull());
    expect(document.querySelectorAll('[data-editor="scenes"] [aria-checked="true"]')).toHaveLength(0);
  });

  it('the silhouette is chosen by its name and saved by its letter', async () => {
    open();
    await screen.findByText('偏爱廓形');
    edit('silhouette');
    await waitFor(() => expect(document.querySelector('[data-editor="silhouette"]')).not.toBeNull());
    choose('A字');
    fireEvent.click(button('保存'));
    await waitFor(() => expect(values('silhouette')).toEqual(['A字']));
    expect(calls('setPreferences')).toEqual([{ action: 'setPreferences', fit: { silhouette: 'A' } }]);
  });

  it('scenes are several at once, in the quiz’s order', async () => {
    open();
    await screen.findByText('常穿场景');
    edit('scenes');
    await waitFor(() => expect(document.querySelector('[data-editor="scenes"]')).not.toBeNull());
    for (const s of ['约会', '运动', '旅行']) choose(s);
    fireEvent.click(button('保存'));
    await waitFor(() => expect(values('scenes')).toEqual(['职场', '休闲']));
    expect(calls('setPreferences')).toEqual([{ action: 'setPreferences', scenes: ['职场', '休闲'] }]);
  });

  it('colours loved and avoided are edited together as swatches and saved as both lists', async () => {
    open();
    await screen.findByText('喜欢的颜色');
    edit('likedColours');
    await waitFor(() => expect(document.querySelector('[data-editor="colours"]')).not.toBeNull());
    // the quiz's answers are where the editor starts: 橄榄绿 and 驼色 loved, 玫红 avoided
    expect(document.querySelector('[data-colour="camel"] .colour-swatch--liked')).not.toBeNull();
    expect(document.querySelector('[data-colour="fuchsia"] .colour-swatch--disliked')).not.toBeNull();
    choose('正红');
    choose('✕ 不想穿（1）');
    choose('纯黑');
    fireEvent.click(button('保存'));
    await waitFor(() => expect(values('dislikedColours')).toEqual(['玫红', '纯黑']));
    expect(calls('setPreferences')).toEqual([{ action: 'setPreferences', likedColours: ['olive', 'camel', 'red'], dislikedColours: ['fuchsia', 'black'] }]);
    expect(values('likedColours')).toEqual(['橄榄绿', '驼色', '正红']);
  });

  it('a refused save says the function’s words and keeps the editor open; 取消 closes it', async () => {
    open({ setPreferences: failWith('INVALID_INPUT', '同一个颜色不能既喜欢又不想穿') });
    await screen.findByText('鞋码');
    edit('shoeSize');
    await waitFor(() => expect(document.querySelector('[data-editor="shoeSize"]')).not.toBeNull());
    choose('36');
    fireEvent.click(button('保存'));
    expect(await screen.findByText('同一个颜色不能既喜欢又不想穿')).toBeTruthy();
    fireEvent.click(button('取消'));
    expect(document.querySelector('.profile-editor')).toBeNull();
    expect(values('shoeSize')).toEqual(['37']);
  });

  it('a colour loved sends the loved list alone; the avoided list stays the quiz’s', async () => {
    open();
    await screen.findByText('喜欢的颜色');
    edit('likedColours');
    await waitFor(() => expect(document.querySelector('[data-editor="colours"]')).not.toBeNull());
    choose('正红');
    fireEvent.click(button('保存'));
    await waitFor(() => expect(values('likedColours')).toEqual(['橄榄绿', '驼色', '正红']));
    expect(calls('setPreferences')).toEqual([{ action: 'setPreferences', likedColours: ['olive', 'camel', 'red'] }]);
    expect(tag('dislikedColours').querySelector('.profile-tag__source')?.textContent).toMatch(/^来自风格测试/);
  });
});

describe('before any quiz', () => {
  it('an empty profile offers the quiz', async () => {
    open({}, []);
    expect(await screen.findByText('还没有风格档案')).toBeTruthy();
    fireEvent.click(button('去做风格测试'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/style/quiz/index' }]);
  });

  it('a failed read says why and reads again', async () => {
    let down = true;
    open({ tags: () => (down ? fail('UNAVAILABLE') : ok(tagsAnswer(tagsFor(), true))) });
    expect(await screen.findByText(ERROR_TEXT.UNAVAILABLE)).toBeTruthy();
    down = false;
    act(() => void fireEvent.click(button('重新加载')));
    expect(await screen.findByText('主风格')).toBeTruthy();
  });
});
