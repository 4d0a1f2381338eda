import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SavedOutfit } from '../../../../../cloudfunctions/contract/outfits';
import { withText } from '../../../../../tests/ui/support/dom';
import { ok } from '../../../../../tests/ui/support/member';
import { JEANS, KNIT, programStyle, SNEAKERS } from '../../../../../tests/ui/support/styleFunction';
import { answerModals, recorded, resetTaro } from '../../../../../tests/ui/support/taro';
import SavedOutfitsPage from './index';

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const SAVED: SavedOutfit = {
  id: 'so:248780046127:abc',
  pieces: [
    { id: SNEAKERS.id, slot: 'shoes', name: SNEAKERS.name!, image: SNEAKERS.image, source: 'purchase', available: true },
    { id: KNIT.id, slot: 'top', name: KNIT.name!, image: KNIT.image, source: 'purchase', available: false },
    { id: JEANS.id, slot: 'bottom', name: JEANS.name!, image: JEANS.image, source: 'purchase', available: true },
    { id: 'YYCOA031', slot: 'outer', name: '廓形西装外套·橄榄绿', image: '/static/products/YYCOA031.svg', source: 'catalogue', available: false },
  ],
  scene: '职场',
  reason: '同为通勤风，燕麦配焦糖',
  savedAt: '2026-11-25T02:00:00.000Z',
};

function open(start: SavedOutfit[]) {
  const held = { outfits: [...start] };
  programStyle({
    savedOutfits: () => ok({ outfits: held.outfits, quota: 50 }),
    removeOutfit: (data) => {
      held.outfits = held.outfits.filter((o) => o.id !== data.id);
      return ok({ removed: true as const });
    },
  });
  render(<SavedOutfitsPage />);
  return held;
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('收藏的搭配', () => {
  it('shows each saved outfit as it was saved, in slot order; a piece no longer available is greyed and says why', async () => {
    open([SAVED]);
    expect(await screen.findByText('同为通勤风，燕麦配焦糖')).toBeTruthy();
    expect(screen.getByText('已收藏 1 套，最多 50 套')).toBeTruthy();
    const pieces = Array.from(document.querySelectorAll('.saved-piece'));
    expect(pieces.map((p) => p.querySelector('.saved-piece__name')?.textContent)).toEqual(['廓形西装外套·橄榄绿', '半高领针织衫·燕麦', '直筒牛仔裤·焦糖', '复古跑鞋·奶白']);
    expect(pieces.map((p) => p.querySelector('.saved-piece__gone')?.textContent ?? null)).toEqual(['已下架', '不在衣橱', null, null]);
    expect(document.querySelectorAll('.saved-piece--gone')).toHaveLength(2);
    expect(screen.getByText(/有 2 件现在穿不了/)).toBeTruthy();
    expect(document.querySelector('.saved-outfit__scene')?.textContent).toBe('职场');
  });

  it('删除 asks first, then removes the outfit and says so', async () => {
    const held = open([SAVED]);
    await screen.findByText('同为通勤风，燕麦配焦糖');
    answerModals(true);
    fireEvent.click(withText(document.body, 'taro-button-core', '删除'));
    expect(await screen.findByText('还没有收藏的搭配')).toBeTruthy();
    expect(calls('removeOutfit')).toEqual([{ action: 'removeOutfit', id: SAVED.id }]);
    expect(held.outfits).toEqual([]);
    expect(recorded.modals.map((m) => m.title)).toEqual(['删除这套搭配？']);
    expect(recorded.toasts).toEqual([{ title: '已删除这套搭配', icon: 'none' }]);
  });

  it('keeps the outfit when the member changes their mind', async () => {
    open([SAVED]);
    await screen.findByText('同为通勤风，燕麦配焦糖');
    answerModals(false);
    fireEvent.click(withText(document.body, 'taro-button-core', '删除'));
    await waitFor(() => expect(recorded.modals).toHaveLength(1));
    expect(calls('removeOutfit')).toEqual([]);
    expect(screen.getByText('同为通勤风，燕麦配焦糖')).toBeTruthy();
  });

  it('none saved: says where saving happens and leads to 今日穿搭', async () => {
    open([]);
    expect(await screen.findByText('还没有收藏的搭配')).toBeTruthy();
    fireEvent.click(withText(document.body, 'taro-button-core', '去看今日穿搭'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/style/outfits/index' }]);
  });
});
