import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { withText } from '../../../../tests/ui/support/dom';
import { fail, ok } from '../../../../tests/ui/support/member';
import { keepingWardrobe, WARDROBE, wardrobeItem } from '../../../../tests/ui/support/styleFunction';
import { recorded, resetTaro, showPage } from '../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../services/errors';
import WardrobePage from './index';

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const names = () => Array.from(document.querySelectorAll('.wardrobe-tile__name'), (n) => n.textContent);
const chip = (group: string, text: string) => withText(document.querySelector(`[aria-label="${group}"]`)!, '[role="radio"]', text);
const chips = (group: string) => Array.from(document.querySelector(`[aria-label="${group}"]`)?.querySelectorAll('[role="radio"]') ?? [], (c) => c.textContent);
const button = (text: string) => withText(document.body, 'taro-button-core', text);

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('我的衣橱', () => {
  it('shows every piece as a picture with its name, where it came from and how often it was worn, and the counts', async () => {
    keepingWardrobe();
    render(<WardrobePage />);
    expect(await screen.findByText('半高领针织衫·燕麦')).toBeTruthy();
    expect(names()).toEqual(['半高领针织衫·燕麦', '直筒牛仔裤·焦糖', '复古跑鞋·奶白', '白衬衫']);
    const sneakers = document.querySelector(`[data-item="${WARDROBE[2]!.id}"]`)!;
    expect(sneakers.querySelector('.wardrobe-tile__source')?.textContent).toBe('门店购买');
    expect(sneakers.querySelector('.wardrobe-tile__wears')?.textContent).toBe('穿过 3 次');
    expect(document.querySelector(`[data-item="${WARDROBE[3]!.id}"] .wardrobe-tile__source`)?.textContent).toBe('我添加的');
    expect(document.querySelector(`[data-item="${WARDROBE[3]!.id}"] .wardrobe-tile__wears`)?.textContent).toBe('还没穿过');
    expect(document.querySelector('.wardrobe-head__counts')?.textContent).toBe('衣橱里 4 件');
    // one read brings it all; the filters work on it
    expect(calls('wardrobe')).toEqual([{ action: 'wardrobe' }]);
    // a tap opens the piece
    fireEvent.click(document.querySelector(`[data-item="${WARDROBE[3]!.id}"]`)!);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: `/packages/style/wardrobe/item/index?id=${encodeURIComponent(WARDROBE[3]!.id)}` }]);
  });

  it('filters by the categories and colours there are, and by season (a 四季 piece is in every season), without another read', async () => {
    keepingWardrobe();
    render(<WardrobePage />);
    await screen.findByText('白衬衫');
    expect(chips('类别')).toEqual(['全部', '上装', '下装', '鞋履']);
    expect(chips('颜色')).toEqual(['全部颜色', '奶白', '燕麦', '焦糖']);
    fireEvent.click(chip('类别', '上装'));
    expect(names()).toEqual(['半高领针织衫·燕麦', '白衬衫']);
    fireEvent.click(chip('颜色', '奶白'));
    expect(names()).toEqual(['白衬衫']);
    expect(screen.getByText('筛出 1 件')).toBeTruthy();
    fireEvent.click(screen.getByText('清除筛选'));
    fireEvent.click(chip('季节', '秋冬'));
    // the 春夏 shirt leaves; the 四季 jeans and sneakers stay
    expect(names()).toEqual(['半高领针织衫·燕麦', '直筒牛仔裤·焦糖', '复古跑鞋·奶白']);
    // a chosen chip tapped again lets go
    fireEvent.click(chip('季节', '秋冬'));
    expect(names()).toHaveLength(4);
    expect(calls('wardrobe')).toHaveLength(1);
  });

  it('a filter that matches nothing says so, with 清除筛选', async () => {
    keepingWardrobe();
    render(<WardrobePage />);
    await screen.findByText('白衬衫');
    fireEvent.click(chip('类别', '鞋履'));
    fireEvent.click(chip('季节', '春夏'));
    expect(names()).toEqual(['复古跑鞋·奶白']);
    fireEvent.click(chip('颜色', '燕麦'));
    expect(screen.getByText('没有符合筛选的衣服')).toBeTruthy();
    fireEvent.click(button('清除筛选'));
    expect(names()).toHaveLength(4);
  });

  it('被遗忘的宝贝: the pieces not worn for 6 weeks, each with 搭配这件', async () => {
    const held = keepingWardrobe();
    held.forgotten = [WARDROBE[2]!.id];
    render(<WardrobePage />);
    await screen.findByText('被遗忘的宝贝');
    const strip = document.querySelector('.wardrobe-forgotten')!;
    expect(strip.querySelector('.forgotten-piece__name')?.textContent).toBe('复古跑鞋·奶白');
    expect(strip.querySelector('.forgotten-piece__when')?.textContent).toBe('上次穿 11月20日');
    fireEvent.click(withText(strip, '[role="button"]', '搭配这件'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: `/packages/style/outfits/look/index?id=${encodeURIComponent(WARDROBE[2]!.id)}` }]);
  });

  it('no strip when nothing is forgotten', async () => {
    keepingWardrobe();
    render(<WardrobePage />);
    await screen.findByText('白衬衫');
    expect(document.querySelector('.wardrobe-forgotten')).toBeNull();
  });

  it('已收起 lists the pieces put away (read as such), and says when there are none', async () => {
    const held = keepingWardrobe();
    held.items[0]!.status = 'archived';
    render(<WardrobePage />);
    await screen.findByText('白衬衫');
    expect(document.querySelector('.wardrobe-head__counts')?.textContent).toBe('衣橱里 3 件 · 已收起 1 件');
    fireEvent.click(screen.getByText('已收起 1'));
    await waitFor(() => expect(names()).toEqual(['半高领针织衫·燕麦']));
    expect(calls('wardrobe')).toEqual([{ action: 'wardrobe' }, { action: 'wardrobe', archived: true }]);
    held.items[0]!.status = 'active';
    act(() => showPage());
    expect(await screen.findByText('没有收起的衣服')).toBeTruthy();
    fireEvent.click(screen.getByText('衣橱 4'));
    await waitFor(() => expect(names()).toHaveLength(4));
  });

  it('an empty wardrobe explains that store purchases arrive by themselves, and offers 添加衣服', async () => {
    keepingWardrobe([]);
    render(<WardrobePage />);
    expect(await screen.findByText('衣橱还是空的')).toBeTruthy();
    expect(screen.getByText(/买的衣服会自动放进衣橱/)).toBeTruthy();
    expect(document.querySelector('.wardrobe-filters')).toBeNull();
    fireEvent.click(withText(document.querySelector('.wardrobe-empty')!, 'taro-button-core', '添加衣服'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/style/wardrobe/add/index' }]);
  });

  it('at the quota of pieces added by hand, 添加衣服 says so instead of opening the form', async () => {
    const held = keepingWardrobe([wardrobeItem({ source: 'own', origin: '我添加的' })]);
    held.ownQuota = 1;
    render(<WardrobePage />);
    await screen.findByText('直筒牛仔裤·焦糖');
    fireEvent.click(button('添加衣服'));
    expect(recorded.navigations).toEqual([]);
    expect(recorded.toasts).toEqual([{ title: '衣橱最多添加 1 件自己的衣服，可以先删掉不穿的', icon: 'none' }]);
  });

  it('a failed read says why and reads again', async () => {
    let down = true;
    keepingWardrobe(WARDROBE, { wardrobe: () => (down ? fail('UNAVAILABLE') : ok({ items: WARDROBE, counts: { active: 4, archived: 0, own: 1, ownQuota: 200 }, forgotten: [] })) });
    render(<WardrobePage />);
    expect(await screen.findByText(ERROR_TEXT.UNAVAILABLE)).toBeTruthy();
    down = false;
    fireEvent.click(button('重新加载'));
    expect(await screen.findByText('白衬衫')).toBeTruthy();
  });

  it('a member who left is sent to join', async () => {
    keepingWardrobe(WARDROBE, { wardrobe: fail('NOT_MEMBER') });
    render(<WardrobePage />);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });
});
