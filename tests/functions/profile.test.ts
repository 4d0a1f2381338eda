import { PRIVACY_POLICY_VERSION } from '../../cloudfunctions/contract/formats';
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

  it('changes nickname and avatar any time, and clears either with null', async () => {
    await h.join('p1');
    const changed = await h.call('member', 'p1', { action: 'profile', nickname: 'Yuki', avatar: 'https://thirdwx.qlogo.cn/mmopen/vi_32/abc/132' });
    expect(changed).toMatchObject({ ok: true, data: { nickname: 'Yuki', avatar: 'https://thirdwx.qlogo.cn/mmopen/vi_32/abc/132' } });
    const card = await h.call('member', 'p1', { action: 'card' });
    expect(card.ok && card.data.nickname).toBe('Yuki');
    const cleared = await h.call('member', 'p1', { action: 'profile', nickname: null, avatar: null });
    expect(cleared).toMatchObject({ ok: true, data: { nickname: null, avatar: null } });
  });

  describe('takes only nicknames a card can show', () => {
    it.each([
      ['ten emoji (20 UTF-16 units, 10 characters)', '😀'.repeat(10), '😀'.repeat(10)],
      ['twenty emoji', '😀'.repeat(20), '😀'.repeat(20)],
      ['twenty emoji with skin tones (each one character to a person)', '👍🏽'.repeat(20), '👍🏽'.repeat(20)],
      ['emoji joined into one picture', '👨‍💻 林', '👨‍💻 林'],
      ['a flag', '🇨🇳小雅', '🇨🇳小雅'],
      ['Chinese with inner spaces, trimmed', '  林 小雅  ', '林 小雅'],
      ['decomposed accents, stored composed', 'Zoe\u0301', 'Zoé'],
      ['a keycap and a subdivision flag', '1️⃣🏴󠁧󠁢󠁳󠁣󠁴󠁿', '1️⃣🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
    ])('accepts %s', async (_name, nickname, stored) => {
      await h.join('p1');
      expect(await h.call('member', 'p1', { action: 'profile', nickname })).toMatchObject({ ok: true, data: { nickname: stored } });
    });

    it.each([
      ['21 emoji', '😀'.repeat(21), 'at most 20'],
      ['300 letters', 'x'.repeat(300), 'at most 20'],
      ['a zero-width space', '\u200b', 'empty'],
      ['a lone variation selector', '\ufe0f', 'empty'],
      ['a lone combining accent', '\u0301', 'empty'],
      ['a Hangul filler', '\u3164', 'empty'],
      ['a braille blank', '\u2800\u2800', 'empty'],
      ['an empty string', '', 'empty'],
      ['only spaces', '   ', 'empty'],
      ['a C1 control character', 'a\u0085b', 'invisible or control'],
      ['a lone surrogate', 'a\ud800b', 'not well-formed text'],
      ['a right-to-left override', 'abc\u202eevil', 'invisible or control'],
      ['a zero-width joiner trick', 'ad\u200dmin', 'invisible or control'],
      ['Zalgo text', 'Z\u0351\u0315\u0300\u035Ealgo', 'more than 2 combining marks on one character'],
      ['mathematical bold letters', '\u{1D40C}\u{1D422}\u{1D41A}', 'lookalike letters'],
      ['circled letters', '\u24B6\u24B7', 'lookalike letters'],
      ['a private-use glyph', 'a\uE000b', 'invisible or control'],
    ])('refuses %s with one clear reason', async (_name, nickname, reason) => {
      await h.join('p1', { nickname: 'Keep' });
      const answer = await h.call('member', 'p1', { action: 'profile', nickname });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(!answer.ok && answer.error.message).toMatch(new RegExp(`^(data\\.)?nickname:? .*${reason}`));
      expect(!answer.ok && answer.error.message.split(';')).toHaveLength(1);
      expect(await h.call('member', 'p1', { action: 'profile' })).toMatchObject({ ok: true, data: { nickname: 'Keep' } });
    });
  });

  describe('takes only avatars from the programme\'s cloud storage or WeChat', () => {
    it.each([
      ['a cloud file id', 'cloud://styleclub-prod-1a2b.7374-styleclub/avatars/m1.jpg'],
      ['a WeChat avatar URL', 'https://thirdwx.qlogo.cn/mmopen/vi_32/Q0j4TwGTfTL/132'],
    ])('accepts %s', async (_name, avatar) => {
      await h.join('p1');
      expect(await h.call('member', 'p1', { action: 'profile', avatar })).toMatchObject({ ok: true, data: { avatar } });
    });

    it.each([
      ['markup in a URL', 'https://"><script>alert(1)</script>'],
      ['a path climbing out of storage', 'cloud://env-1/../../etc/passwd'],
      ['any other https host', 'https://169.254.169.254/latest/meta-data'],
      ['plain http', 'http://thirdwx.qlogo.cn/a'],
      ['a data URI', 'data:image/png;base64,AAAA'],
      ['javascript', 'javascript:alert(1)'],
    ])('refuses %s', async (_name, avatar) => {
      await h.join('p1');
      expect(await h.call('member', 'p1', { action: 'profile', avatar })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    });
  });

  it('lets a member without a birthday set one, then not change it again for 12 months', async () => {
    await h.join('p1');
    const set = await h.call('member', 'p1', { action: 'profile', birthday: '05-20' });
    expect(set).toMatchObject({ ok: true, data: { birthday: '05-20', birthdayEditableFrom: '2027-11-25T02:00:00.000Z' } });
    h.clock.advance(100 * DAY);
    const refused = await h.call('member', 'p1', { action: 'profile', birthday: '06-01' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
    expect(!refused.ok && refused.error.message).toContain('2027-11-25 10:00');
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

  it('keeps the privacy grant and the last 50 marketing choices however often the member toggles', async () => {
    await h.join('c1');
    for (let i = 0; i < 60; i += 1) {
      h.clock.advance(1000);
      await h.call('member', 'c1', { action: 'consent', marketingOptIn: i % 2 === 0 });
    }
    const record = await h.call('member', 'c1', { action: 'consent' });
    const history = record.ok ? record.data.history : [];
    expect(history[0]).toEqual({ kind: 'privacy', granted: true, at: '2026-11-25T02:00:00.000Z', version: PRIVACY_POLICY_VERSION });
    expect(history.filter((e: { kind: string }) => e.kind === 'marketing')).toHaveLength(50);
    expect(history.at(-1)).toMatchObject({ kind: 'marketing', granted: false, at: '2026-11-25T02:01:00.000Z' });
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
