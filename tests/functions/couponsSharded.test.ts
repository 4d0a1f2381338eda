import type { Envelope } from '../../cloudfunctions/contract';
import { stockHolder } from '../../cloudfunctions/data/coupons';
import { couponFrom } from '../../cloudfunctions/domain/coupons/issue';
import { bucketIds, bucketsToTry, stockBuckets } from '../../cloudfunctions/domain/coupons/stockBuckets';
import type { Coupon, CouponStock, CouponTemplate } from '../../cloudfunctions/domain/coupons/template';
import { createHarness, type Harness, joinMany, tallyAnswers } from '../support/harness';

/** A flash campaign of the claim centre: 5,000 units, so 5 buckets (stockBuckets.ts). */
const FLASH = 'flash-5000';
const LEGACY = 'flash-legacy';

async function addCampaign(h: Harness, _id: string, stock: number, buckets: CouponStock[]): Promise<CouponTemplate> {
  const base = h.cloud.db.find('couponTemplates', { _id: 'new-arrival-trial' })[0] as unknown as CouponTemplate;
  const t: CouponTemplate = { ...base, _id, name: '限时抢券', stock, perMember: 1, sort: 0 };
  await h.cloud.db.apply([{ c: 'couponTemplates', id: _id, doc: { ...t } }, ...buckets.map((b) => ({ c: 'couponStock', id: b._id, doc: { ...b } }))]);
  return t;
}

const bucketsOf = (h: Harness, t: CouponTemplate) => bucketIds(t).map((id) => h.cloud.db.find('couponStock', { _id: id })[0] as unknown as CouponStock);
const issuedOf = (h: Harness, templateId: string) => h.cloud.db.find('coupons', { templateId }) as unknown as Coupon[];
const centreEntry = async (h: Harness, openid: string, templateId: string) => {
  const answer = await h.call('coupon', openid, { action: 'center' });
  return answer.ok ? answer.data.templates.find((e: { templateId: string }) => e.templateId === templateId) : answer;
};

/** Some 300 joins and claims on the in-memory cloud: a few seconds on a quiet machine. */
jest.setTimeout(60_000);

describe('a claim-centre campaign whose stock is kept in buckets', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('300 members claiming the last 40 units spread over 5 buckets in parallel → exactly 40 issued, every bucket at 0 and never below, each unit held by one issued coupon', async () => {
    // 7 + 0 + 3 + 12 + 18 units left: one bucket already empty, the others uneven, so claims must walk on
    const left = [7, 0, 3, 12, 18];
    const t = await addCampaign(h, FLASH, 5_000, stockBuckets({ _id: FLASH, stock: 5_000 }).map((b, k) => ({ ...b, remaining: left[k]! })));
    const openids = [...(await joinMany(h, 300, 'flash')).keys()];
    const lowest = new Map<string, number>();
    const apply = h.cloud.db.apply.bind(h.cloud.db);
    const spy = jest.spyOn(h.cloud.db, 'apply').mockImplementation((writes) => {
      for (const w of writes) if (w.c === 'couponStock' && w.doc) lowest.set(w.id, Math.min(lowest.get(w.id) ?? Infinity, w.doc.remaining as number));
      return apply(writes);
    });
    let answers: Array<Envelope<any>>;
    try {
      answers = await Promise.all(openids.map((o) => h.call('coupon', o, { action: 'claim', templateId: FLASH })));
    } finally {
      spy.mockRestore();
    }
    const buckets = bucketsOf(h, t);
    const issued = issuedOf(h, FLASH);
    console.log(`[stock buckets] 300 parallel claims of the last ${left.join('+')} units: ${JSON.stringify(tallyAnswers(answers))}; issued ${issued.length}; buckets written down to ${JSON.stringify(Object.fromEntries(lowest))}`);
    expect(tallyAnswers(answers)).toEqual({ ok: 40, OUT_OF_STOCK: 260 });
    expect(issued).toHaveLength(40);
    expect(issued.every((c) => c.status === 'available')).toBe(true);
    expect(new Set(issued.map((c) => c.memberId)).size).toBe(40);
    expect(buckets.map((b) => b.remaining)).toEqual([0, 0, 0, 0, 0]);
    expect(Math.min(...lowest.values())).toBe(0);
    // every issued coupon holds exactly one unit, in one bucket, and every unit taken is held by an issued coupon
    const holders = buckets.flatMap((b) => b.holders);
    expect(holders).toHaveLength(40);
    expect(new Set(holders)).toEqual(new Set(issued.map((c) => stockHolder(c._id))));
    expect(await centreEntry(h, openids[0]!, FLASH)).toMatchObject({ state: expect.any(String), stock: { total: 5_000, remaining: 0 } });
  });

  it('the claim centre shows what is left as the sum of the buckets, and one claim takes one unit from one bucket', async () => {
    const t = await addCampaign(h, FLASH, 5_000, stockBuckets({ _id: FLASH, stock: 5_000 }));
    const memberId = await h.join('one');
    expect(await centreEntry(h, 'one', FLASH)).toMatchObject({ state: 'claimable', stock: { total: 5_000, remaining: 5_000 } });
    expect(await h.call('coupon', 'one', { action: 'claim', templateId: FLASH })).toMatchObject({ ok: true });
    expect(await centreEntry(h, 'one', FLASH)).toMatchObject({ state: 'claimed', stock: { total: 5_000, remaining: 4_999 } });
    // the unit came from the member's own bucket, the first they try
    const own = bucketsToTry(bucketIds(t), memberId, new Map(bucketIds(t).map((id) => [id, 1]))) [0];
    expect(bucketsOf(h, t).filter((b) => b.remaining === 999).map((b) => b._id)).toEqual([own]);
  });

  it('a claim that crashed after taking its unit from another bucket than its own is finished without a second unit', async () => {
    const t = await addCampaign(h, FLASH, 5_000, stockBuckets({ _id: FLASH, stock: 5_000 }));
    const memberId = await h.join('crashed');
    const ids = bucketIds(t);
    // the member's own bucket was empty when the crashed claim ran, so it took from the next one
    const [own, next] = bucketsToTry(ids, memberId, new Map(ids.map((id) => [id, 1])));
    const id = `${FLASH}:${memberId}:1`;
    const slot = couponFrom(t, id, memberId, new Date(h.clock.now().getTime() - 60_000), 'issuing');
    const before = bucketsOf(h, t);
    const nextBefore = before.find((b) => b._id === next)!;
    await h.cloud.db.apply([
      { c: 'coupons', id, doc: { ...slot } },
      { c: 'couponStock', id: next!, doc: { ...nextBefore, remaining: nextBefore.remaining - 1, holders: [stockHolder(id)] } },
    ]);
    expect(await h.call('coupon', 'crashed', { action: 'claim', templateId: FLASH })).toMatchObject({ ok: true, data: { coupon: { couponId: id, status: 'available' } } });
    const after = bucketsOf(h, t);
    expect(after.reduce((sum, b) => sum + b.remaining, 0)).toBe(4_999);
    expect(after.find((b) => b._id === own)!.holders).toEqual([]);
    expect(await h.call('coupon', 'crashed', { action: 'claim', templateId: FLASH })).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
  });

  it('a member who began leaving while their claim took a unit gets none, and the unit goes back to the bucket it came from', async () => {
    const t = await addCampaign(h, FLASH, 5_000, stockBuckets({ _id: FLASH, stock: 5_000 }));
    const ids = bucketIds(t);
    // a member whose own bucket is not bucket 0 (the template's id), so the unit must be found where it is
    const joined = await Promise.all(Array.from({ length: 10 }, (_, i) => h.join(`leaver-${i}`)));
    const i = joined.findIndex((id) => bucketsToTry(ids, id, new Map(ids.map((b) => [b, 1])))[0] !== FLASH);
    const [openid, memberId] = [`leaver-${i}`, joined[i]!];
    const apply = h.cloud.db.apply.bind(h.cloud.db);
    let marked = false;
    // the moment the unit is taken, the member begins leaving (as member.delete's first step marks them)
    const spy = jest.spyOn(h.cloud.db, 'apply').mockImplementation(async (writes) => {
      await apply(writes);
      if (!marked && writes.some((w) => w.c === 'couponStock')) {
        marked = true;
        const m = h.cloud.db.find('members', { _id: memberId })[0]!;
        await apply([{ c: 'members', id: memberId, doc: { ...m, leavingSince: h.clock.now() } }]);
      }
    });
    let answer: Envelope<unknown>;
    try {
      answer = await h.call('coupon', openid, { action: 'claim', templateId: FLASH });
    } finally {
      spy.mockRestore();
    }
    expect(marked).toBe(true);
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    expect(issuedOf(h, FLASH)).toEqual([]);
    const after = bucketsOf(h, t);
    expect(after.map((b) => b.remaining)).toEqual(after.map((b) => b.total));
    expect(after.flatMap((b) => b.holders)).toEqual([]);
  });

  it('a large stock kept in one document written before buckets keeps working: claims take from it and the centre shows it', async () => {
    // bucket 0 is the template's own id: the old single document is found as the first bucket, the others as empty
    await addCampaign(h, LEGACY, 50_000, [{ _id: LEGACY, total: 50_000, remaining: 2, holders: [] }]);
    const openids = [...(await joinMany(h, 5, 'legacy')).keys()];
    const answers = await Promise.all(openids.map((o) => h.call('coupon', o, { action: 'claim', templateId: LEGACY })));
    expect(tallyAnswers(answers)).toEqual({ ok: 2, OUT_OF_STOCK: 3 });
    expect(h.cloud.db.find('couponStock', { _id: LEGACY })[0]).toMatchObject({ remaining: 0, holders: expect.arrayContaining([expect.any(String)]) });
    expect(h.cloud.db.count('couponStock', {})).toBe(2 + 0 + 1); // the seed's two stocks and the old one: no bucket was made up
    expect(await centreEntry(h, openids[4]!, LEGACY)).toMatchObject({ state: 'outOfStock', stock: { total: 50_000, remaining: 0 } });
  });
});
