import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { deviceAnswer } from '../../../tests/ui/support/card';
import { CARD, fail, ok, programMember } from '../../../tests/ui/support/member';
import { BLAZER, JEANS, KNIT, outfitView, programStyle, SNEAKERS, type StyleAnswers } from '../../../tests/ui/support/styleFunction';
import { recorded, resetTaro, showPage } from '../../../tests/ui/support/taro';
import CardPage from './index';

const CODE = /^67\d{16}$/;
const actions = () => recorded.cloudCalls.map((c) => `${c.name}.${String(c.data.action)}`);
const OUTFIT = outfitView([BLAZER, KNIT, JEANS, SNEAKERS]);
const DAY = { day: '2026-11-26', city: '上海', temperatureC: 9.4, weatherNote: '上海 · 今天约 9°C（按历年同期气候）', scene: '休闲' as const };
const NONE = { dayNumber: null, outfit: null, day: null };

function open(style: StyleAnswers) {
  programMember({ card: ok(CARD), device: ok(deviceAnswer()) });
  programStyle({ summary: ok({ hasReport: true, seasonName: '暖秋', primaryStyle: '休闲' }), ...style });
  return render(<CardPage />);
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('3 天穿搭灵感 on the card', () => {
  it('in the three days after the first report: the day of three, the outfit’s pictures and reason, under the style row; a tap opens 今日穿搭', async () => {
    open({ inspiration: ok({ dayNumber: 2, outfit: OUTFIT, day: DAY }) });
    expect(await screen.findByText('第 2/3 天', {}, { timeout: 3000 })).toBeTruthy();
    const card = document.querySelector('.inspiration')!;
    expect(document.querySelector('.entry-row--style + .inspiration')).toBe(card);
    // head to toe, the outer layer first
    expect(Array.from(card.querySelectorAll('.inspiration__picture taro-image-core'), (img) => (img as unknown as { src: string }).src)).toEqual(
      [BLAZER, KNIT, JEANS, SNEAKERS].map((p) => p.image),
    );
    expect(card.querySelector('.inspiration__text')?.textContent).toBe(OUTFIT.reason);
    fireEvent.click(card);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/style/outfits/index' }]);
  });

  it('is read a moment after the till code, never before it; outside the three days nothing shows', async () => {
    open({ inspiration: ok(NONE) });
    await waitFor(() => expect(document.querySelector('[data-code]')?.getAttribute('data-code')).toMatch(CODE));
    expect(actions()).not.toContain('style.inspiration');
    await waitFor(() => expect(actions()).toContain('style.inspiration'), { timeout: 3000 });
    await screen.findByText('暖秋 · 休闲');
    expect(document.querySelector('.inspiration')).toBeNull();
  });

  it('a failed read shows nothing and says nothing', async () => {
    open({ inspiration: fail('UNAVAILABLE') });
    await waitFor(() => expect(actions()).toContain('style.inspiration'), { timeout: 3000 });
    await screen.findByText('暖秋 · 休闲');
    expect(document.querySelector('.inspiration')).toBeNull();
    expect(recorded.toasts).toEqual([]);
  });

  it('a day with no outfit still leads to 今日穿搭; read again on show (the next day comes)', async () => {
    let answer: { dayNumber: number | null; outfit: typeof OUTFIT | null; day: typeof DAY | null } = { dayNumber: 1, outfit: null, day: DAY };
    open({ inspiration: () => ok(answer) });
    expect(await screen.findByText('今天的灵感要用到你的衣橱，去看看今日穿搭', {}, { timeout: 3000 })).toBeTruthy();
    answer = NONE;
    act(() => showPage());
    await waitFor(() => expect(document.querySelector('.inspiration')).toBeNull(), { timeout: 3000 });
  });
});
