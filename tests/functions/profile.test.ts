import { createHarness, type Harness } from '../support/harness';

const DAY = 24 * 3600 * 1000;

describe('the profile (member.profile)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('reads nickname, avatar, birthday and whether the birthday may be changed', async () => {
    await h.join('p1', { nickname: '小雅' });
    expect(await h.call('member', 'p1', { action: 'profile' })).toEqual({
      ok: true,
      data: { nickname: '小雅', avatar: null, birthday: null, birthdayEditableFrom: null, phoneMasked: null },
    });
  });

  it('changes nickname and avatar any time, and clears the avatar with null', async () => {
    await h.join('p1');
    await h.call('member', 'p1', { action: 'profile', nickname: 'Yuki', avatar: 'https://img.example.com/a.png' });
    const cleared = await h.call('member', 'p1', { action: 'profile', avatar: null });
    expect(cleared).toMatchObject({ ok: true, data: { nickname: 'Yuki', avatar: null } });
    const card = await h.call('member', 'p1', { action: 'card' });
    expect(card.ok && card.data.nickname).toBe('Yuki');
  });

  it('lets a member without a birthday set one, then not change it again for 12 months', async () => {
    await h.join('p1');
    const set = await h.call('member', 'p1', { action: 'profile', birthday: '05-20' });
    expect(set).toMatchObject({ ok: true, data: { birthday: '05-20', birthdayEditableFrom: '2027-11-25T02:00:00.000Z' } });
    h.clock.advance(100 * DAY);
    const refused = await h.call('member', 'p1', { action: 'profile', birthday: '06-01' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
    expect(!refused.ok && refused.error.message).toContain('2027年11月25日');
    const unchanged = await h.call('member', 'p1', { action: 'profile' });
    expect(unchanged.ok && unchanged.data.birthday).toBe('05-20');
  });

  it('counts the 12 months from a birthday given at joining, and allows the change once they are up', async () => {
    await h.join('p1', { birthday: '01-10' });
    h.clock.set('2027-11-25T01:59:59.000Z');
    expect(await h.call('member', 'p1', { action: 'profile', birthday: '01-11' })).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
    h.clock.set('2027-11-25T02:00:00.000Z');
    expect(await h.call('member', 'p1', { action: 'profile', birthday: '01-11' })).toMatchObject({ ok: true, data: { birthday: '01-11' } });
  });

  it('treats sending the same birthday again as no change', async () => {
    await h.join('p1', { birthday: '01-10' });
    h.clock.advance(DAY);
    expect(await h.call('member', 'p1', { action: 'profile', birthday: '01-10', nickname: 'N' })).toMatchObject({ ok: true, data: { birthday: '01-10', nickname: 'N' } });
  });

  it('10 parallel birthday changes by one member: exactly one lands', async () => {
    await h.join('p1');
    const days = ['01-01', '02-02', '03-03', '04-04', '05-05', '06-06', '07-07', '08-08', '09-09', '10-10'];
    const answers = await Promise.all(days.map((birthday) => h.call('member', 'p1', { action: 'profile', birthday })));
    const landed = answers.filter((a) => a.ok);
    expect(landed).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'LIMIT_REACHED')).toBe(true);
    const stored = h.cloud.db.find('members', { openid: 'p1' })[0];
    expect(stored?.birthday).toBe(landed[0]!.ok && landed[0]!.data.birthday);
  });

  it('refuses an impossible birthday and unknown fields without changing anything', async () => {
    await h.join('p1', { nickname: 'Keep' });
    expect(await h.call('member', 'p1', { action: 'profile', birthday: '04-31' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('member', 'p1', { action: 'profile', nickname: 'New', tier: 'loyal' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const card = await h.call('member', 'p1', { action: 'card' });
    expect(card).toMatchObject({ ok: true, data: { nickname: 'Keep', tier: 'explorer' } });
  });

  it('answers NOT_MEMBER to a shopper who has not joined', async () => {
    expect(await h.call('member', 'nobody', { action: 'profile', nickname: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
  });
});

describe('marketing consent (member.consent)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('grants and revokes the marketing opt-in, logging each change with its time', async () => {
    await h.join('c1');
    h.clock.advance(60_000);
    const granted = await h.call('member', 'c1', { action: 'consent', marketingOptIn: true });
    expect(granted).toMatchObject({ ok: true, data: { marketing: { optIn: true, changedAt: '2026-11-25T02:01:00.000Z' } } });
    h.clock.advance(60_000);
    const revoked = await h.call('member', 'c1', { action: 'consent', marketingOptIn: false });
    expect(revoked.ok && revoked.data.marketing.optIn).toBe(false);
    expect(revoked.ok && revoked.data.history.map((e: { kind: string; granted: boolean }) => `${e.kind}:${e.granted}`)).toEqual([
      'privacy:true',
      'marketing:false',
      'marketing:true',
      'marketing:false',
    ]);
  });

  it('does not log a change when the choice is already the same, even sent in parallel', async () => {
    await h.join('c1');
    await Promise.all(Array.from({ length: 10 }, () => h.call('member', 'c1', { action: 'consent', marketingOptIn: true })));
    const record = await h.call('member', 'c1', { action: 'consent' });
    expect(record.ok && record.data.history.filter((e: { kind: string }) => e.kind === 'marketing')).toHaveLength(2);
  });

  it('refuses a non-boolean choice', async () => {
    await h.join('c1');
    expect(await h.call('member', 'c1', { action: 'consent', marketingOptIn: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('binding a phone number (member.bindPhone)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('stores the number WeChat vouches for encrypted and shows it masked', async () => {
    await h.join('ph');
    const code = h.cloud.openapi.issuePhoneCode('13812345678');
    expect(await h.call('member', 'ph', { action: 'bindPhone', code })).toEqual({ ok: true, data: { phoneMasked: '138****5678' } });
    const stored = h.cloud.db.find('members', { openid: 'ph' })[0]!;
    expect(JSON.stringify(stored)).not.toContain('13812345678');
    expect(stored.phoneMasked).toBe('138****5678');
    const profile = await h.call('member', 'ph', { action: 'profile' });
    expect(profile.ok && profile.data.phoneMasked).toBe('138****5678');
  });

  it('refuses a used or unknown authorisation code', async () => {
    await h.join('ph');
    const code = h.cloud.openapi.issuePhoneCode('13812345678');
    await h.call('member', 'ph', { action: 'bindPhone', code });
    expect(await h.call('member', 'ph', { action: 'bindPhone', code })).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
    expect(await h.call('member', 'ph', { action: 'bindPhone', code: 'made-up' })).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
  });
});
