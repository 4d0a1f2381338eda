import { canonicalOrder, canonicalRefund } from '../../cloudfunctions/domain/till/canonical';
import { returnedPieces } from '../../cloudfunctions/domain/till/returnedPieces';

const order = {
  orderId: 'T1',
  items: [
    { sku: 'YYTOP011', qty: 2, priceFen: 9_900 },
    { sku: 'YYBOT011', qty: 1, priceFen: 25_900 },
  ],
};

describe('the pieces that come back with a refund (they leave the wardrobe)', () => {
  it.each<[string, Parameters<typeof returnedPieces>[0]['returnedItems'], Array<{ sku: string; qty: number }> | undefined, boolean, unknown]>([
    ['a refund naming one of two tops brings back that one', undefined, [{ sku: 'YYTOP011', qty: 1 }], false, { ok: true, value: [{ sku: 'YYTOP011', qty: 1 }] }],
    ['a second refund adds to the first', [{ sku: 'YYTOP011', qty: 1 }], [{ sku: 'YYTOP011', qty: 1 }], false, { ok: true, value: [{ sku: 'YYTOP011', qty: 2 }] }],
    ['a refund of all that is left brings back every piece, named or not', [{ sku: 'YYTOP011', qty: 1 }], undefined, true, { ok: true, value: [{ sku: 'YYTOP011', qty: 2 }, { sku: 'YYBOT011', qty: 1 }] }],
    ['a part refund naming nothing brings back nothing we can name', undefined, undefined, false, { ok: true, value: [] }],
    ['an empty list names nothing', [{ sku: 'YYBOT011', qty: 1 }], [], false, { ok: true, value: [{ sku: 'YYBOT011', qty: 1 }] }],
  ])('%s', (_name, returnedItems, items, whole, expected) => {
    expect(returnedPieces({ ...order, returnedItems }, { items }, whole)).toEqual(expected);
  });

  it.each<[string, Parameters<typeof returnedPieces>[0]['returnedItems'], Array<{ sku: string; qty: number }>, RegExp]>([
    ['a piece not on the order', undefined, [{ sku: 'YYSHO011', qty: 1 }], /YYSHO011 is not on order T1/],
    ['more pieces than were bought', undefined, [{ sku: 'YYTOP011', qty: 3 }], /3 × YYTOP011 coming back, but only 2/],
    ['a piece that came back already', [{ sku: 'YYBOT011', qty: 1 }], [{ sku: 'YYBOT011', qty: 1 }], /only 0/],
    ['one SKU named twice adding up to too many', undefined, [{ sku: 'YYTOP011', qty: 2 }, { sku: 'YYTOP011', qty: 1 }], /3 × YYTOP011/],
  ])('refuses %s', (_name, returnedItems, items, message) => {
    const answer = returnedPieces({ ...order, returnedItems }, { items }, false);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!answer.ok && answer.error.message).toMatch(message);
  });
});

describe('fingerprints stay the same for requests sent before sizes and returned pieces existed', () => {
  const at = new Date('2026-11-25T02:00:00Z');
  const input = { orderId: 'T1', memberCode: '1'.repeat(18), amountFen: 100, items: [{ sku: 'A', qty: 1, priceFen: 100 }], paidAt: at.toISOString() };
  it('an order without sizes canonicalises as before; a size makes another meaning', () => {
    expect(canonicalOrder(input, at)[5]).toEqual([JSON.stringify(['A', 1, 100])]);
    expect(canonicalOrder({ ...input, items: [{ sku: 'A', qty: 1, priceFen: 100, size: 'M' }] }, at)).not.toEqual(canonicalOrder(input, at));
  });
  it('a refund naming no pieces (or an empty list) canonicalises as before; naming them in another order means the same', () => {
    const refund = { orderId: 'T1', refundId: 'R1', amountFen: 50 };
    expect(canonicalRefund(refund, 'S001')).toEqual(['refund', 'R1', 'S001', 'T1', 50]);
    expect(canonicalRefund({ ...refund, items: [] }, 'S001')).toEqual(canonicalRefund(refund, 'S001'));
    const two = [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 2 }];
    expect(canonicalRefund({ ...refund, items: two }, 'S001')).toEqual(canonicalRefund({ ...refund, items: [...two].reverse() }, 'S001'));
  });
});
