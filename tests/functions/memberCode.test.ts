import { createHarness, type Harness } from '../support/harness';

const STAFF = 'staff-S001';

describe('the till code (member.code) and the clerk lookup (staff.lookup)', () => {
  let h: Harness;
  let memberId: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('m1', { nickname: '小雅' });
  });

  async function fetchCode(openid = 'm1'): Promise<string> {
    const answer = await h.call('member', openid, { action: 'code' });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.data.code;
  }

  it('is 18 random digits valid for 60 seconds', async () => {
    const answer = await h.call('member', 'm1', { action: 'code' });
    expect(answer).toEqual({ ok: true, data: { code: expect.stringMatching(/^\d{18}$/), expiresAt: '2026-11-25T02:01:00.000Z', ttlSeconds: 60 } });
    expect(answer.ok && answer.data.code).not.toContain(memberId);
  });

  it('resolves for a clerk to a masked summary without the openid', async () => {
    const code = await fetchCode();
    const answer = await h.call('staff', STAFF, { action: 'lookup', code });
    expect(answer).toEqual({
      ok: true,
      data: {
        member: {
          memberId,
          nickname: '小雅',
          avatar: null,
          tier: 'explorer',
          tierName: '探索者',
          points: 0,
          phoneMasked: null,
          homeStore: { storeId: 'S001', name: '悦衣库 上海静安店' },
          memberSince: '2026-11-25T02:00:00.000Z',
        },
        codeExpiresAt: '2026-11-25T02:01:00.000Z',
        passes: [],
      },
    });
    expect(JSON.stringify(answer)).not.toContain('m1"');
  });

  it('shows a bound phone to the clerk only masked', async () => {
    await h.call('member', 'm1', { action: 'bindPhone', code: h.cloud.openapi.issuePhoneCode('13987654321') });
    const answer = await h.call('staff', STAFF, { action: 'lookup', code: await fetchCode() });
    expect(answer.ok && answer.data.member.phoneMasked).toBe('139****4321');
    expect(JSON.stringify(answer)).not.toContain('13987654321');
  });

  it('does not use the code up: a clerk can look it up twice', async () => {
    const code = await fetchCode();
    expect((await h.call('staff', STAFF, { action: 'lookup', code })).ok).toBe(true);
    expect((await h.call('staff', STAFF, { action: 'lookup', code })).ok).toBe(true);
  });

  it('is FORBIDDEN to anyone not on the staff list, the member included', async () => {
    const code = await fetchCode();
    expect(await h.call('staff', 'm1', { action: 'lookup', code })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('staff', 'random-shopper', { action: 'lookup', code })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('is FORBIDDEN to a clerk who has left', async () => {
    await h.cloud.db.apply([{ c: 'staff', id: 'staff-left', doc: { _id: 'staff-left', storeId: 'S001', name: '离职', role: 'clerk', active: false } }]);
    expect(await h.call('staff', 'staff-left', { action: 'lookup', code: await fetchCode() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('expires after 60 seconds: at 59 s it resolves, at 60 s it is CODE_EXPIRED', async () => {
    const code = await fetchCode();
    h.clock.advance(59_000);
    expect((await h.call('staff', STAFF, { action: 'lookup', code })).ok).toBe(true);
    h.clock.advance(1_000);
    expect(await h.call('staff', STAFF, { action: 'lookup', code })).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
  });

  it('is retired by fetching a new code', async () => {
    const old = await fetchCode();
    const fresh = await fetchCode();
    expect(fresh).not.toEqual(old);
    expect(await h.call('staff', STAFF, { action: 'lookup', code: old })).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
    expect((await h.call('staff', STAFF, { action: 'lookup', code: fresh })).ok).toBe(true);
  });

  it('a used code is CODE_EXPIRED', async () => {
    const code = await fetchCode();
    const stored = h.cloud.db.find('memberCodes', { code })[0]!;
    await h.cloud.db.apply([{ c: 'memberCodes', id: stored._id as string, doc: { ...stored, usedAt: h.clock.now() } }]);
    expect(await h.call('staff', STAFF, { action: 'lookup', code })).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
  });

  it('an unknown code is CODE_EXPIRED, a malformed one INVALID_INPUT', async () => {
    expect(await h.call('staff', STAFF, { action: 'lookup', code: '660000000000000000' })).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
    expect(await h.call('staff', STAFF, { action: 'lookup', code: '12345' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('staff', STAFF, { action: 'lookup', code: { $ne: null } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('parallel code fetches by one member leave exactly one live code', async () => {
    const codes = await Promise.all(Array.from({ length: 20 }, () => fetchCode()));
    // one record per member: the code on it is the one live code (looking all 20 up would run into the clerk's wrong-code limit)
    const stored = h.cloud.db.find('memberCodes', {});
    expect(stored).toHaveLength(1);
    expect(codes).toContain(stored[0]!.code);
    expect((await h.call('staff', STAFF, { action: 'lookup', code: stored[0]!.code })).ok).toBe(true);
    const other = codes.find((c) => c !== stored[0]!.code)!;
    expect(await h.call('staff', STAFF, { action: 'lookup', code: other })).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
  });

  it('is NOT_MEMBER for a shopper who has not joined', async () => {
    expect(await h.call('member', 'stranger', { action: 'code' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
  });

  it('costs 4 requests to fetch (member, the code it replaces, the new one, the member still there) and 8 to look up (staff, code and the clerk\'s wrong-code counter and its slot given back, member, the look written to the audit log, the member\'s passes)', async () => {
    const fetched = await h.measure('member', 'm1', { action: 'code' });
    expect(fetched.requests).toBe(4);
    const looked = await h.measure('staff', STAFF, { action: 'lookup', code: fetched.answer.ok && fetched.answer.data.code });
    expect(looked.requests).toBe(8);
  });
});
