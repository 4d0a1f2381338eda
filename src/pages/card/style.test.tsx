import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { deviceAnswer } from '../../../tests/ui/support/card';
import { CARD, fail, ok, programMember } from '../../../tests/ui/support/member';
import { programStyle, type StyleAnswers } from '../../../tests/ui/support/styleFunction';
import { recorded, resetTaro, showPage } from '../../../tests/ui/support/taro';
import CardPage from './index';

const CODE = /^67\d{16}$/;
const actions = () => recorded.cloudCalls.map((c) => `${c.name}.${String(c.data.action)}`);
const row = () => document.querySelector('.entry-row--style')!;
const SUMMARY = { hasReport: true, seasonName: '柔秋', primaryStyle: '法式' as const };
const NO_REPORT = { hasReport: false, seasonName: null, primaryStyle: null };

function open(style: StyleAnswers) {
  programMember({ card: ok(CARD), device: ok(deviceAnswer()) });
  programStyle(style);
  return render(<CardPage />);
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('the style row on the card', () => {
  it('a member with a report sees 我的风格 with the season and the leading style (style.summary), and it opens the report', async () => {
    open({ summary: ok(SUMMARY) });
    expect(await screen.findByText('柔秋 · 法式', {}, { timeout: 3000 })).toBeTruthy();
    expect(row().textContent).toBe('我的风格柔秋 · 法式›');
    // among the entries under the code: 我的风格 first, 我的衣橱, 邀请好友 and 会员权益 after it
    expect(Array.from(document.querySelectorAll('.entry-row'), (el) => el.className.split(' ')[1])).toEqual(['entry-row--style', 'entry-row--wardrobe', 'entry-row--invite', 'entry-row--benefits']);
    fireEvent.click(row());
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/style/report/index' }]);
  });

  it('a member without one is offered 风格测试, in one line and with no badge', async () => {
    open({ summary: ok(NO_REPORT) });
    expect(await screen.findByText('测出你的风格和色彩季型', {}, { timeout: 3000 })).toBeTruthy();
    expect(row().textContent).toBe('风格测试测出你的风格和色彩季型›');
    expect(row().innerHTML).not.toMatch(/badge|dot/);
    fireEvent.click(row());
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/style/quiz/index' }]);
  });

  it('is read a moment after the till code, never before it; a failed read leaves the plain 风格测试 row and says nothing', async () => {
    open({ summary: fail('UNAVAILABLE') });
    await waitFor(() => expect(document.querySelector('[data-code]')?.getAttribute('data-code')).toMatch(CODE));
    expect(actions()).not.toContain('style.summary');
    await waitFor(() => expect(actions()).toContain('style.summary'), { timeout: 3000 });
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(row().textContent).toBe('风格测试›');
    expect(recorded.toasts).toEqual([]);
    fireEvent.click(row());
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/style/quiz/index' }]);
  });

  it('is read again when the card shows again (a report made since shows)', async () => {
    let summary: typeof SUMMARY | typeof NO_REPORT = NO_REPORT;
    open({ summary: () => ok(summary) });
    await screen.findByText('测出你的风格和色彩季型', {}, { timeout: 3000 });
    summary = SUMMARY;
    act(() => showPage());
    expect(await screen.findByText('柔秋 · 法式', {}, { timeout: 3000 })).toBeTruthy();
  });
});
