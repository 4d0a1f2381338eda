import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { typeInto, withText } from '../../../../tests/ui/support/dom';
import { fail, ok } from '../../../../tests/ui/support/member';
import { programFunction, recorded, resetTaro, setRouterParams } from '../../../../tests/ui/support/taro';
import StaffOutfitPage from './index';

const MEMBER = '100000000001';
const product = (sku: string, name: string, category = 'top') => ({ sku, name, image: `/static/products/${sku}.svg`, category, priceFen: 19_900, inStock: true });
const TEE = product('YYTEE001', '纯棉圆领T恤·燕麦');
const SKIRT = product('YYSKT001', '百褶半裙·藏青', 'bottom');
const LOAFER = product('YYSHO001', '乐福鞋·黑', 'shoes');
const FOR_OUTFIT = {
  member: { memberId: MEMBER, nickname: '小雅', tier: 'explorer' },
  products: [TEE, SKIRT, LOAFER],
  wardrobe: [{ id: 'w1', name: '白衬衫', image: 'cloud://env.b/w1.jpg', category: 'top' }],
  suggestions: [{ reason: '同为通勤风，藏青配米白', skus: [SKIRT.sku, LOAFER.sku], wardrobeIds: ['w1'] }],
  suggested: [SKIRT, LOAFER],
};

const staffCalls = () => recorded.cloudCalls.filter((c) => c.name === 'staff').map((c) => c.data);

function open(answers: Record<string, (data: Record<string, unknown>) => unknown> = {}, params: Record<string, string> = { memberId: MEMBER }) {
  setRouterParams(params);
  programFunction('staff', async ({ data }) => {
    const table: Record<string, (data: Record<string, unknown>) => unknown> = {
      productsForOutfit: () => ok(FOR_OUTFIT),
      sendOutfitList: () => ok({ listId: `staff:${MEMBER}:x`, sentAt: '2026-11-25T02:00:00.000Z', created: true }),
      ...answers,
    };
    const answer = table[data.action as string];
    return answer ? answer(data) : fail('INTERNAL');
  });
  return render(<StaffOutfitPage />);
}

beforeEach(() => resetTaro());

describe('为TA搭配 (an outfit list for a member)', () => {
  it('shows the engine\'s suggestions and the catalogue for the member named in the link', async () => {
    open();
    expect(await screen.findByText('为小雅搭配')).toBeTruthy();
    expect(screen.getByText('同为通勤风，藏青配米白')).toBeTruthy();
    expect(screen.getByText('纯棉圆领T恤·燕麦')).toBeTruthy();
    expect(staffCalls()).toEqual([{ action: 'productsForOutfit', memberId: MEMBER }]);
  });

  it('asks for the category the clerk taps', async () => {
    const view = open();
    await screen.findByText('为小雅搭配');
    fireEvent.click(withText(view.container, '[role="tab"]', '下装'));
    await waitFor(() => expect(staffCalls().at(-1)).toEqual({ action: 'productsForOutfit', memberId: MEMBER, category: 'bottom' }));
  });

  it('sends a suggestion with a title and a note, and tells the clerk it was sent', async () => {
    const view = open();
    await screen.findByText('为小雅搭配');
    fireEvent.click(withText(view.container, 'taro-button-core', '用这套'));
    typeInto(view.container.querySelectorAll('taro-input-core')[1]!, '周末穿很合适');
    fireEvent.click(withText(view.container, 'taro-button-core', '发送给小雅'));
    expect(await screen.findByText('已发送给小雅')).toBeTruthy();
    const sent = staffCalls().find((d) => d.action === 'sendOutfitList');
    expect(sent).toEqual({ action: 'sendOutfitList', memberId: MEMBER, title: '为你搭配的一套', note: '周末穿很合适', items: [SKIRT.sku, LOAFER.sku], wardrobe: ['w1'], requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
    expect(recorded.toasts.map((t) => t.title)).toContain('已发送给小雅');
  });

  it('picks products from the grid, and asks for at least two before sending anything', async () => {
    const view = open();
    await screen.findByText('为小雅搭配');
    fireEvent.click(withText(view.container, '[role="checkbox"]', '纯棉圆领T恤·燕麦'));
    fireEvent.click(withText(view.container, 'taro-button-core', '发送给小雅'));
    expect(await screen.findByText('至少选 2 件商品')).toBeTruthy();
    expect(staffCalls().some((d) => d.action === 'sendOutfitList')).toBe(false);
    fireEvent.click(withText(view.container, '[role="checkbox"]', '乐福鞋·黑'));
    fireEvent.click(withText(view.container, 'taro-button-core', '发送给小雅'));
    await screen.findByText('已发送给小雅');
    expect(staffCalls().find((d) => d.action === 'sendOutfitList')).toMatchObject({ items: [TEE.sku, LOAFER.sku] });
  });

  it('a failed send keeps the choice and retries with the same request id', async () => {
    let down = true;
    const view = open({ sendOutfitList: () => (down ? fail('UNAVAILABLE') : ok({ listId: 'l', sentAt: '2026-11-25T02:00:00.000Z', created: true })) });
    await screen.findByText('为小雅搭配');
    fireEvent.click(withText(view.container, 'taro-button-core', '用这套'));
    fireEvent.click(withText(view.container, 'taro-button-core', '发送给小雅'));
    expect(await screen.findByText(/网络不太稳定/)).toBeTruthy();
    down = false;
    fireEvent.click(withText(view.container, 'taro-button-core', '发送给小雅'));
    await screen.findByText('已发送给小雅');
    const ids = staffCalls().filter((d) => d.action === 'sendOutfitList').map((d) => d.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('without a member in the link it says where to come from, asking nothing', async () => {
    open({}, {});
    expect(await screen.findByText('先选一位会员')).toBeTruthy();
    expect(staffCalls()).toEqual([]);
  });

  it('a member of another store reads a plain refusal', async () => {
    open({ productsForOutfit: () => fail('FORBIDDEN') });
    expect(await screen.findByText('没能加载出来')).toBeTruthy();
  });
});
