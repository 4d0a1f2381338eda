import { tickKey } from '../../cloudfunctions/functions/jobs/campaignsJob';
import { budgetRoom, couponCostFen } from '../../cloudfunctions/domain/ops/campaigns/budget';
import { planBatch, type BatchFacts } from '../../cloudfunctions/domain/ops/campaigns/batchPlan';
import type { CampaignAudience } from '../../cloudfunctions/domain/ops/campaigns/campaign';
import { bucketOf, inControlGroup } from '../../cloudfunctions/domain/ops/campaigns/control';
import { type AudienceFacts, passedOverBy } from '../../cloudfunctions/domain/ops/campaigns/eligibility';
import { launchProblem } from '../../cloudfunctions/domain/ops/campaigns/launch';
import { campaignResults } from '../../cloudfunctions/domain/ops/campaigns/results';
import type { CouponTemplate } from '../../cloudfunctions/domain/coupons/template';

const ALL: CampaignAudience = { segments: [], tiers: [], tags: [], optedInOnly: false };
const member = (over: Partial<NonNullable<AudienceFacts['member']>> = {}) => ({ tier: 'explorer' as const, optIn: true, leaving: false, ...over });

describe('who an audience passes over', () => {
  it.each<[string, CampaignAudience, AudienceFacts, string | null]>([
    ['a member in good standing', ALL, { member: member(), tagged: true }, null],
    ['a member whose record is gone', ALL, { member: null, tagged: true }, 'left'],
    ['a member who is leaving', ALL, { member: member({ leaving: true }), tagged: true }, 'left'],
    ['an opted-out member when only the opted in are asked for', { ...ALL, optedInOnly: true }, { member: member({ optIn: false }), tagged: true }, 'optedOut'],
    ['an opted-out member when all are asked for', ALL, { member: member({ optIn: false }), tagged: true }, null],
    ['a member upgraded since the placement, out of the tiers asked for', { ...ALL, tiers: ['explorer'] }, { member: member({ tier: 'grower' }), tagged: true }, 'tier'],
    ['a member without the tags asked for', { ...ALL, tags: ['care-vip'] }, { member: member(), tagged: false }, 'untagged'],
    ["a 探索者 for a template of 成长者 and up", ALL, { member: member(), tagged: true, templateTiers: ['grower', 'loyal'] }, 'templateTier'],
    ['a 忠诚者 for a template of 成长者 and up', ALL, { member: member({ tier: 'loyal' }), tagged: true, templateTiers: ['grower', 'loyal'] }, null],
  ])('%s', (_what, audience, facts, expected) => {
    expect(passedOverBy(audience, facts)).toBe(expected);
  });
});

describe('the control group', () => {
  it('holds out the same members every time, about the share asked for, and a different set per campaign', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => String(100_000_000_000 + i));
    const held = ids.filter((id) => inControlGroup('S001-a', id, 10));
    expect(held.length / ids.length).toBeGreaterThan(0.09);
    expect(held.length / ids.length).toBeLessThan(0.11);
    expect(ids.filter((id) => inControlGroup('S001-a', id, 10))).toEqual(held);
    const other = new Set(ids.filter((id) => inControlGroup('S001-b', id, 10)));
    expect(held.filter((id) => other.has(id)).length / held.length).toBeLessThan(0.15);
  });

  it.each([
    [0, 0],
    [50, 0.5],
  ])('at %i %% holds out about %f of members', (percent, share) => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `m${i}`);
    expect(Math.abs(ids.filter((id) => inControlGroup('c', id, percent)).length / ids.length - share)).toBeLessThan(0.02);
  });

  it('spreads keys over all 10,000 buckets', () => {
    const buckets = new Set(Array.from({ length: 100_000 }, (_, i) => bucketOf(`k${i}`)));
    expect(buckets.size).toBeGreaterThan(9_990);
  });
});

describe('the budget', () => {
  it.each<[string, CouponTemplate['discount'], number | null]>([
    ['¥30 off', { kind: 'amountOff', amountFen: 3_000, thresholdFen: 19_900 }, 3_000],
    ['¥50 off tops', { kind: 'categoryAmountOff', category: 'top', amountFen: 5_000, thresholdFen: 29_900 }, 5_000],
    ['9折 at most ¥200 off', { kind: 'percent', percent: 90, capFen: 20_000 }, 20_000],
    ['an uncapped 85折', { kind: 'percent', percent: 85 }, null],
    ['第二件半价', { kind: 'secondItemHalf' }, null],
    ['a pass', { kind: 'pass', title: '优先试穿' }, 0],
  ])('counts a coupon of %s at its most', (_what, discount, cost) => {
    expect(couponCostFen(discount)).toBe(cost);
  });

  it.each<[string, { maxCoupons: number | null; maxDiscountFen: number | null }, { coupons: number; fen: number }, number | null, number]>([
    ['no cap', { maxCoupons: null, maxDiscountFen: null }, { coupons: 500, fen: 0 }, 3_000, Infinity],
    ['125 coupons, 100 planned', { maxCoupons: 125, maxDiscountFen: null }, { coupons: 100, fen: 0 }, 3_000, 25],
    ['¥100 of ¥30 coupons', { maxCoupons: null, maxDiscountFen: 10_000 }, { coupons: 0, fen: 0 }, 3_000, 3],
    ['the tighter of the two', { maxCoupons: 2, maxDiscountFen: 10_000 }, { coupons: 0, fen: 0 }, 3_000, 2],
    ['spent', { maxCoupons: 10, maxDiscountFen: null }, { coupons: 10, fen: 0 }, 3_000, 0],
    ['a pass under a discount cap', { maxCoupons: null, maxDiscountFen: 10_000 }, { coupons: 0, fen: 0 }, 0, Infinity],
  ])('%s', (_what, budget, used, cost, room) => {
    expect(budgetRoom(budget, used, cost)).toBe(room);
  });
});

describe('planning a batch', () => {
  const campaign = (over: Partial<BatchFacts['campaign']> = {}): BatchFacts['campaign'] => ({ _id: 'S001-plan-test', audience: ALL, controlPercent: 0, budget: { maxCoupons: null, maxDiscountFen: null }, couponCostFen: 3_000, treated: 0, budgetUsedFen: 0, ...over });
  const placed = (n: number, facts: (i: number) => AudienceFacts = () => ({ member: member(), tagged: true })) => Array.from({ length: n }, (_, i) => ({ memberId: `m${String(i).padStart(3, '0')}`, facts: facts(i) }));

  it('gives everyone in the audience the coupon, skips those passed over, and goes on while the page was full', () => {
    const plan = planBatch({ campaign: campaign(), placed: placed(5, (i) => ({ member: i === 2 ? null : member(), tagged: true })), more: true });
    expect(plan).toEqual({ treated: ['m000', 'm001', 'm003', 'm004'], control: [], skipped: 1, cursor: 'm004', end: null, budgetFen: 12_000 });
  });

  it('ends with the audience when the page was not full', () => {
    expect(planBatch({ campaign: campaign(), placed: placed(3), more: false }).end).toBe('audience');
    expect(planBatch({ campaign: campaign(), placed: [], more: false })).toMatchObject({ treated: [], end: 'audience', cursor: null });
  });

  it('holds the control group out by hash and gives them nothing', () => {
    const c = campaign({ controlPercent: 30 });
    const plan = planBatch({ campaign: c, placed: placed(100), more: true });
    expect(plan.control).toEqual(placed(100).map((p) => p.memberId).filter((id) => inControlGroup(c._id, id, 30)));
    expect(plan.treated.filter((id) => plan.control.includes(id))).toEqual([]);
    expect(plan.treated.length + plan.control.length).toBe(100);
  });

  it('stops at the first member the budget cannot cover: nobody after them is treated or held out', () => {
    const c = campaign({ controlPercent: 30, budget: { maxCoupons: 10, maxDiscountFen: null }, treated: 4 });
    const plan = planBatch({ campaign: c, placed: placed(100), more: true });
    expect(plan.treated).toHaveLength(6);
    expect(plan.end).toBe('budget');
    const last = plan.treated[5]!;
    expect(plan.control.every((id) => id < last)).toBe(true);
  });

  it('ends with the budget when it is spent exactly on the last member of a full page', () => {
    const plan = planBatch({ campaign: campaign({ budget: { maxCoupons: 3, maxDiscountFen: null } }), placed: placed(3), more: true });
    expect(plan).toMatchObject({ treated: ['m000', 'm001', 'm002'], end: 'budget' });
  });
});

describe('launching', () => {
  const now = new Date('2026-11-25T02:00:00.000Z');
  const template = (over: Partial<CouponTemplate> = {}): CouponTemplate => ({ _id: 't', name: 't', discount: { kind: 'amountOff', amountFen: 3_000, thresholdFen: 0 }, stackable: false, validity: { kind: 'days', days: 14 }, channel: 'claim', stock: null, perMember: null, audience: {}, active: true, sort: 1, ...over });
  const noCap = { maxCoupons: null, maxDiscountFen: null };
  it.each<[string, CouponTemplate | null, { maxCoupons: number | null; maxDiscountFen: number | null }, Date, string | null]>([
    ['an offer now', template(), noCap, now, null],
    ['no such template', null, noCap, now, 'template'],
    ['an inactive offer', template({ active: false }), noCap, now, 'template'],
    ['the welcome coupon', template({ channel: 'join', firstOrderOnly: true }), noCap, now, 'template'],
    ['a birthday gift', template({ channel: 'birthday' }), noCap, now, 'template'],
    ['a claim-centre offer with its own stock', template({ stock: 100 }), noCap, now, 'template'],
    ['a discount cap on an uncapped percentage', template({ discount: { kind: 'percent', percent: 85 } }), { maxCoupons: null, maxDiscountFen: 10_000 }, now, 'uncappedDiscount'],
    ['a start in the past', template(), noCap, new Date(now.getTime() - 3_600_000), 'startPast'],
    ['a start 91 days ahead', template(), noCap, new Date(now.getTime() + 91 * 86_400_000), 'startFar'],
  ])('%s', (_what, t, budget, startAt, problem) => {
    expect(launchProblem(t, budget, startAt, now)).toBe(problem);
  });
});

describe('results', () => {
  const start = new Date('2026-11-25T02:00:00.000Z');
  const day = (d: number) => new Date(start.getTime() + d * 86_400_000);
  const coupon = (m: string, usedOn: number | null) => ({ _id: `campaign:c:${m}`, memberId: m, status: usedOn === null ? 'available' : 'used', issuedAt: start, usedAt: usedOn === null ? null : day(usedOn), usedOrder: usedOn === null ? null : `S001:${m}` });

  it('by hand: 4 treated, 2 used (day 3 and day 12), ¥450 paid on them less ¥50 refunded, ¥60 off; 2 of 4 treated and 1 of 4 held out bought', () => {
    const r = campaignResults({
      startAt: start,
      now: day(31),
      treated: ['a', 'b', 'c', 'd'],
      control: ['w', 'x', 'y', 'z'],
      coupons: [coupon('a', 3), coupon('b', 12), coupon('c', null), coupon('d', null)],
      usedOrders: [
        { _id: 'S001:a', amountFen: 27_000, refundedFen: 5_000, coupons: [{ couponId: 'campaign:c:a', discountFen: 3_000 }, { couponId: 'other', discountFen: 1_000 }] },
        { _id: 'S001:b', amountFen: 18_000, refundedFen: 0, coupons: [{ couponId: 'campaign:c:b', discountFen: 3_000 }] },
      ],
      purchasers: new Set(['a', 'b', 'x']),
    });
    expect(r).toEqual({
      issued: 4,
      used: 2,
      usedWithin7Days: 1,
      usedWithin30Days: 2,
      attributedSalesFen: 40_000,
      discountFen: 6_000,
      roi: (40_000 - 6_000) / 6_000,
      treated: { members: 4, purchasers: 2, rate: 0.5 },
      control: { members: 4, purchasers: 1, rate: 0.25 },
      upliftPoints: 25,
      incrementalPurchasers: 1,
      windowDays: 30,
      windowEndsAt: day(30),
      windowClosed: true,
    });
  });

  it('has no ROI before a coupon is used, and no uplift without a control group', () => {
    const r = campaignResults({ startAt: start, now: day(1), treated: ['a'], control: [], coupons: [coupon('a', null)], usedOrders: [], purchasers: new Set() });
    expect(r).toMatchObject({ roi: null, upliftPoints: null, incrementalPurchasers: null, control: { members: 0, rate: 0 }, windowClosed: false });
  });
});

describe('the campaigns job runs every timer tick', () => {
  it.each([
    ['2026-11-25T02:00:00.000Z', '2026-11-25 10:00'],
    ['2026-11-25T02:09:59.999Z', '2026-11-25 10:00'],
    ['2026-11-25T02:10:00.000Z', '2026-11-25 10:10'],
    ['2026-11-25T15:55:00.000Z', '2026-11-25 23:50'],
    ['2026-11-25T16:01:00.000Z', '2026-11-26 00:00'],
  ])('%s belongs to the tick %s (shop time)', (at, key) => {
    expect(tickKey(new Date(at))).toBe(key);
  });
});
