import { addOutfitList } from '../../cloudfunctions/data/outfits';
import { database } from '../../cloudfunctions/platform/cloud';
import { createHarness, type Harness } from '../support/harness';
import { runJobs } from '../support/ledger';
import { buy } from '../support/pos';

const DAY = 86_400_000;
/** A winter wardrobe bought at the till: two tops, jeans, a skirt, a blazer, sneakers and boots. */
const BASKET = [
  { sku: 'YYTEE011', qty: 1, priceFen: 9_900 },
  { sku: 'YYKNI021', qty: 1, priceFen: 29_900 },
  { sku: 'YYTRO021', qty: 1, priceFen: 25_900 },
  { sku: 'YYSKI031', qty: 1, priceFen: 25_900 },
  { sku: 'YYCOA031', qty: 1, priceFen: 59_900 },
  { sku: 'YYSNE011', qty: 1, priceFen: 49_900 },
  { sku: 'YYBOO012', qty: 1, priceFen: 79_900 },
];
const PAID = BASKET.reduce((s, b) => s + b.priceFen, 0);

describe('outfits (style function): 今日穿搭, 换一件, 搭配这件, saved outfits, 3 天穿搭灵感, 导购为你搭配', () => {
  let h: Harness;
  let memberId: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('ann', { nickname: '安' });
  });

  const call = async (data: Record<string, unknown>, openid = 'ann') => {
    const answer = await h.call('style', openid, data);
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.data;
  };
  const pieceIds = (o: { slots: Record<string, { id: string }> }) => Object.values(o.slots).map((p) => p.id);

  it('plans three outfits for today from the wardrobe, with the store where it lacks a piece, for the day\'s temperature in the store\'s city', async () => {
    await buy(h, 'ann', PAID, { items: BASKET });
    const today = await call({ action: 'todayOutfits', scene: '休闲' });
    expect(today.day).toMatchObject({ city: '上海', scene: '休闲' });
    expect(today.day.weatherNote).toMatch(/^上海 · 今天约 \d+°C（按历年同期气候）$/);
    expect(today.outfits.length).toBeGreaterThan(0);
    for (const o of today.outfits) {
      expect(o.slots.shoes).toBeDefined();
      expect(o.slots.dress ?? (o.slots.top && o.slots.bottom)).toBeTruthy();
      expect(o.reason.length).toBeGreaterThan(0);
      // a piece from the store is one the member does not own
      for (const sku of o.fromCatalogue) expect(BASKET.map((b) => b.sku)).not.toContain(sku);
    }
    // the same day, the same outfits
    expect((await call({ action: 'todayOutfits', scene: '休闲' })).outfits).toEqual(today.outfits);
  });

  it('does not dress the member in yesterday\'s outfit', async () => {
    await buy(h, 'ann', PAID, { items: BASKET });
    const first = (await call({ action: 'todayOutfits', scene: '休闲' })).outfits[0];
    const mine = pieceIds(first).filter((id) => id.startsWith('p:'));
    await call({ action: 'wear', ids: mine });
    h.clock.advance(DAY);
    const next = await call({ action: 'todayOutfits', scene: '休闲' });
    expect(next.outfits.length).toBeGreaterThan(0);
    for (const o of next.outfits) expect(pieceIds(o).sort()).not.toEqual(pieceIds(first).sort());
  });

  it('换一件 keeps the rest of the outfit and changes the one slot', async () => {
    await buy(h, 'ann', PAID, { items: BASKET });
    const first = (await call({ action: 'todayOutfits', scene: '休闲' })).outfits[0];
    const slot = first.slots.top ? 'top' : 'shoes';
    const swapped = await call({ action: 'swapPiece', pieceIds: pieceIds(first), slot, scene: '休闲' });
    expect(swapped.outfits.length).toBeGreaterThan(0);
    for (const o of swapped.outfits) {
      expect(o.slots[slot].id).not.toBe(first.slots[slot].id);
      for (const other of Object.keys(first.slots).filter((s) => s !== slot && s !== 'outer' && s !== 'accessory')) expect(o.slots[other].id).toBe(first.slots[other].id);
    }
    expect(await h.call('style', 'ann', { action: 'swapPiece', pieceIds: ['p:nobody:x', 'YYTEE011'], slot: 'top' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('搭配这件 builds outfits around a wardrobe piece or a catalogue product', async () => {
    await buy(h, 'ann', PAID, { items: BASKET });
    const { items } = await call({ action: 'wardrobe' });
    const skirt = items.find((i: { category: string }) => i.category === 'bottom');
    const around = await call({ action: 'completeLook', id: skirt.id });
    expect(around.outfits.length).toBeGreaterThan(0);
    for (const o of around.outfits) expect(o.slots.bottom.id).toBe(skirt.id);
    const product = await call({ action: 'completeLook', sku: 'YYSHI011' });
    expect(product.outfits.length).toBeGreaterThan(0);
    for (const o of product.outfits) expect(o.slots.top.id).toBe('YYSHI011');
    expect(await h.call('style', 'ann', { action: 'completeLook' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('style', 'ann', { action: 'completeLook', id: 'o:someone:else' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('saves an outfit once however often it is saved, lists and removes it', async () => {
    await buy(h, 'ann', PAID, { items: BASKET });
    const first = (await call({ action: 'todayOutfits', scene: '休闲' })).outfits[0];
    const ids = pieceIds(first);
    const saves = await Promise.all(Array.from({ length: 5 }, () => h.call('style', 'ann', { action: 'saveOutfit', pieceIds: ids, scene: '休闲', reason: first.reason })));
    expect(saves.every((s) => s.ok)).toBe(true);
    expect(h.cloud.db.count('savedOutfits', {})).toBe(1);
    expect((await call({ action: 'todayOutfits', scene: '休闲' })).outfits[0].saved).toBe(true);
    const saved = await call({ action: 'savedOutfits' });
    expect(saved.outfits).toHaveLength(1);
    expect(saved.outfits[0].pieces.every((p: { available: boolean }) => p.available)).toBe(true);
    expect(await h.call('style', 'ann', { action: 'saveOutfit', pieceIds: [ids[0], ids[0]], scene: '休闲' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call({ action: 'removeOutfit', id: saved.outfits[0].id })).toEqual({ removed: true });
    expect((await call({ action: 'savedOutfits' })).outfits).toEqual([]);
  });

  it('3 天穿搭灵感: an outfit a day for the first 3 days after the first report, then nothing', async () => {
    expect(await call({ action: 'inspiration' })).toEqual({ dayNumber: null, outfit: null, day: null });
    await buy(h, 'ann', PAID, { items: BASKET });
    await h.cloud.db.apply([{ c: 'styleReports', id: `${memberId}:1`, doc: { _id: `${memberId}:1`, memberId, attempt: 1, answers: {}, report: (await import('../ui/support/styleFunction')).reportView().report, createdAt: h.clock.now() } }]);
    const days = [];
    for (let d = 0; d < 4; d += 1) {
      days.push((await call({ action: 'inspiration' })).dayNumber);
      h.clock.advance(DAY);
    }
    expect(days).toEqual([1, 2, 3, null]);
  });

  it('3 天穿搭灵感\'s notice: one a day to a member holding a credit, for three days, never twice in a day', async () => {
    for (let i = 0; i < 4; i += 1) await h.call('member', 'ann', { action: 'subscribe', accepted: ['outfitInspiration'] });
    await h.cloud.db.apply([{ c: 'styleReports', id: `${memberId}:1`, doc: { _id: `${memberId}:1`, memberId, attempt: 1, answers: {}, report: (await import('../ui/support/styleFunction')).reportView().report, createdAt: h.clock.now() } }]);
    const run = () => runJobs(h, { action: 'run', job: 'outfit-inspiration', restart: true });
    for (let d = 0; d < 4; d += 1) {
      await run();
      await run();
      h.clock.advance(DAY);
    }
    const sent = h.cloud.openapi.sent('subscribeMessage.send');
    expect(sent.map((s) => (s.data as { data: { thing1: { value: string } } }).data.thing1.value)).toEqual(['第1天穿搭灵感已更新', '第2天穿搭灵感已更新', '第3天穿搭灵感已更新']);
    expect(sent[0]).toMatchObject({ data: { touser: 'ann', templateId: 'styleclub-dev-outfit-inspiration', page: 'packages/style/outfits/index' } });
  });

  it('导购为你搭配: the member opens a stylist\'s list (marked opened once); nobody else can', async () => {
    await buy(h, 'ann', PAID, { items: BASKET });
    const { items } = await call({ action: 'wardrobe' });
    await h.cloud.call(null, () => addOutfitList(database(), {
      _id: 'list-1',
      memberId,
      storeId: 'S001',
      staffName: '林店长',
      title: '通勤一周',
      note: '搭你的针织衫',
      items: [{ kind: 'wardrobe', id: items[0].id }, { kind: 'product', sku: 'YYSHI011' }],
      createdAt: h.clock.now(),
      openedAt: null,
    }));
    const lists = await call({ action: 'outfitLists' });
    expect(lists.lists).toEqual([expect.objectContaining({ id: 'list-1', from: '悦衣库 上海静安店 · 林店长', opened: false })]);
    expect(lists.lists[0].items.map((i: { kind: string }) => i.kind)).toEqual(['wardrobe', 'product']);
    expect((await call({ action: 'openOutfitList', id: 'list-1' })).list.opened).toBe(true);
    expect(h.cloud.db.find('outfitLists', { _id: 'list-1' })[0]).toMatchObject({ openedAt: h.clock.now() });
    await h.join('bea');
    expect(await h.call('style', 'bea', { action: 'openOutfitList', id: 'list-1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('leaving erases saved outfits and the lists made for the member', async () => {
    await buy(h, 'ann', PAID, { items: BASKET });
    const first = (await call({ action: 'todayOutfits', scene: '休闲' })).outfits[0];
    await call({ action: 'saveOutfit', pieceIds: pieceIds(first), scene: '休闲' });
    await h.call('member', 'ann', { action: 'delete', confirm: true });
    expect(h.cloud.db.count('savedOutfits', {})).toBe(0);
  });
});
