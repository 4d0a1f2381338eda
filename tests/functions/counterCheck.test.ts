import { createHarness, type Harness } from '../support/harness';

const CLERK = 'staff-S001';
const DAY = 86_400_000;

/** A pass in the member's wallet, as referral settlement issues it (新品优先试穿权, 60 days). */
function passDoc(id: string, memberId: string, issuedAt: Date, extra: Record<string, unknown> = {}) {
  return {
    _id: id,
    memberId,
    templateId: 'referral-pass',
    channel: 'referral',
    name: '新品优先试穿权',
    discount: { kind: 'pass', title: '优先试穿' },
    stackable: true,
    status: 'available',
    issuedAt,
    validFrom: issuedAt,
    validUntil: new Date(issuedAt.getTime() + 60 * DAY),
    usedAt: null,
    usedOrder: null,
    ...extra,
  };
}

describe('the store checks a pass off at the counter (staff.checkPass, 核销)', () => {
  let h: Harness;
  let memberId: string;
  const PASS = 'referral-pass:m:r1';
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('m1', { nickname: '小雅' });
    await h.cloud.db.apply([{ c: 'coupons', id: PASS, doc: passDoc(PASS, memberId, h.clock.now()) }]);
  });

  async function code(openid = 'm1'): Promise<string> {
    const answer = await h.call('member', openid, { action: 'code' });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.data.code;
  }
  const coupon = async (id: string) => h.cloud.db.find('coupons', { _id: id })[0];

  it('the lookup lists the passes the clerk can check off, with what they grant', async () => {
    const answer = await h.call('staff', CLERK, { action: 'lookup', code: await code() });
    expect(answer.ok && answer.data.passes).toEqual([{ couponId: PASS, name: '新品优先试穿权', grants: '优先试穿', validUntil: expect.any(String) }]);
  });

  it('checks the pass off once: the wallet shows it used, the lookup no longer lists it', async () => {
    const c = await code();
    expect(await h.call('staff', CLERK, { action: 'checkPass', code: c, couponId: PASS })).toEqual({ ok: true, data: { couponId: PASS, name: '新品优先试穿权', checkedAt: h.clock.now().toISOString() } });
    expect(await coupon(PASS)).toMatchObject({ status: 'used', checkedAtStore: 'S001', usedOrder: null });
    expect(await h.call('staff', CLERK, { action: 'checkPass', code: c, couponId: PASS })).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE', message: expect.stringContaining('核销') } });
    const lookup = await h.call('staff', CLERK, { action: 'lookup', code: c });
    expect(lookup.ok && lookup.data.passes).toEqual([]);
    const wallet = await h.call('coupon', 'm1', { action: 'list', status: 'used' });
    expect(JSON.stringify(wallet)).toContain('新品优先试穿权');
    expect(JSON.stringify(wallet)).toMatch(/已于\d{4}-\d{2}-\d{2}到店核销/);
  });

  it('two clerks tapping at once check it off once', async () => {
    const c = await code();
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.call('staff', CLERK, { action: 'checkPass', code: c, couponId: PASS })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'NOT_CLAIMABLE')).toBe(true);
  });

  it('refuses another member\'s pass, a coupon the till uses, an expired pass and a dead code, changing nothing', async () => {
    const other = await h.join('m2', { nickname: '阿岚' });
    await h.cloud.db.apply([
      { c: 'coupons', id: 'referral-pass:o:r2', doc: passDoc('referral-pass:o:r2', other, h.clock.now()) },
      { c: 'coupons', id: 'old-pass', doc: passDoc('old-pass', memberId, new Date(h.clock.now().getTime() - 61 * DAY)) },
    ]);
    const c = await code();
    expect(await h.call('staff', CLERK, { action: 'checkPass', code: c, couponId: 'referral-pass:o:r2' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const [firstOrder] = h.cloud.db.find('coupons', { memberId, 'discount.kind': 'percent' });
    expect(firstOrder).toBeDefined();
    expect(await h.call('staff', CLERK, { action: 'checkPass', code: c, couponId: firstOrder!._id })).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE', message: expect.stringContaining('收银台') } });
    expect(await h.call('staff', CLERK, { action: 'checkPass', code: c, couponId: 'old-pass' })).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE', message: expect.stringContaining('过期') } });
    h.clock.advance(2 * 60_000);
    expect(await h.call('staff', CLERK, { action: 'checkPass', code: c, couponId: PASS })).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
    expect(await coupon('referral-pass:o:r2')).toMatchObject({ status: 'available' });
    expect(await coupon(PASS)).toMatchObject({ status: 'available' });
  });

  it('is FORBIDDEN to anyone not on the staff list, the member included', async () => {
    const c = await code();
    expect(await h.call('staff', 'm1', { action: 'checkPass', code: c, couponId: PASS })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await coupon(PASS)).toMatchObject({ status: 'available' });
  });

  it('refuses malformed input as INVALID_INPUT', async () => {
    const c = await code();
    expect(await h.call('staff', CLERK, { action: 'checkPass', code: c, couponId: { $ne: null } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('staff', CLERK, { action: 'checkPass', code: c })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
