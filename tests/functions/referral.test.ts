import { decodeQr } from '../support/codes';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { markLeaving } from '../../cloudfunctions/data/members';
import type { Member } from '../../cloudfunctions/domain/member';
import type { ReferralProgramme } from '../../cloudfunctions/domain/referrals/programme';
import type { Referral } from '../../cloudfunctions/domain/referrals/referral';
import { database } from '../../cloudfunctions/platform/cloud';
import { documentsNaming, holdCallAfter } from '../support/erasure';
import { createHarness, type Harness } from '../support/harness';
import { memberDoc, runJobs } from '../support/ledger';
import { buy, deliver, refundBody } from '../support/pos';

/**
 * Inviting friends end to end through the stand-in: the inviter's code and where it goes, the
 * join page's inviter, attribution at joining (and why one does not count), a first paid order,
 * the settlement job after the return window, the tier it brings, the daily cap and the monthly
 * budget, the list of invitees and what leaving leaves behind.
 */

const DAY = 86_400_000;
const SETTLE = { action: 'run', job: 'referral-settlement', restart: true };
const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;

interface Line {
  key: string;
  nicknameMasked: string;
  joinedAt: string;
  status: string;
  statusText: string;
  at: string | null;
}

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

async function ok<T = any>(fn: string, openid: string | null, data: unknown): Promise<T> {
  const answer = await h.call(fn as 'referral', openid, data);
  if (!answer.ok) throw new Error(`${fn}.${(data as { action: string }).action} failed: ${JSON.stringify(answer.error)}`);
  return answer.data as T;
}
const mine = (openid: string) => ok('referral', openid, { action: 'mine' });
const invitees = async (openid: string, extra: Record<string, unknown> = {}) => ok<{ invitees: Line[]; nextBefore: string | null }>('referral', openid, { action: 'invitees', ...extra });
const lines = async (openid: string) => (await invitees(openid, { limit: 50 })).invitees;

/** The inviter: joined with a nickname, their code drawn. */
async function inviter(openid = 'ann', nickname = '小雅同学') {
  const id = await h.join(openid, { nickname });
  return { id, openid, nickname, code: (await mine(openid)).code as string };
}

const referralsOf = (q: Record<string, unknown> = {}) => h.cloud.db.find(COLLECTIONS.referrals, q) as unknown as Referral[];
const referralOfInvitee = (inviteeId: string) => {
  const found = referralsOf({ inviteeId });
  if (found.length !== 1) throw new Error(`${found.length} referrals of ${inviteeId}`);
  return found[0]!;
};

/** The member's available coupons as [templateId, name, value]. */
async function wallet(openid: string): Promise<string[][]> {
  const data = await ok('coupon', openid, { action: 'list', status: 'available' });
  return (data.coupons as Array<{ templateId: string; name: string; value: string }>).filter((c) => c.templateId.startsWith('referral-')).map((c) => [c.templateId, c.name, c.value]);
}
const referralCoupons = (memberId: string) =>
  (h.cloud.db.find(COLLECTIONS.coupons, { memberId }) as unknown as Array<{ _id: string; templateId: string }>).filter((c) => c.templateId.startsWith('referral-')).map((c) => c.templateId).sort();

async function settle() {
  const answer = await runJobs(h, SETTLE);
  if (!answer.ok || !answer.data.runs[0]!.done || answer.data.runs[0]!.failed) throw new Error(`settlement failed: ${JSON.stringify(answer)}`);
  return answer.data.runs[0]!;
}

/** Changes the programme's terms as the brand would (its one document). */
async function setProgramme(changes: Partial<ReferralProgramme>) {
  await h.cloud.call(null, async () => {
    await database().collection(COLLECTIONS.referralProgrammes).doc('default').update({ data: changes });
  });
}

describe('the inviter’s code (referral.mine)', () => {
  it('is 8 random characters, the same on every call, saying nothing of who holds it, with the share path and the poster’s scene', async () => {
    const id = await h.join('ann', { nickname: '小雅' });
    const first = await mine('ann');
    expect(first.code).toMatch(CODE);
    expect(first.code).not.toContain(id);
    expect(first.code.toLowerCase()).not.toContain('ann');
    expect(first).toMatchObject({
      // the inviter's home store rides along, so a friend at home can join
      sharePath: `packages/join/index?ref=${first.code}&storeId=S001`,
      scene: `r=${first.code}&s=S001`,
      stats: { invited: 0, joined: 0, inWindow: 0, settled: 0, void: 0, voidReasons: [] },
      loyalProgress: { settled: 0, needed: 3, text: '再邀请 3 位好友成功消费，即可成为忠诚者' },
      terms: { pass: { name: '新品优先试穿权' }, minOrderFen: 10_000, returnWindowDays: 7 },
    });
    expect(first.scene.length).toBeLessThanOrEqual(32);
    expect(first.scene).toMatch(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~%]+$/);
    for (let i = 0; i < 3; i += 1) expect((await mine('ann')).code).toBe(first.code);
    // another member draws another code
    await h.join('bob');
    expect((await mine('bob')).code).not.toBe(first.code);
  });

  it('parallel first calls of one member keep one code', async () => {
    const id = await h.join('ann');
    const answers = await Promise.all(Array.from({ length: 30 }, () => h.call('referral', 'ann', { action: 'mine' })));
    const codes = new Set(answers.map((a) => (a.ok ? a.data.code : a.error.code)));
    console.log(`[referral] 30 parallel first mine calls: codes answered ${codes.size}, invite code documents ${h.cloud.db.count(COLLECTIONS.inviteCodes, { memberId: id })}`);
    expect(codes.size).toBe(1);
    const [code] = [...codes];
    expect(code).toMatch(CODE);
    expect(memberDoc(h, id).inviteCode).toBe(code);
    // the losers' drawn codes were dropped: one code names the member
    expect(h.cloud.db.find(COLLECTIONS.inviteCodes, { memberId: id }).map((d) => d._id)).toEqual([code]);
  });

  it('answers NOT_MEMBER to a shopper who has not joined', async () => {
    expect(await h.call('referral', 'stranger', { action: 'mine' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    expect(await h.call('referral', 'stranger', { action: 'invitees' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
  });
});

describe('the join page’s inviter (referral.inviter)', () => {
  it('answers the masked nickname and what both sides get for a good code, to a shopper who has not joined', async () => {
    const a = await inviter('ann', '小雅同学');
    expect(await ok('referral', 'visitor', { action: 'inviter', ref: a.code })).toEqual({
      nicknameMasked: '小**',
      terms: {
        pass: { name: '新品优先试穿权', value: expect.any(String), rule: expect.any(String) },
        inviterSteps: [
          { from: 1, reward: { name: '邀请好友礼券', value: '¥20', rule: expect.any(String) } },
          { from: 3, reward: { name: '邀请好友进阶礼券', value: '¥50', rule: expect.any(String) } },
          { from: 5, reward: { name: '邀请达人礼券', value: '¥100', rule: expect.any(String) } },
        ],
        minOrderFen: 10_000,
        returnWindowDays: 7,
        rules: expect.arrayContaining([expect.stringContaining('分享本身没有奖励')]),
      },
    });
  });

  it('answers NOT_FOUND for an unknown code, and for the code of a member who left', async () => {
    expect(await h.call('referral', 'visitor', { action: 'inviter', ref: 'ZZZZZZZZ' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const a = await inviter();
    await ok('member', a.openid, { action: 'delete', confirm: true });
    expect(await h.call('referral', 'visitor', { action: 'inviter', ref: a.code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('attribution at joining (member.enroll with ref)', () => {
  it('a brand-new shopper joining with a code makes one referral, joined, and the inviter’s list reads 已加入', async () => {
    const a = await inviter();
    const bId = await h.join('bea', { ref: a.code, nickname: '阿杰' });
    expect(referralOfInvitee(bId)).toMatchObject({
      inviterId: a.id,
      inviteeId: bId,
      code: a.code,
      status: 'joined',
      voidReason: null,
      inviteeNicknameMasked: '阿*',
      dueAt: new Date(h.clock.now().getTime() + 30 * DAY),
    });
    expect(memberDoc(h, bId).referralId).toBe(referralOfInvitee(bId)._id);
    expect(await lines('ann')).toEqual([{ key: expect.any(String), nicknameMasked: '阿*', joinedAt: h.clock.now().toISOString(), status: 'joined', statusText: '已加入', at: null }]);
    expect((await mine('ann')).stats).toMatchObject({ invited: 1, joined: 1 });
    // the line's key names neither member
    expect((await lines('ann'))[0]!.key).not.toContain(bId);
  });

  it('a member joining again with their own code (or any code) makes no referral', async () => {
    const a = await inviter();
    expect(await h.call('member', 'ann', { action: 'enroll', storeId: 'S001', privacyAccepted: true, ref: a.code })).toMatchObject({ ok: true, data: { created: false } });
    const b = await h.join('bea');
    expect(await h.call('member', 'bea', { action: 'enroll', storeId: 'S001', privacyAccepted: true, ref: a.code })).toMatchObject({ ok: true, data: { created: false, member: { memberId: b } } });
    expect(referralsOf()).toHaveLength(0);
  });

  it('an unknown code never blocks joining: the referral is recorded void (unknownCode), naming no inviter', async () => {
    const answer = await h.call('member', 'bea', { action: 'enroll', storeId: 'S001', privacyAccepted: true, ref: 'ZZZZZZZZ' });
    expect(answer).toMatchObject({ ok: true, data: { created: true } });
    const bId = answer.ok && answer.data.member.memberId;
    expect(referralOfInvitee(bId)).toMatchObject({ inviterId: null, status: 'void', voidReason: 'unknownCode', dueAt: null });
    expect(memberDoc(h, bId).referralId).toBeNull();
  });

  it.each([
    ['odd characters', '../$x'],
    ['200 letters', 'A'.repeat(200)],
  ])('a ref of %s never blocks joining either: recorded void (unknownCode), the ref kept nowhere', async (_name, ref) => {
    const answer = await h.call('member', 'odd', { action: 'enroll', storeId: 'S001', privacyAccepted: true, ref });
    expect(answer).toMatchObject({ ok: true, data: { created: true } });
    const oddId = answer.ok && answer.data.member.memberId;
    expect(referralOfInvitee(oddId)).toMatchObject({ inviterId: null, code: null, status: 'void', voidReason: 'unknownCode' });
    expect(memberDoc(h, oddId).joinRef).toBeNull();
  });

  it('a shopper who was a member before joins again, but the referral is void (rejoined) and the inviter reads why', async () => {
    const a = await inviter();
    await h.join('bea');
    await ok('member', 'bea', { action: 'delete', confirm: true });
    const bId = await h.join('bea', { ref: a.code, nickname: '阿杰' });
    expect(referralOfInvitee(bId)).toMatchObject({ inviterId: a.id, status: 'void', voidReason: 'rejoined', dueAt: null });
    expect(await lines('ann')).toEqual([expect.objectContaining({ status: 'void', statusText: '未生效：好友此前已是会员' })]);
    expect((await mine('ann')).stats).toMatchObject({ invited: 1, void: 1, voidReasons: [{ reason: 'rejoined', text: '好友此前已是会员', count: 1 }] });
    // their first order qualifies nothing
    await buy(h, 'bea', 39_900);
    expect(referralOfInvitee(bId)).toMatchObject({ status: 'void', voidReason: 'rejoined' });
  });

  it('the code of an inviter whose erase is under way: void (inviterLeft); once the erase is finished the code is unknown', async () => {
    const a = await inviter('openid-ann-leaving', '小雅同学');
    // a delete stopped right after marking the member (a crash): the code and the record are still there
    await h.cloud.call(null, () => markLeaving(database(), a.id, h.clock.now()));
    const bId = await h.join('bea', { ref: a.code });
    expect(referralOfInvitee(bId)).toMatchObject({ status: 'void', voidReason: 'inviterLeft', dueAt: null });
    // the sweep finishes an erase stalled for 10 minutes: the referral forgets the inviter
    h.clock.advance(11 * 60_000);
    expect(await runJobs(h, { action: 'run', job: 'sweep', restart: true })).toMatchObject({ ok: true, data: { runs: [{ changed: 1 }] } });
    expect(referralOfInvitee(bId)).toMatchObject({ inviterId: null, status: 'void', voidReason: 'inviterLeft' });
    expect(documentsNaming(h, [a.id, a.openid, a.nickname])).toEqual([]);
    // joining with the code afterwards: unknown
    const cId = await h.join('cal', { ref: a.code });
    expect(referralOfInvitee(cId)).toMatchObject({ inviterId: null, status: 'void', voidReason: 'unknownCode' });
  });

  it('200 parallel enrolls of one new shopper with a ref make one member and one referral', async () => {
    const a = await inviter();
    const enroll = { action: 'enroll', storeId: 'S001', privacyAccepted: true, ref: a.code };
    const answers = await Promise.all(Array.from({ length: 200 }, () => h.call('member', 'racer', enroll)));
    const members = h.cloud.db.find(COLLECTIONS.members, { openid: 'racer' }) as unknown as Member[];
    const referrals = referralsOf();
    const tally: Record<string, number> = {};
    for (const x of answers) tally[x.ok ? `ok created:${x.data.created}` : x.error.code] = (tally[x.ok ? `ok created:${x.data.created}` : x.error.code] ?? 0) + 1;
    console.log(`[referral] 200 parallel enrolls of one shopper with a ref: ${JSON.stringify(tally)}; members ${members.length}, referrals ${referrals.length} (${referrals.map((r) => r.status).join(',')})`);
    expect(answers.every((x) => x.ok)).toBe(true);
    expect(tally['ok created:true']).toBe(1);
    expect(new Set(answers.map((x) => x.ok && x.data.member.memberId))).toEqual(new Set([members[0]!._id]));
    expect(members).toHaveLength(1);
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toMatchObject({ inviterId: a.id, inviteeId: members[0]!._id, status: 'joined' });
    expect(members[0]!.referralId).toBe(referrals[0]!._id);
    expect(await lines('ann')).toHaveLength(1);
  });
});

describe('a first paid order, the return window and the settlement job', () => {
  it('B pays ¥399: 已消费; 8 days on the job pays both sides the pass and A the ¥20 礼券; A reads 已发放 and counts it', async () => {
    const a = await inviter();
    const bId = await h.join('bea', { ref: a.code, nickname: '阿杰' });
    const paidAt = h.clock.now();
    await buy(h, 'bea', 39_900);
    const due = new Date(paidAt.getTime() + 7 * DAY).toISOString();
    expect(referralOfInvitee(bId)).toMatchObject({ status: 'qualified', orderPaidFen: 39_900, dueAt: new Date(due) });
    expect(await lines('ann')).toEqual([expect.objectContaining({ status: 'qualified', statusText: '已消费，退货期后发放奖励', at: due })]);
    expect((await mine('ann')).stats).toMatchObject({ invited: 1, joined: 0, inWindow: 1, settled: 0 });

    // inside the window the job leaves it
    h.clock.advance(6 * DAY);
    expect(await settle()).toMatchObject({ processed: 0, changed: 0 });
    expect(await wallet('ann')).toEqual([]);

    h.clock.set(new Date(paidAt.getTime() + 8 * DAY));
    expect(await settle()).toMatchObject({ processed: 1, changed: 1, done: true });
    expect(await wallet('bea')).toEqual([['referral-pass', '新品优先试穿权', expect.any(String)]]);
    expect((await wallet('ann')).sort()).toEqual([
      ['referral-pass', '新品优先试穿权', expect.any(String)],
      ['referral-reward-1', '邀请好友礼券', '¥20'],
    ]);
    expect(await lines('ann')).toEqual([expect.objectContaining({ status: 'settled', statusText: '已发放', at: h.clock.now().toISOString() })]);
    expect(await mine('ann')).toMatchObject({ stats: { invited: 1, settled: 1, inWindow: 0 }, loyalProgress: { settled: 1, text: '再邀请 2 位好友成功消费，即可成为忠诚者' } });
    expect(memberDoc(h, a.id)).toMatchObject({ referralsSettledTotal: 1, tier: 'explorer' });
    expect(h.cloud.db.find(COLLECTIONS.referralBudgets, {})).toEqual([expect.objectContaining({ monthKey: '202612', spentFen: 2_000 })]);

    // the job again, the same day and the next: nothing twice
    await settle();
    h.clock.advance(DAY);
    await settle();
    expect(referralCoupons(a.id)).toEqual(['referral-pass', 'referral-reward-1']);
    expect(referralCoupons(bId)).toEqual(['referral-pass']);
  });

  it('the notice of the rewards goes to each side holding a credit for it, once, after they are given', async () => {
    const a = await inviter();
    await h.join('bea', { ref: a.code });
    // the inviter opted in (twice); the friend did not
    await ok('member', 'ann', { action: 'subscribe', accepted: ['referralReward'] });
    await ok('member', 'ann', { action: 'subscribe', accepted: ['referralReward'] });
    await buy(h, 'bea', 39_900);
    h.clock.advance(8 * DAY);
    await settle();
    await settle();
    const sent = h.cloud.openapi.sent('subscribeMessage.send');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ data: { touser: 'ann', templateId: 'styleclub-dev-referral-reward', page: 'packages/coupons/index', data: { thing1: { value: '新品优先试穿权、邀请好友礼券' }, thing3: { value: '好友已完成首单，奖励已放入券包' } } } });
    // one credit spent, one kept
    expect(await ok('points', 'ann', { action: 'summary' })).toMatchObject({ reminders: { referralReward: 1, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } });
  });

  it('a whole refund inside the window: void (退货), nobody rewarded', async () => {
    const a = await inviter();
    const bId = await h.join('bea', { ref: a.code });
    const { body } = await buy(h, 'bea', 39_900);
    h.clock.advance(3 * DAY);
    expect((await deliver(h, 'refunds', refundBody(body.orderId, 'RF-1', 39_900))).status).toBe(200);
    h.clock.advance(5 * DAY);
    expect(await settle()).toMatchObject({ processed: 1, changed: 1 });
    expect(referralOfInvitee(bId)).toMatchObject({ status: 'void', voidReason: 'refunded', dueAt: null });
    expect(await lines('ann')).toEqual([expect.objectContaining({ status: 'void', statusText: '未生效：好友首单已退货' })]);
    expect(referralCoupons(a.id)).toEqual([]);
    expect(referralCoupons(bId)).toEqual([]);
    expect((await mine('ann')).stats).toMatchObject({ settled: 0, void: 1, voidReasons: [{ reason: 'refunded', count: 1 }] });
  });

  it('a partial refund leaving at least ¥100 still settles', async () => {
    const a = await inviter();
    const bId = await h.join('bea', { ref: a.code });
    const { body } = await buy(h, 'bea', 39_900);
    expect((await deliver(h, 'refunds', refundBody(body.orderId, 'RF-1', 29_900))).status).toBe(200);
    h.clock.advance(8 * DAY);
    await settle();
    expect(referralOfInvitee(bId)).toMatchObject({ status: 'settled' });
    expect(referralCoupons(a.id)).toEqual(['referral-pass', 'referral-reward-1']);
  });

  it('a refund after settlement changes nothing', async () => {
    const a = await inviter();
    const bId = await h.join('bea', { ref: a.code });
    const { body } = await buy(h, 'bea', 39_900);
    h.clock.advance(8 * DAY);
    await settle();
    const settled = referralOfInvitee(bId);
    expect(settled.status).toBe('settled');
    expect((await deliver(h, 'refunds', refundBody(body.orderId, 'RF-late', 39_900))).status).toBe(200);
    h.clock.advance(DAY);
    await settle();
    expect(referralOfInvitee(bId)).toEqual(settled);
    expect(referralCoupons(a.id)).toEqual(['referral-pass', 'referral-reward-1']);
    expect(referralCoupons(bId)).toEqual(['referral-pass']);
    expect(memberDoc(h, a.id).referralsSettledTotal).toBe(1);
    expect(await lines('ann')).toEqual([expect.objectContaining({ statusText: '已发放' })]);
  });

  it('a first order below ¥100 voids it at once, and a later bigger order does not revive it', async () => {
    const a = await inviter();
    const bId = await h.join('bea', { ref: a.code });
    await buy(h, 'bea', 9_999);
    expect(referralOfInvitee(bId)).toMatchObject({ status: 'void', voidReason: 'belowMinimum', orderPaidFen: 9_999, dueAt: null });
    expect(await lines('ann')).toEqual([expect.objectContaining({ statusText: '未生效：好友首单未满最低消费' })]);
    await buy(h, 'bea', 50_000);
    h.clock.advance(8 * DAY);
    expect(await settle()).toMatchObject({ processed: 0 });
    expect(referralOfInvitee(bId)).toMatchObject({ status: 'void', voidReason: 'belowMinimum' });
  });

  it('no order in 30 days: void (noOrder) by the job, and a later order does not revive it', async () => {
    const a = await inviter();
    const bId = await h.join('bea', { ref: a.code });
    h.clock.advance(29 * DAY);
    expect(await settle()).toMatchObject({ processed: 0 });
    h.clock.advance(2 * DAY);
    expect(await settle()).toMatchObject({ processed: 1, changed: 1 });
    expect(referralOfInvitee(bId)).toMatchObject({ status: 'void', voidReason: 'noOrder', dueAt: null });
    expect(await lines('ann')).toEqual([expect.objectContaining({ statusText: '未生效：好友30天内未消费' })]);
    await buy(h, 'bea', 39_900);
    expect(referralOfInvitee(bId)).toMatchObject({ status: 'void', voidReason: 'noOrder' });
  });

  it('a first order an hour after the 30 days, before the job looked, does not qualify: void (noOrder)', async () => {
    const a = await inviter();
    const bId = await h.join('bea', { ref: a.code });
    h.clock.advance(30 * DAY + 60 * 60_000);
    await buy(h, 'bea', 39_900);
    expect(referralOfInvitee(bId)).toMatchObject({ status: 'void', voidReason: 'noOrder', dueAt: null });
    expect(await lines('ann')).toEqual([expect.objectContaining({ statusText: '未生效：好友30天内未消费' })]);
  });

  it('both bound the same phone before the window ended: void (samePhone)', async () => {
    const a = await inviter();
    const bId = await h.join('bea', { ref: a.code });
    await ok('member', 'ann', { action: 'bindPhone', code: h.cloud.openapi.issuePhoneCode('13812345678') });
    await ok('member', 'bea', { action: 'bindPhone', code: h.cloud.openapi.issuePhoneCode('13812345678') });
    await buy(h, 'bea', 39_900);
    h.clock.advance(8 * DAY);
    await settle();
    expect(referralOfInvitee(bId)).toMatchObject({ status: 'void', voidReason: 'samePhone' });
    expect(referralCoupons(a.id)).toEqual([]);
  });

  it('a friend who binds the phone the inviter bound voids the referral at once: the list never says a reward is coming', async () => {
    const a = await inviter();
    const bId = await h.join('bea', { ref: a.code });
    await ok('member', 'ann', { action: 'bindPhone', code: h.cloud.openapi.issuePhoneCode('13812345678') });
    await ok('member', 'bea', { action: 'bindPhone', code: h.cloud.openapi.issuePhoneCode('13812345678') });
    expect(referralOfInvitee(bId)).toMatchObject({ status: 'void', voidReason: 'samePhone', dueAt: null });
    await buy(h, 'bea', 39_900);
    expect(await lines('ann')).toEqual([expect.objectContaining({ statusText: '未生效：与你绑定了同一手机号' })]);
    // another phone changes nothing
    const cId = await h.join('cat', { ref: a.code });
    await ok('member', 'cat', { action: 'bindPhone', code: h.cloud.openapi.issuePhoneCode('13900001111') });
    expect(referralOfInvitee(cId)).toMatchObject({ status: 'joined' });
  });

  it('three settled referrals make the inviter 忠诚者 at once, visible on the card and the points page', async () => {
    const a = await inviter();
    for (const f of ['b1', 'b2', 'b3']) {
      await h.join(f, { ref: a.code });
      await buy(h, f, 39_900);
    }
    expect(await ok('member', 'ann', { action: 'card' })).toMatchObject({ tier: 'explorer' });
    h.clock.advance(8 * DAY);
    expect(await settle()).toMatchObject({ processed: 3, changed: 3 });
    expect(await ok('member', 'ann', { action: 'card' })).toMatchObject({ tier: 'loyal', tierName: '忠诚者' });
    expect(await ok('points', 'ann', { action: 'summary' })).toMatchObject({ tier: { code: 'loyal' }, progress: { settledReferrals: 3 } });
    expect(await mine('ann')).toMatchObject({ stats: { settled: 3 }, loyalProgress: { settled: 3, needed: 3, text: '你已是忠诚者' } });
    expect(memberDoc(h, a.id).tierHistory?.at(-1)).toMatchObject({ from: 'explorer', to: 'loyal', reason: 'referral' });
    // the 1st and 2nd bring ¥20, the 3rd ¥50
    expect(referralCoupons(a.id)).toEqual(['referral-pass', 'referral-pass', 'referral-pass', 'referral-reward-1', 'referral-reward-1', 'referral-reward-3']);
    expect(h.cloud.db.find(COLLECTIONS.referralBudgets, {})).toEqual([expect.objectContaining({ spentFen: 2_000 + 2_000 + 5_000 })]);
  });

  it('the daily cap: four due the same day, three settle, the fourth the next day', async () => {
    const a = await inviter();
    const friends = ['b1', 'b2', 'b3', 'b4'];
    for (const f of friends) {
      await h.join(f, { ref: a.code });
      await buy(h, f, 39_900);
    }
    h.clock.advance(8 * DAY); // 3 December, 10:00 in Shanghai
    expect(await settle()).toMatchObject({ processed: 4, changed: 4 });
    const statuses = () => referralsOf({ inviterId: a.id }).map((r) => r.status).sort();
    expect(statuses()).toEqual(['qualified', 'settled', 'settled', 'settled']);
    const deferred = referralsOf({ inviterId: a.id, status: 'qualified' })[0]!;
    expect(deferred.dueAt).toEqual(new Date('2026-12-03T16:00:00.000Z')); // 00:00 on 4 December in Shanghai
    expect((await lines('ann')).map((l) => l.statusText).sort()).toEqual(['已发放', '已发放', '已发放', '已消费，退货期后发放奖励']);
    // later the same day: still capped (it is not due again until midnight)
    h.clock.advance(13 * 3_600_000);
    expect(await settle()).toMatchObject({ processed: 0 });
    h.clock.advance(3_600_000); // 00:00 on 4 December
    expect(await settle()).toMatchObject({ processed: 1, changed: 1 });
    expect(statuses()).toEqual(['settled', 'settled', 'settled', 'settled']);
    expect(memberDoc(h, a.id).referralsSettledTotal).toBe(4);
    expect(referralCoupons(a.id).filter((t) => t !== 'referral-pass')).toEqual(['referral-reward-1', 'referral-reward-1', 'referral-reward-3', 'referral-reward-3']);
  });

  it('the monthly budget: what does not fit waits for the next month, whole (no pass either)', async () => {
    await setProgramme({ monthlyBudgetFen: 2_000 });
    const a = await inviter();
    const ids = [];
    for (const f of ['b1', 'b2']) {
      ids.push(await h.join(f, { ref: a.code }));
      await buy(h, f, 39_900);
    }
    h.clock.advance(8 * DAY);
    expect(await settle()).toMatchObject({ processed: 2, changed: 2 });
    const waiting = referralsOf({ inviterId: a.id, status: 'qualified' });
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.dueAt).toEqual(new Date('2026-12-31T16:00:00.000Z')); // 1 January 00:00 in Shanghai
    const waitingInvitee = waiting[0]!.inviteeId!;
    expect(referralCoupons(waitingInvitee)).toEqual([]);
    expect(referralCoupons(a.id)).toEqual(['referral-pass', 'referral-reward-1']);
    h.clock.set('2026-12-31T16:00:00.000Z');
    expect(await settle()).toMatchObject({ processed: 1, changed: 1 });
    expect(referralCoupons(waitingInvitee)).toEqual(['referral-pass']);
    expect(referralCoupons(a.id)).toEqual(['referral-pass', 'referral-pass', 'referral-reward-1', 'referral-reward-1']);
    expect(h.cloud.db.find(COLLECTIONS.referralBudgets, {}).map((b) => [b.monthKey, b.spentFen]).sort()).toEqual([['202612', 2_000], ['202701', 2_000]]);
  });
});

describe('the list of invitees (referral.invitees)', () => {
  it('pages newest first with before/nextBefore, every invitee once', async () => {
    const a = await inviter();
    const joined: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      await h.join(`f-${i}`, { ref: a.code, nickname: `友${i}号` });
      joined.push(h.clock.now().toISOString());
      h.clock.advance(60_000);
    }
    const pages: Line[][] = [];
    let before: string | null | undefined;
    do {
      const page = await invitees('ann', before ? { limit: 10, before } : { limit: 10 });
      pages.push(page.invitees);
      before = page.nextBefore;
      if (before) expect(before).toBe(page.invitees.at(-1)!.key);
    } while (before);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    const all = pages.flat();
    expect(all.map((l) => l.joinedAt)).toEqual([...joined].reverse());
    expect(new Set(all.map((l) => l.key)).size).toBe(25);
    expect(all.every((l) => l.nicknameMasked === '友**' && l.statusText === '已加入')).toBe(true);
    // the default page is 20; a page of exactly what is left says there is no next one
    expect((await invitees('ann')).invitees).toHaveLength(20);
    expect(await invitees('ann', { limit: 25 })).toMatchObject({ nextBefore: null });
    expect(await h.call('referral', 'ann', { action: 'invitees', limit: 51 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // a `before` that is not a page's nextBefore is named, not read as the whole list
    for (const before of ['garbage', '9999999999999:zzzz']) {
      expect(await h.call('referral', 'ann', { action: 'invitees', before })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('before') } });
    }
  });

  it('shows an inviter only their own invitees', async () => {
    const a = await inviter('ann');
    const c = await inviter('cid');
    await h.join('b1', { ref: a.code });
    await h.join('b2', { ref: c.code });
    await h.join('b3', { ref: c.code });
    expect(await lines('ann')).toHaveLength(1);
    expect(await lines('cid')).toHaveLength(2);
  });
});

describe('leaving', () => {
  it('an invitee who leaves in the window: their referral is void (inviteeLeft), nothing names them, the inviter’s line stays anonymised', async () => {
    const a = await inviter();
    const bId = await h.join('openid-bea-leaving', { ref: a.code, nickname: '阿杰同学' });
    await buy(h, 'openid-bea-leaving', 39_900);
    await ok('member', 'openid-bea-leaving', { action: 'delete', confirm: true });
    expect(documentsNaming(h, [bId, 'openid-bea-leaving', '阿杰同学'])).toEqual([]);
    expect(await lines('ann')).toEqual([expect.objectContaining({ nicknameMasked: '已退出的会员', status: 'void', statusText: '未生效：好友已退出会员' })]);
    h.clock.advance(8 * DAY);
    expect(await settle()).toMatchObject({ processed: 0 });
    expect(referralCoupons(a.id)).toEqual([]);
  });

  it('an invitee who leaves after settlement: the inviter keeps the line (已发放, anonymised) and the rewards', async () => {
    const a = await inviter();
    const bId = await h.join('openid-bea-leaving', { ref: a.code, nickname: '阿杰同学' });
    await buy(h, 'openid-bea-leaving', 39_900);
    h.clock.advance(8 * DAY);
    await settle();
    await ok('member', 'openid-bea-leaving', { action: 'delete', confirm: true });
    expect(documentsNaming(h, [bId, 'openid-bea-leaving', '阿杰同学'])).toEqual([]);
    // nothing leads from the store's anonymised order back to the friend through the referral
    expect(referralsOf({ inviterId: a.id })).toEqual([expect.objectContaining({ inviteeId: null, orderKey: null, orderPaidFen: null })]);
    expect(await lines('ann')).toEqual([expect.objectContaining({ nicknameMasked: '已退出的会员', status: 'settled', statusText: '已发放' })]);
    expect(referralCoupons(a.id)).toEqual(['referral-pass', 'referral-reward-1']);
    expect((await mine('ann')).stats).toMatchObject({ settled: 1 });
  });

  it('an inviter who leaves: nothing names them, the invitee’s referral is void (inviterLeft) and forgets them', async () => {
    const a = await inviter('openid-ann-leaving', '小雅同学');
    const bId = await h.join('bea', { ref: a.code });
    const settledId = await h.join('bob', { ref: a.code });
    await buy(h, 'bob', 39_900);
    await buy(h, 'bea', 39_900);
    h.clock.advance(8 * DAY);
    // bob's settles today; move bea's past today so it is still open when the inviter leaves
    await h.cloud.call(null, async () => {
      await database().collection(COLLECTIONS.referrals).doc(referralOfInvitee(bId)._id).update({ data: { dueAt: new Date(h.clock.now().getTime() + DAY) } });
    });
    await settle();
    expect(referralOfInvitee(settledId).status).toBe('settled');
    await ok('member', a.openid, { action: 'delete', confirm: true });
    // the code was on their posters and links: no referral or friend's record keeps it
    expect(documentsNaming(h, [a.id, a.openid, a.nickname, a.code])).toEqual([]);
    expect(referralOfInvitee(bId)).toMatchObject({ inviterId: null, status: 'void', voidReason: 'inviterLeft', dueAt: null });
    // a settled one stays settled (the invitee keeps their pass), naming no inviter
    expect(referralOfInvitee(settledId)).toMatchObject({ inviterId: null, status: 'settled' });
    expect(referralCoupons(settledId)).toEqual(['referral-pass']);
    h.clock.advance(DAY);
    expect(await settle()).toMatchObject({ processed: 0 });
    expect(referralCoupons(bId)).toEqual([]);
  });
});

describe('leaving in the middle of another call', () => {
  it('an inviter whose whole erase runs while a friend’s join with their code is between its reads and its write: nothing names the inviter afterwards', async () => {
    const a = await inviter('openid-ann-racing', '小雅同学');
    // the join's 7th request is the inviter's record (after the member, store, templates, former use, code and programme reads)
    const held = holdCallAfter(7);
    const joining = h.call('member', 'openid-bea', { action: 'enroll', storeId: 'S001', privacyAccepted: true, ref: a.code });
    try {
      await held.reached;
      expect(held.requests().at(-1)).toMatch(/members/);
      await ok('member', a.openid, { action: 'delete', confirm: true });
    } finally {
      held.release();
      held.restore();
    }
    const joined = await joining;
    expect(joined).toMatchObject({ ok: true, data: { created: true } });
    const bId = joined.ok && joined.data.member.memberId;
    expect(documentsNaming(h, [a.id, a.openid, a.nickname])).toEqual([]);
    // and the friend's referral can never pay anyone: it is void
    expect(referralOfInvitee(bId)).toMatchObject({ inviterId: null, status: 'void' });
  });

  it.each([
    ['coupons erased', 10],
    ['invite codes erased', 11],
    ['its own invitations forgotten', 13],
  ])('an invitee whose erase (held after %s) straddles the commit of their referral’s settlement: nothing names them afterwards', async (_label, deleteStep) => {
    const a = await inviter();
    const bId = await h.join('openid-bea', { ref: a.code, nickname: '阿杰同学' });
    await buy(h, 'openid-bea', 39_900);
    h.clock.advance(8 * DAY);
    // the settlement has read everything (the referral, programme, order, both members, the budget) — the invitee not yet leaving
    const job = holdCallAfter(12);
    const settling = runJobs(h, SETTLE);
    const erase = { hold: null as ReturnType<typeof holdCallAfter> | null, call: null as Promise<unknown> | null };
    try {
      await job.reached;
      expect(job.requests().slice(-3)).toEqual(['getDocument members DOC', 'getDocument members DOC', 'getDocument referralBudgets DOC']);
      // the invitee's delete: marked, then erased up to this step, and held there while the settlement commits
      erase.hold = holdCallAfter(deleteStep);
      erase.call = h.call('member', 'openid-bea', { action: 'delete', confirm: true });
      await erase.hold.reached;
      job.release();
      expect(await settling).toMatchObject({ ok: true, data: { runs: [{ done: true, failed: false }] } });
    } finally {
      job.release();
      erase.hold?.release();
      await erase.call;
      erase.hold?.restore();
      job.restore();
    }
    expect(documentsNaming(h, [bId, 'openid-bea', '阿杰同学'])).toEqual([]);
    expect(referralsOf({ inviterId: a.id })).toEqual([expect.objectContaining({ inviteeId: null, status: 'void', voidReason: 'inviteeLeft' })]);
    expect(referralCoupons(a.id)).toEqual([]);
  });
});

describe('the poster’s code (referral.posterCode)', () => {
  it('answers the wxacode WeChat draws for r=<code> on the join page, as base64', async () => {
    await h.join('ann');
    const { code } = await mine('ann');
    const poster = await ok('referral', 'ann', { action: 'posterCode' });
    expect(poster).toMatchObject({ scene: `r=${code}&s=S001`, page: 'packages/join/index' });
    expect(poster.pngBase64).toMatch(/^[A-Za-z0-9+/]+=*$/);
    // a real QR image of the scene (the local fake draws what WeChat would)
    expect(decodeQr(Buffer.from(poster.pngBase64, 'base64'))).toBe(`r=${code}&s=S001`);
    expect(h.cloud.openapi.sent('wxacode.getUnlimited').at(-1)).toMatchObject({ data: { scene: `r=${code}&s=S001`, page: 'packages/join/index' } });
  });
});
