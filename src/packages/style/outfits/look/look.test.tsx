import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { withText } from '../../../../../tests/ui/support/dom';
import { ok } from '../../../../../tests/ui/support/member';
import { failWith, JEANS, keepingWardrobe, KNIT, LOAFERS, outfitsAnswer, outfitView, SHIRT, SNEAKERS, storePiece, type StyleAnswers } from '../../../../../tests/ui/support/styleFunction';
import { recorded, resetTaro, setRouterParams } from '../../../../../tests/ui/support/taro';
import LookPage from './index';

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const SHIRT_SOLD = storePiece('YYSHI011', 'top', '真丝衬衫·奶白', 39_900, { colours: [{ name: '奶白', hex: '#f3eee4' }] });

function open(params: Record<string, string>, over: StyleAnswers = {}) {
  keepingWardrobe(undefined, {
    completeLook: (data) =>
      ok(
        data.sku
          ? outfitsAnswer([outfitView([SHIRT_SOLD, JEANS, SNEAKERS])], { scene: (data.scene as never) ?? '职场' })
          : outfitsAnswer([outfitView([KNIT, JEANS, SNEAKERS]), outfitView([SHIRT, JEANS, LOAFERS])], { scene: (data.scene as never) ?? '休闲' }),
      ),
    ...over,
  });
  setRouterParams(params);
  render(<LookPage />);
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('搭配这件', () => {
  it('builds outfits around a wardrobe piece: the piece on top, marked 这件 in each outfit and never swapped', async () => {
    open({ id: encodeURIComponent(JEANS.id) });
    expect(await screen.findByText('围绕这件搭配')).toBeTruthy();
    expect(document.querySelector('.look-anchor__name')?.textContent).toBe('直筒牛仔裤·焦糖');
    expect(document.querySelector('.look-anchor__from')?.textContent).toBe('我的衣橱 · 下装');
    expect(calls('completeLook')).toEqual([{ action: 'completeLook', id: JEANS.id }]);
    const anchors = document.querySelectorAll(`.outfit-piece--anchor[data-piece="${JEANS.id}"]`);
    expect(anchors).toHaveLength(2);
    expect(anchors[0]!.querySelector('.outfit-piece__slot')?.textContent).toBe('这件');
    expect(anchors[0]!.textContent).not.toContain('换一件');
    // the piece the page is about does not open itself
    expect(anchors[0]!.querySelector('.outfit-piece__picture')?.getAttribute('role')).toBeNull();
  });

  it('builds outfits around a product from the report (?sku=), and another scene asks again', async () => {
    open({ sku: 'YYSHI011' });
    await screen.findByText('真丝衬衫·奶白', { selector: '.look-anchor__name' });
    expect(document.querySelector('.look-anchor__from')?.textContent).toBe('店里有 ¥399');
    fireEvent.click(withText(document.querySelector('[aria-label="场合"]')!, '[role="radio"]', '约会'));
    await waitFor(() => expect(calls('completeLook')).toEqual([{ action: 'completeLook', sku: 'YYSHI011' }, { action: 'completeLook', sku: 'YYSHI011', scene: '约会' }]));
  });

  it('a piece no longer there (put away, or sold out) says so in the function’s words and leads to the wardrobe', async () => {
    open({ id: KNIT.id }, { completeLook: failWith('NOT_FOUND', '衣橱里没有这件') });
    expect(await screen.findByText('搭配不了这件')).toBeTruthy();
    expect(screen.getByText(/^衣橱里没有这件。/)).toBeTruthy();
    fireEvent.click(withText(document.body, 'taro-button-core', '去我的衣橱'));
    expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/style/wardrobe/index' }]);
  });

  it('without a piece named, asks for nothing and says so', async () => {
    open({});
    expect(await screen.findByText('搭配不了这件')).toBeTruthy();
    expect(calls('completeLook')).toEqual([]);
  });
});
