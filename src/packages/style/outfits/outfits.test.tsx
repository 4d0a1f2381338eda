import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { prop, withText } from '../../../../tests/ui/support/dom';
import { ok } from '../../../../tests/ui/support/member';
import {
  BLAZER,
  failWith,
  JEANS,
  keepingWardrobe,
  KNIT,
  LOAFERS,
  outfitsAnswer,
  outfitView,
  SHIRT,
  SNEAKERS,
  storePiece,
  type StyleAnswers,
  TODAY,
} from '../../../../tests/ui/support/styleFunction';
import { recorded, resetTaro, showPage } from '../../../../tests/ui/support/taro';
import OutfitsPage from './index';

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const card = (i: number) => document.querySelectorAll('.outfit-card')[i]!;
const slots = (i: number) => Array.from(card(i).querySelectorAll('.outfit-piece'), (p) => p.getAttribute('data-slot'));
const button = (scope: Element, text: string) => withText(scope, 'taro-button-core', text);
const sceneChip = (text: string) => withText(document.querySelector('[aria-label="场合"]')!, '[role="radio"]', text);
/** A black tee the store sells: what 换一件 on the knit finds. */
const TEE = storePiece('YYTEE012', 'top', '纯棉圆领T恤·墨黑', 9_900);

function open(over: StyleAnswers = {}) {
  const held = keepingWardrobe(undefined, {
    todayOutfits: (data) => ok(outfitsAnswer(TODAY, { scene: (data.scene as never) ?? '休闲' })),
    saveOutfit: () => ok({ outfit: { id: 'saved-1', pieces: [], scene: '休闲', reason: '', savedAt: '2026-11-26T02:00:00.000Z' } }),
    swapPiece: () => ok(outfitsAnswer([outfitView([BLAZER, TEE, JEANS, SNEAKERS], { reason: '墨黑T恤配焦糖牛仔裤，利落' }), outfitView([BLAZER, SHIRT, JEANS, SNEAKERS], { reason: '白衬衫更清爽' })])),
    ...over,
  });
  render(<OutfitsPage />);
  return held;
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('今日穿搭', () => {
  it('shows the day, the member’s usual scene, and three outfits: each piece by slot, the store’s marked 店里有 with its price, the reason, never a score', async () => {
    open();
    expect(await screen.findByText('上海 · 今天约 9°C（按历年同期气候）')).toBeTruthy();
    expect(calls('todayOutfits')).toEqual([{ action: 'todayOutfits' }]);
    expect(sceneChip('休闲').getAttribute('aria-checked')).toBe('true');
    expect(Array.from(document.querySelectorAll('.outfit-card__title'), (t) => t.textContent)).toEqual(['第一套', '第二套', '第三套']);
    // the outer layer first, then head to toe
    expect(slots(0)).toEqual(['outer', 'top', 'bottom', 'shoes']);
    const blazer = card(0).querySelector('[data-slot="outer"]')!;
    expect(blazer.querySelector('.outfit-piece__store')?.textContent).toBe('店里有');
    expect(blazer.querySelector('.outfit-piece__price')?.textContent).toBe('¥599');
    expect(card(0).querySelector('[data-slot="top"] .outfit-piece__store')).toBeNull();
    expect(card(0).querySelector('[data-slot="top"] .outfit-piece__from')?.textContent).toBe('我的衣橱');
    expect(card(0).querySelector('.outfit-card__store')?.textContent).toBe('1 件店里有');
    expect(card(1).querySelector('.outfit-card__reason')?.textContent).toBe('白衬衫配焦糖牛仔裤，干净利落');
    expect(document.body.textContent).not.toMatch(/80分|评分|\b80\b/);
  });

  it('another scene reads the outfits for it', async () => {
    open();
    await screen.findByText('第一套');
    fireEvent.click(sceneChip('职场'));
    await waitFor(() => expect(sceneChip('职场').getAttribute('aria-checked')).toBe('true'));
    expect(calls('todayOutfits')).toEqual([{ action: 'todayOutfits' }, { action: 'todayOutfits', scene: '职场' }]);
    await screen.findByText('第一套');
  });

  it('今天穿了 marks the outfit’s wardrobe pieces only (the store’s blazer is not the member’s), says so, and the card says 今天已穿', async () => {
    open();
    await screen.findByText('第一套');
    fireEvent.click(button(card(0), '今天穿了'));
    await waitFor(() => expect(button(card(0), '今天已穿')).toBeTruthy());
    expect(calls('wear')).toEqual([{ action: 'wear', ids: [KNIT.id, JEANS.id, SNEAKERS.id] }]);
    for (const id of calls('wear')[0]!.ids as string[]) expect(id).toMatch(/^(p|o):/);
    expect(recorded.toasts).toEqual([{ title: '已记下：今天穿了这套（3 件）', icon: 'none' }]);
    expect(prop<boolean>(button(card(0), '今天已穿'), 'disabled')).toBe(true);
    // the wear log keeps days per piece: another outfit of the same pieces is not taken as worn, only said to be
    expect(button(card(2), '今天穿了')).toBeTruthy();
    expect(card(2).querySelector('.outfit-card__worn')?.textContent).toBe('这套里你的衣服今天都记下穿过了');
    expect(card(1).querySelector('.outfit-card__worn')).toBeNull();
  });

  it('an outfit whose pieces were all worn today (the day is the function’s) says so, and 今天穿了 stays (the log keeps pieces, not outfits)', async () => {
    const worn = { ...KNIT, lastWornAt: '2026-11-26T01:00:00.000Z' };
    open({ todayOutfits: ok(outfitsAnswer([outfitView([worn, { ...JEANS, lastWornAt: '2026-11-25T16:30:00.000Z' }, { ...SNEAKERS, lastWornAt: '2026-11-26T00:10:00.000Z' }]), outfitView([worn, JEANS, LOAFERS])])) });
    await screen.findByText('第一套');
    expect(card(0).querySelector('.outfit-card__worn')?.textContent).toBe('这套里你的衣服今天都记下穿过了');
    expect(button(card(0), '今天穿了')).toBeTruthy();
    // here the jeans were not worn (00:30 in Shanghai above is the 26th too)
    expect(card(1).querySelector('.outfit-card__worn')).toBeNull();
  });

  it('four pieces stand in one row, a dress and shoes in two columns', async () => {
    open({ todayOutfits: ok(outfitsAnswer([TODAY[0]!, outfitView([storePiece('YYDRE011', 'dress', '针织连衣裙·燕麦', 49_900), SNEAKERS])])) });
    await screen.findByText('第一套');
    expect(card(0).classList.contains('outfit-card--4')).toBe(true);
    expect(card(1).classList.contains('outfit-card--2')).toBe(true);
  });

  it('an outfit the store would make whole has no 今天穿了, and says why', async () => {
    open({ todayOutfits: ok(outfitsAnswer([outfitView([TEE, storePiece('YYTRO031', 'bottom', '西装裤·墨黑', 29_900), LOAFERS])])) });
    await screen.findByText('第一套');
    expect(card(0).querySelector('.outfit-card__store')?.textContent).toBe('整套店里有');
    expect(card(0).textContent).toContain('这套都在店里，买回来就能穿');
    expect(() => button(card(0), '今天穿了')).toThrow();
  });

  it('收藏 saves the outfit’s pieces with the scene and reason; the card then says 已收藏, which opens 收藏的搭配', async () => {
    open();
    await screen.findByText('第一套');
    fireEvent.click(button(card(0), '收藏'));
    await waitFor(() => expect(button(card(0), '已收藏')).toBeTruthy());
    expect(calls('saveOutfit')).toEqual([{ action: 'saveOutfit', pieceIds: [BLAZER.id, KNIT.id, JEANS.id, SNEAKERS.id], scene: '休闲', reason: TODAY[0]!.reason }]);
    expect(recorded.toasts).toEqual([{ title: '已收藏，可在「收藏的搭配」查看', icon: 'none' }]);
    fireEvent.click(button(card(0), '已收藏'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/style/outfits/saved/index' }]);
  });

  it('a refused save says the function’s words (the quota)', async () => {
    open({ saveOutfit: failWith('LIMIT_REACHED', '最多收藏 50 套搭配，可以先删掉几套') });
    await screen.findByText('第一套');
    fireEvent.click(button(card(0), '收藏'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '最多收藏 50 套搭配，可以先删掉几套', icon: 'none' }]));
    expect(button(card(0), '收藏')).toBeTruthy();
  });

  it('换一件 asks for the outfit with another piece in that slot, offers each piece found, and puts the chosen one in (kept when the page reads again)', async () => {
    open();
    await screen.findByText('第一套');
    fireEvent.click(withText(card(0).querySelector('[data-slot="top"]')!, '[role="button"]', '换一件'));
    const sheet = await waitFor(() => {
      const found = document.querySelector('.outfit-sheet');
      if (!found?.querySelector('.outfit-option')) throw new Error('no options yet');
      return found;
    });
    expect(calls('swapPiece')).toEqual([{ action: 'swapPiece', pieceIds: [BLAZER.id, KNIT.id, JEANS.id, SNEAKERS.id], slot: 'top', scene: '休闲' }]);
    expect(sheet.querySelector('.outfit-sheet__title')?.textContent).toBe('换一件上装');
    expect(Array.from(sheet.querySelectorAll('.outfit-option__name'), (n) => n.textContent)).toEqual(['纯棉圆领T恤·墨黑', '白衬衫']);
    expect(sheet.querySelector('.outfit-option__price')?.textContent).toBe('店里有 ¥99');
    fireEvent.click(sheet.querySelector(`[data-piece="${TEE.id}"]`)!);
    expect(document.querySelector('.outfit-sheet')).toBeNull();
    expect(card(0).querySelector('[data-slot="top"] .outfit-piece__name')?.textContent).toBe('纯棉圆领T恤·墨黑');
    expect(card(0).querySelector('.outfit-card__reason')?.textContent).toBe('墨黑T恤配焦糖牛仔裤，利落');
    expect(recorded.toasts).toEqual([{ title: '已换成纯棉圆领T恤·墨黑', icon: 'none' }]);
    act(() => showPage());
    await waitFor(() => expect(calls('todayOutfits')).toHaveLength(2));
    expect(card(0).querySelector('[data-slot="top"] .outfit-piece__name')?.textContent).toBe('纯棉圆领T恤·墨黑');
  });

  it('换一件 with nothing else to offer says so, offers adding one from home; 不换了 closes the sheet', async () => {
    open({ swapPiece: ok(outfitsAnswer([], { problem: { code: 'missingPiece', slot: 'shoes', message: '今天9°C、休闲场合，衣橱和店里都没有合适的鞋' } })) });
    await screen.findByText('第一套');
    fireEvent.click(withText(card(0).querySelector('[data-slot="shoes"]')!, '[role="button"]', '换一件'));
    expect(await screen.findByText('今天9°C、休闲场合，衣橱和店里都没有合适的鞋')).toBeTruthy();
    fireEvent.click(withText(document.querySelector('.outfit-sheet')!, 'taro-button-core', '不换了'));
    expect(document.querySelector('.outfit-sheet')).toBeNull();
    // or a way forward: a piece from home
    fireEvent.click(withText(card(0).querySelector('[data-slot="shoes"]')!, '[role="button"]', '换一件'));
    fireEvent.click(await screen.findByText('家里有合适的鞋履？添加到衣橱 ›'));
    expect(document.querySelector('.outfit-sheet')).toBeNull();
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/style/wardrobe/add/index' }]);
  });

  it('when no outfit can be made, says why and offers 添加衣服 and 去测风格', async () => {
    open({ todayOutfits: ok(outfitsAnswer([], { problem: { code: 'nothingToWear', message: '衣橱里还没有单品，店里也暂时没有可搭配的款式' } })) });
    expect(await screen.findByText('今天还搭不出一套')).toBeTruthy();
    expect(screen.getByText(/衣橱里还没有单品，店里也暂时没有可搭配的款式/)).toBeTruthy();
    const problem = document.querySelector('.outfit-problem')!;
    fireEvent.click(button(problem, '添加衣服'));
    fireEvent.click(button(problem, '去测风格'));
    expect(recorded.navigations).toEqual([
      { api: 'navigateTo', url: '/packages/style/wardrobe/add/index' },
      { api: 'navigateTo', url: '/packages/style/quiz/index' },
    ]);
  });

  it('a wardrobe piece’s picture opens the piece; the store’s does not lead anywhere', async () => {
    open();
    await screen.findByText('第一套');
    expect(card(0).querySelector('[data-slot="outer"] .outfit-piece__picture')?.getAttribute('role')).toBeNull();
    fireEvent.click(card(0).querySelector('[data-slot="top"] .outfit-piece__picture')!);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: `/packages/style/wardrobe/item/index?id=${encodeURIComponent(KNIT.id)}` }]);
  });
});

