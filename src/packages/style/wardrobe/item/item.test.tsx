import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { prop, withText } from '../../../../../tests/ui/support/dom';
import { fail } from '../../../../../tests/ui/support/member';
import { keepingWardrobe, WARDROBE } from '../../../../../tests/ui/support/styleFunction';
import { answerModals, recorded, resetTaro, setRouterParams } from '../../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../../services/errors';
import ItemPage from './index';

const JEANS = WARDROBE[1]!;
const SNEAKERS = WARDROBE[2]!;
const SHIRT = WARDROBE[3]!;
const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const button = (text: string) => withText(document.body, 'taro-button-core', text);
const figures = () => Array.from(document.querySelectorAll('.piece-figure'), (f) => `${f.querySelector('.piece-figure__label')?.textContent} ${f.querySelector('.piece-figure__value')?.textContent}`);

function open(id: string) {
  // a route may hand the id over encoded ("p%3A…"): the page reads it either way
  setRouterParams({ id: encodeURIComponent(id) });
  render(<ItemPage />);
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('a piece of the wardrobe', () => {
  it('shows what it is, where it came from and how it has been worn', async () => {
    keepingWardrobe();
    open(JEANS.id);
    expect(await screen.findByText('直筒牛仔裤·焦糖')).toBeTruthy();
    expect(document.querySelector('.piece-about__what')?.textContent).toBe('下装 · 27 码 · 四季可穿');
    expect(document.querySelector('.piece-about__origin')?.textContent).toBe('门店购买 · 2026-11-25 · 悦衣库 上海静安店');
    expect(document.querySelector('.piece-about__colour')?.textContent).toBe('焦糖');
    expect(figures()).toEqual(['穿过 0 次', '上次穿 还没穿过', '单次穿着成本 穿一次后算']);
    expect(calls('wardrobeItem')).toEqual([{ action: 'wardrobeItem', id: JEANS.id }]);
  });

  it('a bought piece worn shows its cost per wear in yuan', async () => {
    keepingWardrobe();
    open(SNEAKERS.id);
    await screen.findByText('复古跑鞋·奶白');
    expect(figures()).toEqual(['穿过 3 次', '上次穿 11月20日', '单次穿着成本 ¥166.33']);
  });

  it('今天穿了 counts the wear, says so, and turns into 今天已穿', async () => {
    keepingWardrobe();
    open(JEANS.id);
    await screen.findByText('直筒牛仔裤·焦糖');
    fireEvent.click(button('今天穿了'));
    await screen.findByText('今天已穿');
    expect(calls('wear')).toEqual([{ action: 'wear', ids: [JEANS.id] }]);
    expect(figures()[0]).toBe('穿过 1 次');
    expect(recorded.toasts).toEqual([{ title: '已记下：这件穿过 1 次了', icon: 'none' }]);
    expect(prop<boolean>(button('今天已穿'), 'disabled')).toBe(true);
    fireEvent.click(button('今天已穿'));
    expect(calls('wear')).toHaveLength(1);
  });

  it('搭配这件 and 编辑 open their pages for this piece', async () => {
    keepingWardrobe();
    open(JEANS.id);
    await screen.findByText('直筒牛仔裤·焦糖');
    fireEvent.click(button('搭配这件'));
    fireEvent.click(screen.getByText('编辑'));
    const id = encodeURIComponent(JEANS.id);
    expect(recorded.navigations).toEqual([
      { api: 'navigateTo', url: `/packages/style/outfits/look/index?id=${id}` },
      { api: 'navigateTo', url: `/packages/style/wardrobe/add/index?id=${id}` },
    ]);
  });

  it('收起 puts it away (out of the wardrobe and the outfits) and 放回衣橱 brings it back', async () => {
    const held = keepingWardrobe();
    open(JEANS.id);
    await screen.findByText('直筒牛仔裤·焦糖');
    fireEvent.click(screen.getByText('收起'));
    await screen.findByText('已收起');
    expect(held.items[1]!.status).toBe('archived');
    expect(recorded.toasts).toEqual([{ title: '已收起，不会出现在衣橱和搭配里', icon: 'none' }]);
    // put away: nothing to wear or dress with until it is back
    expect(screen.queryByText('今天穿了')).toBeNull();
    expect(screen.queryByText('搭配这件')).toBeNull();
    fireEvent.click(button('放回衣橱'));
    await screen.findByText('今天穿了');
    expect(calls('archiveItem')).toEqual([
      { action: 'archiveItem', id: JEANS.id, archived: true },
      { action: 'archiveItem', id: JEANS.id, archived: false },
    ]);
  });

  it('a piece the member added can be deleted after a confirm; a bought one explains it can be put away instead', async () => {
    const held = keepingWardrobe();
    open(SHIRT.id);
    await screen.findByText('白衬衫');
    answerModals(false);
    fireEvent.click(screen.getByText('删除'));
    await waitFor(() => expect(recorded.modals).toHaveLength(1));
    expect(calls('removeItem')).toEqual([]);
    answerModals(true);
    fireEvent.click(screen.getByText('删除'));
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'navigateBack', url: '' }]));
    expect(held.items.map((i) => i.id)).not.toContain(SHIRT.id);
    expect(recorded.toasts).toEqual([{ title: '已从衣橱删除', icon: 'none' }]);
  });

  it('a bought piece has no 删除, and says why', async () => {
    keepingWardrobe();
    open(JEANS.id);
    await screen.findByText('直筒牛仔裤·焦糖');
    expect(screen.queryByText('删除')).toBeNull();
    expect(screen.getByText(/门店买的衣服记着购买记录，不能删除；暂时不穿可以「收起」/)).toBeTruthy();
  });

  it('a piece no longer in the wardrobe says so and leads back to it', async () => {
    keepingWardrobe();
    open('o:248780046127:gone');
    expect(await screen.findByText('衣橱里没有这件')).toBeTruthy();
    fireEvent.click(button('去我的衣橱'));
    expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/style/wardrobe/index' }]);
  });

  it('a refused 今天穿了 says why in plain words, and the button is there to try again', async () => {
    keepingWardrobe(WARDROBE, { wear: fail('UNAVAILABLE') });
    open(JEANS.id);
    await screen.findByText('直筒牛仔裤·焦糖');
    fireEvent.click(button('今天穿了'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: ERROR_TEXT.UNAVAILABLE, icon: 'none' }]));
    expect(prop<boolean>(button('今天穿了'), 'disabled')).toBe(false);
  });
});
