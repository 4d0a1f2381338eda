import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { OutfitList } from '../../../../../cloudfunctions/contract/outfits';
import { ok } from '../../../../../tests/ui/support/member';
import { failWith, JEANS, programStyle } from '../../../../../tests/ui/support/styleFunction';
import { recorded, resetTaro } from '../../../../../tests/ui/support/taro';
import OutfitListsPage from './index';

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const LIST: OutfitList = {
  id: 'list-1',
  title: '通勤一周',
  note: '搭你的牛仔裤，配店里新到的衬衫',
  from: '悦衣库 上海静安店 · 林店长',
  createdAt: '2026-11-25T06:00:00.000Z',
  opened: false,
  items: [
    { id: JEANS.id, kind: 'wardrobe', name: JEANS.name!, image: JEANS.image, priceFen: null, available: true },
    { id: 'YYSHI011', kind: 'product', name: '真丝衬衫·奶白', image: '/static/products/YYSHI011.svg', priceFen: 39_900, available: true },
    { id: 'YYBOO012', kind: 'product', name: '切尔西靴·墨黑', image: '/static/products/YYBOO012.svg', priceFen: 79_900, available: false },
  ],
};

function open(lists: OutfitList[], over: Parameters<typeof programStyle>[0] = {}) {
  programStyle({
    outfitLists: () => ok({ lists }),
    openOutfitList: (data) => ok({ list: { ...lists.find((l) => l.id === data.id)!, opened: true } }),
    ...over,
  });
  render(<OutfitListsPage />);
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('导购为你搭配', () => {
  it('lists what the stylists made, an unopened one marked 新; opening it shows the note and pieces (products with ¥) and tells the function once', async () => {
    open([LIST, { ...LIST, id: 'list-0', title: '周末出游', opened: true }]);
    expect(await screen.findByText('通勤一周')).toBeTruthy();
    expect(screen.getByText('悦衣库 上海静安店 · 林店长', { selector: '[data-list="list-1"] .outfit-list__from' })).toBeTruthy();
    expect(Array.from(document.querySelectorAll('.outfit-list__new'), (n) => n.closest('[data-list]')?.getAttribute('data-list'))).toEqual(['list-1']);
    fireEvent.click(document.querySelector('[data-list="list-1"] .outfit-list__head')!);
    expect(await screen.findByText('“搭你的牛仔裤，配店里新到的衬衫”')).toBeTruthy();
    await waitFor(() => expect(document.querySelector('.outfit-list__new')).toBeNull());
    expect(calls('openOutfitList')).toEqual([{ action: 'openOutfitList', id: 'list-1' }]);
    const items = Array.from(document.querySelectorAll('[data-list="list-1"] .list-item'));
    expect(items.map((i) => i.querySelector('.list-item__price, .list-item__mine')?.textContent)).toEqual(['我的衣橱', '¥399', '暂时缺货']);
    // closed and opened again: not told twice
    fireEvent.click(document.querySelector('[data-list="list-1"] .outfit-list__head')!);
    fireEvent.click(document.querySelector('[data-list="list-1"] .outfit-list__head')!);
    expect(calls('openOutfitList')).toHaveLength(1);
    // an opened list is not told again either
    fireEvent.click(document.querySelector('[data-list="list-0"] .outfit-list__head')!);
    expect(calls('openOutfitList')).toHaveLength(1);
  });

  it('a product opens 搭配这件 for it, a wardrobe piece opens the piece', async () => {
    open([{ ...LIST, opened: true }]);
    await screen.findByText('通勤一周');
    fireEvent.click(document.querySelector('[data-list="list-1"] .outfit-list__head')!);
    const items = document.querySelectorAll('[data-list="list-1"] .list-item');
    fireEvent.click(items[0]!);
    fireEvent.click(items[1]!);
    fireEvent.click(items[2]!);
    expect(recorded.navigations).toEqual([
      { api: 'navigateTo', url: `/packages/style/wardrobe/item/index?id=${encodeURIComponent(JEANS.id)}` },
      { api: 'navigateTo', url: '/packages/style/outfits/look/index?sku=YYSHI011' },
    ]);
  });

  it('a list gone meanwhile leaves the page, saying so', async () => {
    open([LIST], { openOutfitList: failWith('NOT_FOUND', '没有这份搭配清单') });
    await screen.findByText('通勤一周');
    fireEvent.click(document.querySelector('[data-list="list-1"] .outfit-list__head')!);
    await waitFor(() => expect(document.querySelector('[data-list="list-1"]')).toBeNull());
    expect(recorded.toasts).toEqual([{ title: '这份搭配清单已不在了', icon: 'none' }]);
  });

  it('none yet: explains how a list comes', async () => {
    open([]);
    expect(await screen.findByText('还没有导购为你搭配的清单')).toBeTruthy();
  });
});
