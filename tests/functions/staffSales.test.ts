import { createHarness, type Harness } from '../support/harness';
import { currentScope, type CallScope } from '../../local/cloud/context';
import { requesterClass } from '../support/interleave';
import { deliver, orderBody, tillCode } from '../support/pos';

const CLERK = 'staff-S001';
const STYLIST = 'stylist-S001';
const MANAGER = 'manager-S001';
const CLERK_S002 = 'staff-S002';
const DAY = 86_400_000;

/** ¥50 off an order of ¥300, in the member's wallet (what a claim issues). */
function amountOffDoc(id: string, memberId: string, issuedAt: Date) {
  return {
    _id: id,
    memberId,
    templateId: 'test-50-off',
    channel: 'claim',
    name: '满300减50',
    discount: { kind: 'amountOff', amountFen: 5_000, thresholdFen: 30_000 },
    stackable: true,
    status: 'available',
    issuedAt,
    validFrom: issuedAt,
    validUntil: new Date(issuedAt.getTime() + 30 * DAY),
    usedAt: null,
    usedOrder: null,
  };
}

async function joinCode(h: Harness, openid = CLERK): Promise<string> {
  const answer = await h.call('staff', openid, { action: 'joinCode' });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return new URLSearchParams(answer.data.scene).get('c')!;
}

const memberOf = (h: Harness, openid: string) => h.cloud.db.find('members', { openid })[0] as Record<string, any>;

describe('who signed whom up (staff.joinCode, member.enroll with c=)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it("gives each clerk one short code of their own, never the openid, in a scene WeChat accepts, with the store's and the clerk's names", async () => {
    const answer = await h.call('staff', CLERK, { action: 'joinCode' });
    expect(answer).toMatchObject({ ok: true, data: { path: 'packages/join/index', storeName: '悦衣库 上海静安店', clerkName: '林小悦', image: expect.any(String) } });
    const { scene } = answer.ok && answer.data;
    expect(scene).toMatch(/^s=S001&c=[A-Z0-9]{6}$/);
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(scene).not.toContain(CLERK);
    expect(h.cloud.openapi.sent('wxacode.getUnlimited').at(-1)?.data).toMatchObject({ scene, page: 'packages/join/index' });
    // the same code again, and another clerk's differs
    expect(await joinCode(h)).toBe(new URLSearchParams(scene).get('c'));
    expect(await joinCode(h, CLERK_S002)).not.toBe(await joinCode(h));
  });

  it('parallel first calls keep one code for the clerk', async () => {
    const codes = await Promise.all(Array.from({ length: 10 }, () => joinCode(h, MANAGER)));
    expect(new Set(codes).size).toBe(1);
  });

  it('100 shoppers joining through a clerk\'s code are all attributed to that store and clerk', async () => {
    const c = await joinCode(h);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => h.call('member', `shopper-${i}`, { action: 'enroll', storeId: 'S001', privacyAccepted: true, clerk: c })));
    expect(answers.every((a) => a.ok && a.data.created)).toBe(true);
    expect(h.cloud.db.find('members', { 'signedUpBy.storeId': 'S001', 'signedUpBy.staffId': CLERK })).toHaveLength(100);
  });

  it("a second scan of another clerk's code changes nothing: the attribution never changes", async () => {
    const mine = await joinCode(h);
    const theirs = await joinCode(h, STYLIST);
    await h.join('shopper', { clerk: mine });
    const again = await h.call('member', 'shopper', { action: 'enroll', storeId: 'S001', privacyAccepted: true, clerk: theirs });
    expect(again).toMatchObject({ ok: true, data: { created: false } });
    expect(memberOf(h, 'shopper').signedUpBy).toEqual({ storeId: 'S001', staffId: CLERK });
  });

  it('a plain store code names the store only', async () => {
    await h.join('shopper');
    expect(memberOf(h, 'shopper').signedUpBy).toEqual({ storeId: 'S001', staffId: null });
  });

  it.each([
    ['an unknown code', async () => 'ZZZZZZ'],
    ['a malformed code', async () => 'not a code!'],
    ['a code of a clerk of another store', async (h: Harness) => joinCode(h, CLERK_S002)],
    [
      'a code of a clerk who left',
      async (h: Harness) => {
        const c = await joinCode(h);
        await h.cloud.db.apply([{ c: 'staff', id: CLERK, doc: { ...h.cloud.db.find('staff', { _id: CLERK })[0], active: false } }]);
        return c;
      },
    ],
  ])('%s signs the shopper up to the store only, and they join all the same', async (_what, codeOf) => {
    const c = await codeOf(h);
    const answer = await h.call('member', 'shopper', { action: 'enroll', storeId: 'S001', privacyAccepted: true, clerk: c });
    expect(answer).toMatchObject({ ok: true, data: { created: true } });
    expect(memberOf(h, 'shopper').signedUpBy).toEqual({ storeId: 'S001', staffId: null });
  });
});

describe('the counter coupon check (staff.counterCoupons, staff.useCouponAtCounter)', () => {
  let h: Harness;
  let memberId: string;
  const C = 'test-50-off:m:1';
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('m1', { nickname: '小雅' });
    await h.cloud.db.apply([{ c: 'coupons', id: C, doc: amountOffDoc(C, memberId, h.clock.now()) }]);
  });
  const coupon = () => h.cloud.db.find('coupons', { _id: C })[0] as Record<string, any>;
  const looks = (view: string) => h.cloud.db.find('staffAudit', { memberId, view });

  it('lists the coupons usable now, the welcome 8折 among them, and writes the look to the audit log', async () => {
    const answer = await h.call('staff', CLERK, { action: 'counterCoupons', code: await tillCode(h, 'm1') });
    expect(answer).toMatchObject({ ok: true, data: { member: { memberId, nickname: '小雅', tierName: expect.any(String) } } });
    const listed = answer.ok ? answer.data.coupons : [];
    expect(listed.map((c: { couponId: string }) => c.couponId)).toEqual(expect.arrayContaining([C, `welcome-80:${memberId}:once`]));
    expect(listed.find((c: { couponId: string }) => c.couponId === C)).toMatchObject({ name: '满300减50', value: expect.any(String), validUntilText: expect.stringContaining('前有效') });
    expect(JSON.stringify(answer)).not.toContain('m1');
    expect(looks('coupons')).toEqual([expect.objectContaining({ staffId: CLERK, storeId: 'S001', why: expect.any(String) })]);
  });

  it('uses a coupon once against the order number: a retry answers the same, another order is refused', async () => {
    const code = await tillCode(h, 'm1');
    const first = await h.call('staff', CLERK, { action: 'useCouponAtCounter', code, couponId: C, orderNo: 'R-1001' });
    expect(first).toEqual({ ok: true, data: { couponId: C, name: '满300减50', orderNo: 'R-1001', usedAt: h.clock.now().toISOString() } });
    h.clock.advance(5_000);
    expect(await h.call('staff', CLERK, { action: 'useCouponAtCounter', code, couponId: C, orderNo: 'R-1001' })).toEqual(first);
    expect(await h.call('staff', CLERK, { action: 'useCouponAtCounter', code, couponId: C, orderNo: 'R-1002' })).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE', message: expect.stringContaining('用过') } });
    expect(coupon()).toMatchObject({ status: 'used', usedOrder: 'counter:S001:R-1001', checkedAtStore: 'S001' });
    expect(looks('counterCheck').length).toBeGreaterThanOrEqual(1);
    // the member's wallet shows it used in store
    const wallet = await h.call('coupon', 'm1', { action: 'list', status: 'used' });
    expect(JSON.stringify(wallet)).toContain('满300减50');
  });

  it('a coupon the counter used is refused by the till', async () => {
    await h.call('staff', CLERK, { action: 'useCouponAtCounter', code: await tillCode(h, 'm1'), couponId: C, orderNo: 'R-1' });
    const till = await deliver(h, 'orders', orderBody(h, await tillCode(h, 'm1'), 40_000, { couponIds: [C] }));
    expect(till.status).toBeGreaterThanOrEqual(400);
    expect(coupon()).toMatchObject({ usedOrder: 'counter:S001:R-1' });
  });

  it('a coupon the till used is refused at the counter, in plain words', async () => {
    const till = await deliver(h, 'orders', orderBody(h, await tillCode(h, 'm1'), 40_000, { couponIds: [C] }));
    expect(till.status).toBe(200);
    const answer = await h.call('staff', CLERK, { action: 'useCouponAtCounter', code: await tillCode(h, 'm1'), couponId: C, orderNo: 'R-1' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE', message: expect.stringContaining('用过') } });
    expect(coupon().usedOrder).toMatch(/^S001:/);
  });

  it('a till order that read the coupon before the counter used it fails on the conflict when it commits, and its retry finds it used', async () => {
    // hold the till's first commit (its transaction has read and staged the coupon) until the counter has used it
    const Requester = requesterClass();
    const original = Requester.prototype.send;
    let till: CallScope | null = null;
    let reach!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((r) => (reach = r));
    const released = new Promise<void>((r) => (release = r));
    let commits = 0;
    Requester.prototype.send = async function send(this: unknown, action: string, params: Record<string, unknown> = {}) {
      if (action === 'database.getDocument' && params.transactionId && till === null && String(params.collectionName) === 'coupons') till = currentScope();
      if (action === 'database.commitTransaction' && till !== null && currentScope() === till && (commits += 1) === 1) {
        reach();
        await released;
      }
      return original.call(this, action, params);
    };
    try {
      const tillAnswer = deliver(h, 'orders', orderBody(h, await tillCode(h, 'm1'), 40_000, { couponIds: [C] }));
      await reached;
      const counter = await h.call('staff', CLERK, { action: 'useCouponAtCounter', code: await tillCode(h, 'm1'), couponId: C, orderNo: 'R-9' });
      expect(counter).toMatchObject({ ok: true });
      release();
      const answer = await tillAnswer;
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE' } });
      expect(coupon()).toMatchObject({ status: 'used', usedOrder: 'counter:S001:R-9' });
      expect(h.cloud.db.find('orders', {})).toEqual([]);
    } finally {
      Requester.prototype.send = original;
    }
  });

  it('the counter and the till racing for one coupon (20 parallel each) use it exactly once; every loser gets a plain error', async () => {
    const code = await tillCode(h, 'm1');
    const [counter, till] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, (_, i) => h.call('staff', CLERK, { action: 'useCouponAtCounter', code, couponId: C, orderNo: `R-${i}` }))),
      Promise.all(Array.from({ length: 20 }, () => deliver(h, 'orders', orderBody(h, code, 40_000, { couponIds: [C] })))),
    ]);
    const wins = counter.filter((a) => a.ok).length + till.filter((a) => a.status === 200).length;
    const tally = (keys: string[]) => keys.reduce<Record<string, number>>((t, k) => ({ ...t, [k]: (t[k] ?? 0) + 1 }), {});
    console.log(`[staff sales] counter ${JSON.stringify(tally(counter.map((a) => (a.ok ? 'ok' : a.error.code))))}, till ${JSON.stringify(tally(till.map((a) => `${a.status}${a.body.error ? ` ${a.body.error.code}` : ''}`)))}`);
    expect(wins).toBe(1);
    for (const a of counter) if (!a.ok) expect(a.error).toEqual({ code: expect.stringMatching(/^(NOT_CLAIMABLE|CODE_EXPIRED|CONFLICT)$/), message: expect.any(String) });
    for (const a of till) if (a.status !== 200) expect(a.body).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
    expect(coupon().status).toBe('used');
    const winner = counter.find((a) => a.ok);
    expect(coupon().usedOrder).toBe(winner?.ok ? `counter:S001:${winner.data.orderNo}` : expect.stringMatching(/^S001:/));
  });

  it('refuses a pass (checked off elsewhere), another member\'s coupon and a dead code, changing nothing', async () => {
    const other = await h.join('m2');
    await h.cloud.db.apply([{ c: 'coupons', id: 'test-50-off:o:1', doc: amountOffDoc('test-50-off:o:1', other, h.clock.now()) }]);
    const code = await tillCode(h, 'm1');
    expect(await h.call('staff', CLERK, { action: 'useCouponAtCounter', code, couponId: 'test-50-off:o:1', orderNo: 'R-1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    h.clock.advance(2 * 60_000);
    expect(await h.call('staff', CLERK, { action: 'useCouponAtCounter', code, couponId: C, orderNo: 'R-1' })).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
    expect(coupon().status).toBe('available');
  });
});

describe('outfit lists (staff.productsForOutfit, staff.sendOutfitList)', () => {
  let h: Harness;
  let memberId: string;
  let skus: string[];
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('m1', { nickname: '小雅' });
    skus = h.cloud.db.find('products', { onSale: true }).slice(0, 3).map((p) => p._id as string);
  });
  const send = (extra: Record<string, unknown> = {}, openid = STYLIST) =>
    h.call('staff', openid, { action: 'sendOutfitList', memberId, title: '周末通勤', note: '这几件很衬你', items: skus, requestId: 'req-00000001', ...extra });

  it('lists the catalogue (by category) and the engine\'s suggestions for a member of the store', async () => {
    const answer = await h.call('staff', CLERK, { action: 'productsForOutfit', memberId, category: 'top' });
    expect(answer).toMatchObject({ ok: true, data: { member: { memberId, nickname: '小雅' } } });
    const data = answer.ok ? answer.data : null;
    expect(data.products.length).toBeGreaterThan(0);
    expect(data.products.every((p: { category: string }) => p.category === 'top')).toBe(true);
    expect(Array.isArray(data.suggestions)).toBe(true);
    for (const s of data.suggestions) for (const sku of s.skus) expect(data.suggested.map((p: { sku: string }) => p.sku)).toContain(sku);
    expect(h.cloud.db.find('staffAudit', { memberId, view: 'outfitList' })).toHaveLength(1);
  });

  it('sends a list once per request: the member finds it as 导购为你搭配 with the store and the sender', async () => {
    const first = await send();
    expect(first).toMatchObject({ ok: true, data: { created: true, listId: expect.any(String) } });
    expect(await send()).toMatchObject({ ok: true, data: { created: false, listId: first.ok && first.data.listId } });
    expect(h.cloud.db.find('outfitLists', { memberId })).toEqual([expect.objectContaining({ storeId: 'S001', staffName: '陈造型', title: '周末通勤' })]);
    const lists = await h.call('style', 'm1', { action: 'outfitLists' });
    expect(lists).toMatchObject({ ok: true, data: { lists: [{ title: '周末通勤', from: '悦衣库 上海静安店 · 陈造型', items: expect.any(Array) }] } });
    expect(h.cloud.db.find('staffAudit', { memberId, view: 'outfitList' }).length).toBeGreaterThanOrEqual(1);
  });

  it('refuses fewer than 2 products, a product not on sale and a piece not in the member\'s wardrobe, sending nothing', async () => {
    expect(await send({ items: skus.slice(0, 1) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await send({ items: [skus[0], 'NOSUCHSKU1'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await send({ wardrobe: ['no-such-piece'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.cloud.db.find('outfitLists', { memberId })).toEqual([]);
  });

  it("a member of another store is not the clerk's to dress", async () => {
    expect(await send({}, CLERK_S002)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('staff', CLERK_S002, { action: 'productsForOutfit', memberId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

/** Every sales action × who calls it: the answer code expected (ok: allowed). */
describe('who may do what (the authorisation table of the sales actions)', () => {
  type Caller = 'no identity' | 'member' | 'clerk of this store' | 'clerk of another store' | 'manager' | 'stylist';
  const OPENIDS: Record<Caller, string | null> = {
    'no identity': null,
    member: 'm1',
    'clerk of this store': CLERK,
    'clerk of another store': CLERK_S002,
    manager: MANAGER,
    stylist: STYLIST,
  };
  const ACTIONS: Record<string, { data: (f: { code: string; memberId: string; sku: string[] }) => Record<string, unknown>; anotherStore: 'ok' | 'NOT_FOUND' }> = {
    joinCode: { data: () => ({}), anotherStore: 'ok' },
    counterCoupons: { data: (f) => ({ code: f.code }), anotherStore: 'ok' },
    useCouponAtCounter: { data: (f) => ({ code: f.code, couponId: `welcome-80:${f.memberId}:once`, orderNo: 'R-1' }), anotherStore: 'ok' },
    productsForOutfit: { data: (f) => ({ memberId: f.memberId }), anotherStore: 'NOT_FOUND' },
    sendOutfitList: { data: (f) => ({ memberId: f.memberId, title: '搭配', note: '', items: f.sku, requestId: 'req-00000001' }), anotherStore: 'NOT_FOUND' },
  };
  const expected = (caller: Caller, anotherStore: 'ok' | 'NOT_FOUND') =>
    caller === 'no identity' ? 'UNAUTHENTICATED' : caller === 'member' ? 'FORBIDDEN' : caller === 'clerk of another store' ? anotherStore : 'ok';
  const rows = Object.entries(ACTIONS).flatMap(([action, spec]) => (Object.keys(OPENIDS) as Caller[]).map((caller) => [action, caller, expected(caller, spec.anotherStore)] as const));

  it.each(rows)('%s by %s → %s', async (action, caller, answer) => {
    const h = await createHarness();
    const memberId = await h.join('m1');
    const code = await tillCode(h, 'm1');
    const sku = h.cloud.db.find('products', { onSale: true }).slice(0, 2).map((p) => p._id as string);
    const result = await h.call('staff', OPENIDS[caller], { action, ...ACTIONS[action]!.data({ code, memberId, sku }) });
    if (answer === 'ok') expect(result).toMatchObject({ ok: true });
    else expect(result).toMatchObject({ ok: false, error: { code: answer } });
    // nothing a staff answer carries names an openid or a full phone
    for (const openid of Object.values(OPENIDS)) if (openid) expect(JSON.stringify(result)).not.toContain(`"${openid}"`);
  });
});
