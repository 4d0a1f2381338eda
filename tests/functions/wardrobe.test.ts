import { createHarness, type Harness } from '../support/harness';
import { buy, deliver, refundBody } from '../support/pos';

const DAY = 86_400_000;
const TEE = { sku: 'YYTEE011', priceFen: 9_900 };
const TROUSERS = { sku: 'YYTRO011', priceFen: 29_900 };
const PHOTO = 'cloud://styleclub-dev.local/wardrobe/abc123.jpg';
const OWN = { image: PHOTO, name: '白衬衫', category: 'top', colours: [{ name: '白色', hex: '#ffffff' }], wearSeason: '四季', styles: ['通勤'], scenes: ['职场'] };

describe('我的衣橱 (style function, wardrobe actions)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    await h.join('ann', { nickname: '安' });
  });

  /** The data of a call that must succeed. */
  const data = async (call: Promise<{ ok: boolean; data?: any; error?: unknown }>) => {
    const answer = await call;
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.data;
  };

  const wardrobe = async (input: Record<string, unknown> = {}) => {
    const answer = await h.call('style', 'ann', { action: 'wardrobe', ...input });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.data;
  };

  it('a piece bought at the till arrives by itself, with the catalogue\'s picture, the size sold, the store and the date', async () => {
    await buy(h, 'ann', TEE.priceFen * 2 + TROUSERS.priceFen, { items: [{ ...TEE, qty: 2, size: 'M' }, { ...TROUSERS, qty: 1, size: '27' }] });
    const w = await wardrobe();
    expect(w.items).toHaveLength(3);
    const tee = w.items.find((i: { name: string }) => i.name.startsWith('纯棉圆领T恤'));
    expect(tee).toMatchObject({ category: 'top', categoryName: '上装', size: 'M', source: 'purchase', image: '/static/products/YYTEE011.svg', origin: '门店购买 · 2026-11-25 · 悦衣库 上海静安店', wears: 0, costPerWearFen: null });
    // a second read adds nothing
    expect((await wardrobe()).items).toHaveLength(3);
    expect(h.cloud.db.count('wardrobeItems', {})).toBe(3);
  });

  it('parallel first reads add each piece once', async () => {
    await buy(h, 'ann', TEE.priceFen, { items: [{ ...TEE, qty: 1 }] });
    await Promise.all(Array.from({ length: 8 }, () => wardrobe()));
    expect(h.cloud.db.count('wardrobeItems', {})).toBe(1);
  });

  it('a refunded piece leaves, marked as returned; a whole refund takes every piece out', async () => {
    const { body } = await buy(h, 'ann', TEE.priceFen * 2 + TROUSERS.priceFen, { items: [{ ...TEE, qty: 2 }, { ...TROUSERS, qty: 1 }] });
    expect((await wardrobe()).items).toHaveLength(3);
    await deliver(h, 'refunds', { ...refundBody(body.orderId, 'R1', TEE.priceFen), items: [{ sku: TEE.sku, qty: 1 }] });
    expect((await wardrobe()).items.map((i: { name: string }) => i.name.slice(0, 4)).sort()).toEqual(['纯棉圆领', '高腰阔腿']);
    await deliver(h, 'refunds', refundBody(body.orderId, 'R2', TEE.priceFen + TROUSERS.priceFen));
    expect((await wardrobe()).items).toEqual([]);
    expect(h.cloud.db.count('wardrobeItems', { status: 'returned' })).toBe(3);
  });

  it('a piece refunded before the wardrobe was ever opened arrives already returned', async () => {
    const { body } = await buy(h, 'ann', TEE.priceFen, { items: [{ ...TEE, qty: 1 }] });
    await deliver(h, 'refunds', refundBody(body.orderId, 'R1', TEE.priceFen));
    expect((await wardrobe()).items).toEqual([]);
  });

  it('units of a line a sync did not finish still arrive', async () => {
    await buy(h, 'ann', TEE.priceFen * 3, { items: [{ ...TEE, qty: 3 }] });
    await wardrobe();
    // as if the first sync had stopped after the first unit
    const ids = h.cloud.db.find('wardrobeItems', {}).map((d) => d._id as string).sort();
    await h.cloud.db.apply(ids.slice(1).map((id) => ({ c: 'wardrobeItems', id, doc: null })));
    expect((await wardrobe()).items).toHaveLength(3);
  });

  it('a line the catalogue does not know (a bag fee, a gift card) is no garment', async () => {
    await buy(h, 'ann', 100, { items: [{ sku: 'BAG-FEE', qty: 1, priceFen: 100 }] });
    expect((await wardrobe()).items).toEqual([]);
  });

  describe('今天穿了', () => {
    it('counts a day once, however often it is tapped (10 in parallel), and gives the cost per wear', async () => {
      await buy(h, 'ann', TROUSERS.priceFen, { items: [{ ...TROUSERS, qty: 1 }] });
      const [piece] = (await wardrobe()).items;
      const taps = await Promise.all(Array.from({ length: 10 }, () => h.call('style', 'ann', { action: 'wear', ids: [piece.id] })));
      expect(taps.every((t) => t.ok)).toBe(true);
      let item = (await data(h.call('style', 'ann', { action: 'wardrobeItem', id: piece.id }))).item;
      expect(item).toMatchObject({ wears: 1, costPerWearFen: 29_900, wornToday: true });
      h.clock.advance(DAY);
      await h.call('style', 'ann', { action: 'wear', ids: [piece.id] });
      item = (await data(h.call('style', 'ann', { action: 'wardrobeItem', id: piece.id }))).item;
      expect(item).toMatchObject({ wears: 2, costPerWearFen: 14_950, wornToday: true });
    });

    it('marks an outfit\'s pieces at once, and refuses another member\'s piece, changing nothing', async () => {
      await buy(h, 'ann', TEE.priceFen + TROUSERS.priceFen, { items: [{ ...TEE, qty: 1 }, { ...TROUSERS, qty: 1 }] });
      const ids = (await wardrobe()).items.map((i: { id: string }) => i.id);
      const worn = await h.call('style', 'ann', { action: 'wear', ids });
      expect(worn.ok && worn.data.items.map((i: { wears: number }) => i.wears)).toEqual([1, 1]);
      await h.join('bea');
      expect(await h.call('style', 'bea', { action: 'wear', ids: [ids[0]] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await h.call('style', 'bea', { action: 'wardrobeItem', id: ids[0] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('a piece not worn for 6 weeks is a 被遗忘的宝贝', async () => {
      await buy(h, 'ann', TEE.priceFen, { items: [{ ...TEE, qty: 1 }] });
      expect((await wardrobe()).forgotten).toEqual([]);
      h.clock.advance(42 * DAY);
      expect((await wardrobe()).forgotten.map((i: { forgotten: boolean }) => i.forgotten)).toEqual([true]);
    });
  });

  describe('pieces added by hand', () => {
    it('adds a photo piece, edits it, puts it away and back, removes it', async () => {
      const added = await h.call('style', 'ann', { action: 'addItem', ...OWN });
      expect(added.ok && added.data.item).toMatchObject({ name: '白衬衫', source: 'own', origin: '我添加的', image: PHOTO, costPerWearFen: null });
      const id = added.ok && added.data.item.id;
      expect((await data(h.call('style', 'ann', { action: 'editItem', id, name: '真丝白衬衫', styles: ['法式', '通勤'] }))).item).toMatchObject({ name: '真丝白衬衫', styles: ['法式', '通勤'] });
      await h.call('style', 'ann', { action: 'archiveItem', id, archived: true });
      expect((await wardrobe()).items).toEqual([]);
      expect((await wardrobe({ archived: true })).items).toHaveLength(1);
      await h.call('style', 'ann', { action: 'archiveItem', id, archived: false });
      expect((await wardrobe()).items).toHaveLength(1);
      expect(await h.call('style', 'ann', { action: 'removeItem', id })).toEqual({ ok: true, data: { removed: true } });
      expect(h.cloud.db.count('wardrobeItems', {})).toBe(0);
    });

    it('filters by category, colour and season', async () => {
      await h.call('style', 'ann', { action: 'addItem', ...OWN });
      await h.call('style', 'ann', { action: 'addItem', ...OWN, name: '驼色大衣', category: 'outer', colours: [{ name: '驼色', hex: '#c19a6b' }], wearSeason: '秋冬' });
      expect((await wardrobe({ category: 'outer' })).items.map((i: { name: string }) => i.name)).toEqual(['驼色大衣']);
      expect((await wardrobe({ colour: '白色' })).items.map((i: { name: string }) => i.name)).toEqual(['白衬衫']);
      expect((await wardrobe({ wearSeason: '春夏' })).items.map((i: { name: string }) => i.name)).toEqual(['白衬衫']);
    });

    it('refuses what is not a photo of our storage, a bad colour, too many colours, and a bought piece\'s removal', async () => {
      for (const bad of [
        { ...OWN, image: 'https://evil.example/x.jpg' },
        { ...OWN, image: 'cloud://env/../x.jpg' },
        { ...OWN, colours: [{ name: '红', hex: 'red' }] },
        { ...OWN, colours: [] },
        { ...OWN, name: '   ' },
        { ...OWN, category: 'hat' },
        { ...OWN, memberId: 'x' },
      ]) {
        expect(await h.call('style', 'ann', { action: 'addItem', ...bad })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
      await buy(h, 'ann', TEE.priceFen, { items: [{ ...TEE, qty: 1 }] });
      const [bought] = (await wardrobe()).items;
      expect(await h.call('style', 'ann', { action: 'removeItem', id: bought.id })).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE' } });
      expect(h.cloud.db.count('wardrobeItems', {})).toBe(1);
    });

    it('a retried add with its requestId adds the piece once', async () => {
      const adds = await Promise.all(Array.from({ length: 3 }, () => h.call('style', 'ann', { action: 'addItem', ...OWN, requestId: 'add-req-0001' })));
      expect(adds.every((a) => a.ok)).toBe(true);
      expect(await h.call('style', 'ann', { action: 'addItem', ...OWN, requestId: 'add-req-0001' })).toMatchObject({ ok: true });
      expect(h.cloud.db.count('wardrobeItems', {})).toBe(1);
    });

    it('an edit of a piece removed meanwhile is NOT_FOUND, never an error', async () => {
      const added = await h.call('style', 'ann', { action: 'addItem', ...OWN });
      const id = added.ok && added.data.item.id;
      await h.call('style', 'ann', { action: 'removeItem', id });
      expect(await h.call('style', 'ann', { action: 'editItem', id, name: '新名字' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await h.call('style', 'ann', { action: 'archiveItem', id, archived: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('stops at the quota of pieces added by hand', async () => {
      const docs = Array.from({ length: 200 }, (_, i) => ({ c: 'wardrobeItems', id: `o:seed:${i}`, doc: { _id: `o:seed:${i}`, memberId: h.cloud.db.find('members', { openid: 'ann' })[0]!._id, source: 'own', status: 'active' } }));
      await h.cloud.db.apply(docs);
      expect(await h.call('style', 'ann', { action: 'addItem', ...OWN })).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
    });
  });

  it('leaving erases the wardrobe; the export lists it', async () => {
    await buy(h, 'ann', TEE.priceFen, { items: [{ ...TEE, qty: 1 }] });
    await wardrobe();
    const exported = await h.call('member', 'ann', { action: 'export' });
    expect(exported.ok && exported.data.style.wardrobe).toHaveLength(1);
    await h.call('member', 'ann', { action: 'delete', confirm: true });
    expect(h.cloud.db.count('wardrobeItems', {})).toBe(0);
  });
});
