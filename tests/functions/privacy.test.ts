import { createHarness, type Harness } from '../support/harness';

describe("a member's own data: export and leaving the programme", () => {
  let h: Harness;
  let memberId: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('priv', { nickname: '小雅', birthday: '07-08', marketingOptIn: true, ref: 'FRIEND01' });
  });

  it('exports every field of the stored record (nothing held is left out, nothing of others is in)', async () => {
    await h.call('member', 'priv', { action: 'bindPhone', code: h.cloud.openapi.issuePhoneCode('13700001234') });
    await h.join('neighbour', { nickname: '邻居' });
    const exported = await h.call('member', 'priv', { action: 'export' });
    const text = JSON.stringify(exported);
    const stored = h.cloud.db.find('members', { openid: 'priv' })[0]!;
    for (const value of [stored._id, stored.openid, stored.nickname, stored.birthday, stored.joinRef, stored.tier]) expect(text).toContain(String(value));
    expect(text).not.toMatch(/neighbour|邻居/);
  });

  it('exports everything held about the member, the phone in the clear, to that member only', async () => {
    await h.call('member', 'priv', { action: 'bindPhone', code: h.cloud.openapi.issuePhoneCode('13700001234') });
    const exported = await h.call('member', 'priv', { action: 'export' });
    expect(exported).toMatchObject({
      ok: true,
      data: {
        exportedAt: '2026-11-25T02:00:00.000Z',
        member: { memberId, nickname: '小雅', birthday: '07-08', phone: '13700001234', tier: 'explorer', tierName: '探索者', points: 0, joinRef: 'FRIEND01' },
        consent: { privacy: { accepted: true }, marketing: { optIn: true } },
      },
    });
    expect(exported.ok && exported.data.member.wechatOpenid).toBe('priv');
    expect(exported.ok && exported.data.tillCode).toBeNull();
    const code = await h.call('member', 'priv', { action: 'code' });
    const withCode = await h.call('member', 'priv', { action: 'export' });
    expect(withCode.ok && withCode.data.tillCode).toEqual({ code: code.ok && code.data.code, issuedAt: '2026-11-25T02:00:00.000Z', expiresAt: '2026-11-25T02:01:00.000Z', usedAt: null });
    expect(await h.call('member', 'someone-else', { action: 'export' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
  });

  it('deletes the member and their till code; the card is gone and a clerk can no longer resolve the code', async () => {
    const code = await h.call('member', 'priv', { action: 'code' });
    expect(await h.call('member', 'priv', { action: 'delete', confirm: true })).toEqual({ ok: true, data: { deleted: true } });
    expect(await h.call('member', 'priv', { action: 'card' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    expect(await h.call('staff', 'staff-S001', { action: 'lookup', code: code.ok && code.data.code })).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
    expect(h.cloud.db.count('members', { _id: memberId })).toBe(0);
    expect(h.cloud.db.count('memberCodes', { _id: memberId })).toBe(0);
  });

  it('leaves no till code behind when code fetches race the delete', async () => {
    await Promise.all([
      ...Array.from({ length: 10 }, () => h.call('member', 'priv', { action: 'code' })),
      h.call('member', 'priv', { action: 'delete', confirm: true }),
      ...Array.from({ length: 10 }, () => h.call('member', 'priv', { action: 'code' })),
    ]);
    expect(h.cloud.db.count('members', { openid: 'priv' })).toBe(0);
    expect(h.cloud.db.count('memberCodes', { _id: memberId })).toBe(0);
  });

  it('refuses to delete without confirm: true, and keeps everything', async () => {
    expect(await h.call('member', 'priv', { action: 'delete' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('member', 'priv', { action: 'delete', confirm: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await h.call('member', 'priv', { action: 'card' })).ok).toBe(true);
  });

  it('lets a shopper who left join again as a new member', async () => {
    await h.call('member', 'priv', { action: 'delete', confirm: true });
    const again = await h.call('member', 'priv', { action: 'enroll', storeId: 'S002', privacyAccepted: true });
    expect(again).toMatchObject({ ok: true, data: { created: true, member: { homeStore: { storeId: 'S002' }, nickname: null } } });
    expect(again.ok && again.data.member.memberId).not.toBe(memberId);
  });

  it('answers a repeated delete ok (a retry whose first answer was lost: the erase is done) and changes nothing else', async () => {
    await h.join('other');
    await h.call('member', 'priv', { action: 'delete', confirm: true });
    const before = h.cloud.db.currentVersion();
    expect(await h.call('member', 'priv', { action: 'delete', confirm: true })).toEqual({ ok: true, data: { deleted: true } });
    expect(h.cloud.db.currentVersion()).toBe(before);
    expect((await h.call('member', 'other', { action: 'card' })).ok).toBe(true);
    expect(await h.call('member', 'priv', { action: 'card' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
  });
});
