import templateSeed from '../../cloudfunctions/database/seed/couponTemplates.json';
import referralSeed from '../../cloudfunctions/database/seed/referralProgramme.json';
import type { ReferralVoidReason } from '../../cloudfunctions/contract/referral';
import { templatesFromSeed } from '../../cloudfunctions/domain/coupons/seed';
import { couponIds, type CouponTemplate } from '../../cloudfunctions/domain/coupons/template';
import { type Member, newMember } from '../../cloudfunctions/domain/member';
import { attributionProblem, type AttributionFacts } from '../../cloudfunctions/domain/referrals/attribution';
import { referralAtJoin } from '../../cloudfunctions/domain/referrals/join';
import { inviterStepFor, type ReferralProgramme, rewardCostFen } from '../../cloudfunctions/domain/referrals/programme';
import { qualifyOnFirstOrder } from '../../cloudfunctions/domain/referrals/qualification';
import { voidOnPhone } from '../../cloudfunctions/domain/referrals/attribution';
import { listKeyOf, type Referral } from '../../cloudfunctions/domain/referrals/referral';
import { planSettlement, type SettlementFacts, type SettlementPlan } from '../../cloudfunctions/domain/referrals/settlement';
import { inviteeLine, loyalProgress, maskNickname, referralStats } from '../../cloudfunctions/domain/referrals/view';

/**
 * The referral programme's rules as a table: who may be attributed at joining, what a first paid
 * order does, and what the settlement job decides for a due referral (settle, void, defer, wait).
 */

const DAY = 86_400_000;
/** 10:00 on 25 November 2026 in Shanghai. */
const NOW = new Date('2026-11-25T02:00:00.000Z');
const STORE = { storeId: 'S001', name: '悦衣库 上海静安店' };
const PROGRAMME = referralSeed.programme as ReferralProgramme;
const TEMPLATES = new Map(templatesFromSeed(templateSeed as { templates: Array<Record<string, unknown>> }).map((t) => [t._id, t]));

const ago = (days: number, from = NOW) => new Date(from.getTime() - days * DAY);
const later = (days: number, from = NOW) => new Date(from.getTime() + days * DAY);

function member(id: string, over: Partial<Member> = {}, joinedAt = ago(60)): Member {
  return { ...newMember(id, `openid-${id}`, { store: STORE, nickname: `会员${id}` }, joinedAt), ...over };
}

const INVITER = member('100000000001', { nickname: '小雅' });
const INVITEE = member('200000000002', { nickname: '阿杰' }, ago(10));

function referral(over: Partial<Referral> = {}): Referral {
  const joinedAt = over.joinedAt ?? ago(10);
  return {
    _id: 'R1',
    programmeId: 'default',
    inviterId: INVITER._id,
    inviteeId: INVITEE._id,
    code: 'ABCDEFGH',
    inviteeNicknameMasked: '阿*',
    status: 'qualified',
    voidReason: null,
    joinedAt,
    orderKey: 'S001:T1',
    orderPaidFen: 39_900,
    dueAt: ago(1),
    settledAt: null,
    listKey: listKeyOf(joinedAt, 'R1'),
    ...over,
  };
}

// — attribution —

describe('attribution at joining: only a brand-new member, by a known code of someone else still in the programme', () => {
  const facts = (over: Partial<AttributionFacts> = {}): AttributionFacts => ({ inviter: INVITER, inviteeOpenid: 'openid-new', wasMemberBefore: false, inviteePhoneDigest: null, ...over });

  const table: Array<[string, Partial<AttributionFacts>, ReferralVoidReason | null]> = [
    ['a brand-new shopper with a good code counts', {}, null],
    ['an unknown code is void: unknownCode', { inviter: null }, 'unknownCode'],
    ['a code of an inviter who is leaving is void: inviterLeft', { inviter: { ...INVITER, leavingSince: ago(0) } }, 'inviterLeft'],
    ['the inviter’s own openid is void: self', { inviteeOpenid: INVITER.openid }, 'self'],
    ['a shopper who was a member before (former use on record) is void: rejoined', { wasMemberBefore: true }, 'rejoined'],
    ['both bound the same phone: samePhone', { inviter: { ...INVITER, phoneDigest: 'phone-1' }, inviteePhoneDigest: 'phone-1' }, 'samePhone'],
    ['different phones count', { inviter: { ...INVITER, phoneDigest: 'phone-1' }, inviteePhoneDigest: 'phone-2' }, null],
    ['an invitee without a phone never matches the inviter’s', { inviter: { ...INVITER, phoneDigest: 'phone-1' }, inviteePhoneDigest: null }, null],
    ['neither with a phone is not "the same phone"', { inviter: { ...INVITER, phoneDigest: null } }, null],
    // the first rule that holds is the reason told
    ['an unknown code wins over a rejoined shopper', { inviter: null, wasMemberBefore: true }, 'unknownCode'],
    ['an inviter leaving wins over self', { inviter: { ...INVITER, leavingSince: ago(0) }, inviteeOpenid: INVITER.openid }, 'inviterLeft'],
    ['self wins over rejoined', { inviteeOpenid: INVITER.openid, wasMemberBefore: true }, 'self'],
    ['rejoined wins over the same phone', { wasMemberBefore: true, inviter: { ...INVITER, phoneDigest: 'p' }, inviteePhoneDigest: 'p' }, 'rejoined'],
  ];
  it.each(table)('%s', (_name, over, reason) => {
    expect(attributionProblem(facts(over))).toBe(reason);
  });
});

describe('the referral a join with a code makes (referralAtJoin)', () => {
  const joinedAt = NOW;
  const invitee = { ...newMember('300000000003', 'openid-new', { store: STORE, nickname: '欧阳娜娜' }, joinedAt) };
  const join = (over: Partial<Parameters<typeof referralAtJoin>[0]> = {}) =>
    referralAtJoin({ code: 'ABCDEFGH', invitee, referralId: 'R-new', inviter: INVITER, wasMemberBefore: false, programme: PROGRAMME, ...over });

  it('a good one is joined, names both, and is due when the wait for a first order ends (joinedAt + pendingDays)', () => {
    expect(join()).toEqual({
      _id: 'R-new',
      programmeId: 'default',
      inviterId: INVITER._id,
      inviteeId: invitee._id,
      code: 'ABCDEFGH',
      inviteeNicknameMasked: '欧**',
      status: 'joined',
      voidReason: null,
      joinedAt,
      orderKey: null,
      orderPaidFen: null,
      dueAt: new Date(joinedAt.getTime() + 30 * DAY),
      settledAt: null,
      listKey: listKeyOf(joinedAt, 'R-new'),
    });
  });

  const voids: Array<[string, Partial<Parameters<typeof referralAtJoin>[0]>, ReferralVoidReason, string | null]> = [
    ['an unknown code: void, naming no inviter', { inviter: null }, 'unknownCode', null],
    ['a self-invitation: void', { invitee: { ...invitee, openid: INVITER.openid } }, 'self', INVITER._id],
    ['a rejoined shopper: void', { wasMemberBefore: true }, 'rejoined', INVITER._id],
    ['the same phone: void', { inviter: { ...INVITER, phoneDigest: 'd' }, invitee: { ...invitee, phoneDigest: 'd' } }, 'samePhone', INVITER._id],
  ];
  it.each(voids)('%s, recorded with its reason and never due', (_name, over, reason, inviterId) => {
    expect(join(over)).toMatchObject({ status: 'void', voidReason: reason, dueAt: null, inviterId, inviteeId: invitee._id });
  });

  it('an inviter who is leaving: void inviterLeft', () => {
    expect(join({ inviter: { ...INVITER, leavingSince: ago(0) } })).toMatchObject({ status: 'void', voidReason: 'inviterLeft', dueAt: null });
  });

  it('no referral at all while the programme is closed or missing', () => {
    expect(join({ programme: { ...PROGRAMME, active: false } })).toBeNull();
    expect(join({ programme: null })).toBeNull();
  });

  it('waits as long as the programme says (pendingDays is data)', () => {
    expect(join({ programme: { ...PROGRAMME, pendingDays: 14 } })?.dueAt).toEqual(new Date(joinedAt.getTime() + 14 * DAY));
  });
});

// — qualification —

describe('the invitee’s first paid order (qualifyOnFirstOrder)', () => {
  const paid = new Date('2026-11-20T06:00:00.000Z');
  const order = (paidFen: number, firstPaid = true) => ({ key: 'S001:T9', paidFen, at: paid, firstPaid });
  const joined = referral({ status: 'joined', orderKey: null, orderPaidFen: null, dueAt: later(20) });

  it.each([
    ['¥399 paid', 39_900],
    ['exactly the ¥100 minimum', 10_000],
  ])('%s qualifies it, due when the 7-day return window is over (paid + returnWindowDays)', (_name, paidFen) => {
    expect(qualifyOnFirstOrder(joined, PROGRAMME, order(paidFen))).toEqual({ status: 'qualified', orderKey: 'S001:T9', orderPaidFen: paidFen, dueAt: new Date(paid.getTime() + 7 * DAY) });
  });

  it('¥99.99 paid is below the minimum: void belowMinimum, never due', () => {
    expect(qualifyOnFirstOrder(joined, PROGRAMME, order(9_999))).toEqual({ status: 'void', voidReason: 'belowMinimum', orderKey: 'S001:T9', orderPaidFen: 9_999, dueAt: null });
  });

  const unchanged: Array<[string, Referral | null, Parameters<typeof qualifyOnFirstOrder>[1], ReturnType<typeof order>]> = [
    ['not the first paid order', joined, PROGRAMME, order(39_900, false)],
    ['a referral already qualified', referral({ status: 'qualified' }), PROGRAMME, order(39_900)],
    ['a referral already settled', referral({ status: 'settled', dueAt: null }), PROGRAMME, order(39_900)],
    ['a referral void at joining', referral({ status: 'void', voidReason: 'rejoined', dueAt: null }), PROGRAMME, order(39_900)],
    ['no referral', null, PROGRAMME, order(39_900)],
    ['no programme', joined, null, order(39_900)],
  ];
  it.each(unchanged)('%s: nothing changes (null)', (_name, r, p, o) => {
    expect(qualifyOnFirstOrder(r, p, o)).toBeNull();
  });
  it('a first paid order after the 30-day wait, before the job looked, voids the referral (noOrder)', () => {
    const late = { ...order(20_000), at: new Date(joined.dueAt!.getTime() + 60 * 60_000) };
    expect(qualifyOnFirstOrder(joined, PROGRAMME, late)).toEqual({ status: 'void', voidReason: 'noOrder', dueAt: null });
  });
});

// — settlement —

function facts(over: Partial<SettlementFacts> = {}): SettlementFacts {
  return {
    referral: referral(),
    programme: PROGRAMME,
    order: { amountFen: 39_900, refundedFen: 0 },
    invitee: INVITEE,
    inviter: INVITER,
    budgetSpentFen: 0,
    templates: TEMPLATES,
    couponId: (templateId, memberId) => couponIds.referral(templateId, memberId, 'R1'),
    now: NOW,
    ...over,
  };
}

/** The inviter after `n` settled referrals, `today` of them on NOW's shop day (the rest 20 days ago). */
function inviterWith(n: number, today = 0, over: Partial<Member> = {}): Member {
  const settled = Array.from({ length: n }, (_, i) => ({ key: `old-${i}`, at: i < today ? ago(0.1) : ago(20) }));
  return { ...INVITER, referralsSettled: settled, referralsSettledTotal: n, ...over };
}

const kindOf = (p: SettlementPlan) => (p.kind === 'void' ? `void ${p.reason}` : p.kind);

describe('settling a due referral (planSettlement)', () => {
  const table: Array<[string, Partial<SettlementFacts>, string]> = [
    ['a qualified one whose return window is over settles', {}, 'settle'],
    ['one still inside its return window waits', { referral: referral({ dueAt: later(0.01) }) }, 'wait'],
    ['one due this very instant is decided', { referral: referral({ dueAt: NOW }) }, 'settle'],
    ['one without a due date waits (nothing to do)', { referral: referral({ dueAt: null }) }, 'wait'],
    ['one already settled is left alone', { referral: referral({ status: 'settled', dueAt: ago(1) }) }, 'wait'],
    ['one already void is left alone', { referral: referral({ status: 'void', voidReason: 'refunded', dueAt: ago(1) }) }, 'wait'],
    ['a joined one still waiting for a first order waits', { referral: referral({ status: 'joined', orderKey: null, dueAt: later(3) }) }, 'wait'],
    ['a joined one whose 30 days passed without an order is void', { referral: referral({ status: 'joined', orderKey: null, dueAt: ago(0.5) }) }, 'void noOrder'],
    ['a refund inside the window leaving less than the minimum: void', { order: { amountFen: 39_900, refundedFen: 30_000 } }, 'void refunded'],
    ['a whole refund inside the window: void', { order: { amountFen: 39_900, refundedFen: 39_900 } }, 'void refunded'],
    ['a refund leaving exactly the minimum still settles', { order: { amountFen: 39_900, refundedFen: 29_900 } }, 'settle'],
    ['a refund leaving a fen less than the minimum: void', { order: { amountFen: 39_900, refundedFen: 29_901 } }, 'void refunded'],
    ['an order that cannot be found: void refunded', { order: null }, 'void refunded'],
    ['the programme gone: void refunded (nothing to settle against)', { programme: null }, 'void refunded'],
    ['the invitee gone: void inviteeLeft', { invitee: null }, 'void inviteeLeft'],
    ['the invitee leaving: void inviteeLeft', { invitee: { ...INVITEE, leavingSince: ago(0) } }, 'void inviteeLeft'],
    ['the inviter gone: void inviterLeft', { inviter: null }, 'void inviterLeft'],
    ['the inviter leaving: void inviterLeft', { inviter: { ...INVITER, leavingSince: ago(0) } }, 'void inviterLeft'],
    ['both gone: the invitee is told first', { invitee: null, inviter: null }, 'void inviteeLeft'],
    ['both bound the same phone since joining: void samePhone', { invitee: { ...INVITEE, phoneDigest: 'd' }, inviter: { ...INVITER, phoneDigest: 'd' } }, 'void samePhone'],
    ['different phones settle', { invitee: { ...INVITEE, phoneDigest: 'd1' }, inviter: { ...INVITER, phoneDigest: 'd2' } }, 'settle'],
    ['the inviter’s daily cap reached (3 today): defer', { inviter: inviterWith(3, 3) }, 'defer'],
    ['2 today is under the cap of 3', { inviter: inviterWith(2, 2) }, 'settle'],
    ['3 settled on other days do not count towards today’s cap', { inviter: inviterWith(3, 0) }, 'settle'],
    ['the month’s budget would be exceeded: defer', { budgetSpentFen: PROGRAMME.monthlyBudgetFen - 1_999 }, 'defer'],
    ['the month’s budget exactly used up by this reward: settle', { budgetSpentFen: PROGRAMME.monthlyBudgetFen - 2_000 }, 'settle'],
  ];
  it.each(table)('%s', (_name, over, kind) => {
    expect(kindOf(planSettlement(facts(over)))).toBe(kind);
  });

  it('a void plan ends the referral: status void with its reason, no longer due', () => {
    expect(planSettlement(facts({ order: { amountFen: 39_900, refundedFen: 39_900 } }))).toEqual({
      kind: 'void',
      reason: 'refunded',
      referral: { status: 'void', voidReason: 'refunded', dueAt: null },
    });
  });

  it.each([
    ['10:00', NOW, '2026-11-25T16:00:00.000Z'],
    ['23:59', new Date('2026-11-25T15:59:00.000Z'), '2026-11-25T16:00:00.000Z'],
    ['00:30 the next day', new Date('2026-11-25T16:30:00.000Z'), '2026-11-26T16:00:00.000Z'],
  ])('the daily cap defers to 00:00 of the next shop day in Asia/Shanghai (decided at %s)', (_label, now, dueAt) => {
    const inviter = inviterWith(3, 0, { referralsSettled: [1, 2, 3].map((i) => ({ key: `t-${i}`, at: new Date(now.getTime() - i * 60_000) })) });
    expect(planSettlement(facts({ now, inviter }))).toEqual({ kind: 'defer', referral: { dueAt: new Date(dueAt) } });
  });

  it('the cap is data: a programme with dailyCap 10 settles the 4th of the day', () => {
    expect(kindOf(planSettlement(facts({ inviter: inviterWith(3, 3), programme: { ...PROGRAMME, dailyCap: 10 } })))).toBe('settle');
  });

  it.each([
    ['25 November', NOW, '2026-11-30T16:00:00.000Z'],
    ['18:00 on 31 December (into the next year)', new Date('2026-12-31T10:00:00.000Z'), '2026-12-31T16:00:00.000Z'],
    ['00:30 on 1 January in Shanghai (still 31 December in UTC)', new Date('2026-12-31T16:30:00.000Z'), '2027-01-31T16:00:00.000Z'],
    ['23:30 on 30 November (still November in Shanghai)', new Date('2026-11-30T15:30:00.000Z'), '2026-11-30T16:00:00.000Z'],
  ])('an exhausted budget defers to 00:00 on the 1st of the next shop month (decided on %s)', (_label, now, dueAt) => {
    const plan = planSettlement(facts({ now, budgetSpentFen: PROGRAMME.monthlyBudgetFen }));
    expect(plan).toEqual({ kind: 'defer', referral: { dueAt: new Date(dueAt) } });
  });

  describe('the inviter’s reward steps up at the 1st, 3rd and 5th settled referral', () => {
    it.each([
      [0, 'referral-reward-1', 2_000],
      [1, 'referral-reward-1', 2_000],
      [2, 'referral-reward-3', 5_000],
      [3, 'referral-reward-3', 5_000],
      [4, 'referral-reward-5', 10_000],
      [9, 'referral-reward-5', 10_000],
    ])('after %i settled, the next gets %s (costing %i fen of the budget)', (before, templateId, cost) => {
      const plan = planSettlement(facts({ inviter: inviterWith(before), budgetSpentFen: 1_000 }));
      if (plan.kind !== 'settle') throw new Error(`expected settle, got ${plan.kind}`);
      expect(plan.coupons.map((c) => [c.templateId, c.memberId])).toEqual([
        ['referral-pass', INVITEE._id],
        ['referral-pass', INVITER._id],
        [templateId, INVITER._id],
      ]);
      expect(plan.budget).toEqual({ monthKey: '202611', spentFen: 1_000 + cost });
      expect(plan.inviterChanges.referralsSettledTotal).toBe(before + 1);
    });

    it('counts steps by the running total, not by the few settlements the member keeps', () => {
      const inviter = { ...inviterWith(2), referralsSettledTotal: 60 };
      const plan = planSettlement(facts({ inviter }));
      expect(plan.kind === 'settle' && plan.coupons[2]!.templateId).toBe('referral-reward-5');
    });
  });

  it('settling pays both sides the pass and the inviter the step’s reward, each keyed by the referral', () => {
    const plan = planSettlement(facts());
    expect(plan).toMatchObject({
      kind: 'settle',
      referral: { status: 'settled', settledAt: NOW, dueAt: null },
      inviterId: INVITER._id,
      budget: { monthKey: '202611', spentFen: 2_000 },
      tierChanged: false,
    });
    if (plan.kind !== 'settle') return;
    expect(plan.coupons.map((c) => c._id)).toEqual([`referral-pass:${INVITEE._id}:R1`, `referral-pass:${INVITER._id}:R1`, `referral-reward-1:${INVITER._id}:R1`]);
    expect(plan.coupons.map((c) => ({ name: c.name, channel: c.channel, status: c.status, kind: c.discount.kind }))).toEqual([
      { name: '新品优先试穿权', channel: 'referral', status: 'available', kind: 'pass' },
      { name: '新品优先试穿权', channel: 'referral', status: 'available', kind: 'pass' },
      { name: '邀请好友礼券', channel: 'referral', status: 'available', kind: 'amountOff' },
    ]);
    expect(plan.inviterChanges).toMatchObject({ referralsSettled: [{ key: 'R1', at: NOW }], referralsSettledTotal: 1 });
  });

  it('the third settled referral (in 12 months) makes the inviter 忠诚者 at once', () => {
    const plan = planSettlement(facts({ inviter: inviterWith(2) }));
    expect(plan).toMatchObject({ kind: 'settle', tierChanged: true, inviterChanges: { tier: 'loyal' } });
    expect(plan.kind === 'settle' && plan.inviterChanges.tierHistory?.at(-1)).toMatchObject({ from: 'explorer', to: 'loyal', reason: 'referral', at: NOW });
  });

  it('two settled more than 12 months ago do not make the third one count', () => {
    const inviter = { ...INVITER, referralsSettled: [{ key: 'a', at: ago(400) }, { key: 'b', at: ago(380) }], referralsSettledTotal: 2 };
    expect(planSettlement(facts({ inviter }))).toMatchObject({ kind: 'settle', tierChanged: false });
  });

  it('an inactive step template pays only the passes and costs nothing', () => {
    const templates = new Map<string, CouponTemplate>(TEMPLATES);
    templates.set('referral-reward-1', { ...TEMPLATES.get('referral-reward-1')!, active: false });
    const plan = planSettlement(facts({ templates, budgetSpentFen: PROGRAMME.monthlyBudgetFen }));
    expect(plan.kind === 'settle' && plan.coupons.map((c) => c.templateId)).toEqual(['referral-pass', 'referral-pass']);
    expect(plan.kind === 'settle' && plan.budget.spentFen).toBe(PROGRAMME.monthlyBudgetFen);
  });
});

// — programme helpers —

describe('the programme’s helpers', () => {
  it.each([
    [0, null],
    [1, 'referral-reward-1'],
    [2, 'referral-reward-1'],
    [3, 'referral-reward-3'],
    [4, 'referral-reward-3'],
    [5, 'referral-reward-5'],
    [50, 'referral-reward-5'],
  ])('inviterStepFor the %i-th settled referral is %s', (n, templateId) => {
    expect(inviterStepFor(PROGRAMME, n)).toBe(templateId);
  });

  it.each([
    ['¥20 off', 2_000, { kind: 'amountOff', amountFen: 2_000, thresholdFen: 0 }],
    ['8折 capped at ¥200', 20_000, { kind: 'percent', percent: 80, capFen: 20_000 }],
    ['8折 without a cap (no fixed cost)', 0, { kind: 'percent', percent: 80 }],
    ['a pass', 0, { kind: 'pass', title: '优先试穿' }],
    ['second item half price', 0, { kind: 'secondItemHalf' }],
  ] as Array<[string, number, CouponTemplate['discount']]>)('rewardCostFen of %s is %i fen', (_name, cost, discount) => {
    expect(rewardCostFen({ discount })).toBe(cost);
  });
});

// — what the members read —

describe('what the inviter reads', () => {
  it.each([
    ['小雅', '小*'],
    ['欧阳娜娜', '欧**'],
    ['张三', '张*'],
    ['A', '*'],
    ['雅', '*'],
    ['🌸', '*'],
    ['  L  ', '*'],
    ['  Lily  ', 'L**'],
    ['🌸花', '🌸*'],
    ['🇨🇳小雅', '🇨🇳**'],
    ['👨‍👩‍👧一家', '👨‍👩‍👧**'],
    [null, '好友'],
    ['   ', '好友'],
  ])('maskNickname(%p) is %p', (nickname, masked) => {
    expect(maskNickname(nickname)).toBe(masked);
  });

  it.each([
    ['已加入', 'joined', null, null, null],
    ['已消费，退货期后发放奖励', 'qualified', null, '2026-12-02T02:00:00.000Z', '2026-12-02T02:00:00.000Z'],
    ['已发放', 'settled', null, null, 'settledAt'],
    ['未生效：好友首单已退货', 'void', 'refunded', null, null],
    ['未生效：好友30天内未消费', 'void', 'noOrder', null, null],
    ['未生效：好友首单未满最低消费', 'void', 'belowMinimum', null, null],
    ['未生效：好友此前已是会员', 'void', 'rejoined', null, null],
    ['未生效：好友已退出会员', 'void', 'inviteeLeft', null, null],
    ['未生效：与你绑定了同一手机号', 'void', 'samePhone', null, null],
  ] as Array<[string, Referral['status'], ReferralVoidReason | null, string | null, string | null]>)(
    'the line reads "%s" for a %s referral (%s), with when it is due or was paid',
    (text, status, voidReason, dueAt, at) => {
      const settledAt = new Date('2026-11-24T02:00:00.000Z');
      const r = referral({ status, voidReason, dueAt: dueAt ? new Date(dueAt) : null, settledAt: status === 'settled' ? settledAt : null });
      expect(inviteeLine(r)).toEqual({
        key: r.listKey,
        nicknameMasked: '阿*',
        joinedAt: r.joinedAt.toISOString(),
        status,
        statusText: text,
        at: at === 'settledAt' ? settledAt.toISOString() : at,
      });
    },
  );

  it('a line never carries the invitee’s memberId', () => {
    expect(JSON.stringify(inviteeLine(referral()))).not.toContain(INVITEE._id);
  });

  it('referralStats counts each status and each void reason with its words', () => {
    const rs = [
      { status: 'joined', voidReason: null },
      { status: 'joined', voidReason: null },
      { status: 'qualified', voidReason: null },
      { status: 'settled', voidReason: null },
      { status: 'void', voidReason: 'refunded' },
      { status: 'void', voidReason: 'noOrder' },
      { status: 'void', voidReason: 'refunded' },
    ] as Array<Pick<Referral, 'status' | 'voidReason'>>;
    expect(referralStats(rs)).toEqual({
      invited: 7,
      joined: 2,
      inWindow: 1,
      settled: 1,
      void: 3,
      voidReasons: [
        { reason: 'refunded', text: '好友首单已退货', count: 2 },
        { reason: 'noOrder', text: '好友30天内未消费', count: 1 },
      ],
    });
    expect(referralStats([])).toEqual({ invited: 0, joined: 0, inWindow: 0, settled: 0, void: 0, voidReasons: [] });
  });

  it.each([
    [0, 'explorer', '再邀请 3 位好友成功消费，即可成为忠诚者'],
    [2, 'explorer', '再邀请 1 位好友成功消费，即可成为忠诚者'],
    [3, 'loyal', '你已是忠诚者'],
  ] as Array<[number, Member['tier'], string]>)('loyalProgress with %i settled (%s) reads "%s"', (n, tier, text) => {
    expect(loyalProgress(inviterWith(n, 0, { tier }), NOW)).toEqual({ settled: n, needed: 3, text });
  });
});

describe('an invitee binding a phone (voidOnPhone)', () => {
  it.each([
    ['the inviter’s phone, while joined', { status: 'joined' }, 'd1', 'd1', { status: 'void', voidReason: 'samePhone', dueAt: null }],
    ['the inviter’s phone, while qualified', { status: 'qualified' }, 'd1', 'd1', { status: 'void', voidReason: 'samePhone', dueAt: null }],
    ['the inviter’s phone, once settled', { status: 'settled' }, 'd1', 'd1', null],
    ['another phone', { status: 'joined' }, 'd1', 'd2', null],
    ['an inviter with no phone', { status: 'joined' }, null, 'd2', null],
    ['no referral', null, 'd1', 'd1', null],
  ] as const)('%s', (_name, r, inviterDigest, digest, expected) => {
    expect(voidOnPhone(r, inviterDigest, digest)).toEqual(expected);
  });
});
