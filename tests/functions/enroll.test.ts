import { PRIVACY_POLICY_VERSION } from '../../cloudfunctions/contract/formats';
import { createHarness, type Harness } from '../support/harness';

const enroll = (extra: Record<string, unknown> = {}) => ({ action: 'enroll', storeId: 'S001', privacyAccepted: true, ...extra });

describe('joining the programme (member.enroll)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('creates an Explorer at the scanned store, then answers the same member with created: false', async () => {
    const first = await h.call('member', 'shopper-1', enroll({ nickname: '  小雅 ', birthday: '03-15', marketingOptIn: true }));
    expect(first).toMatchObject({
      ok: true,
      data: { created: true, member: { tier: 'explorer', tierName: '探索者', points: 0, nickname: '小雅', homeStore: { storeId: 'S001', name: '悦衣库 上海静安店' } } },
    });
    const again = await h.call('member', 'shopper-1', enroll({ storeId: 'S002' }));
    expect(again).toEqual({ ok: true, data: { created: false, member: first.ok && first.data.member } });
  });

  it('gives each shopper a memberId that is random digits, not derived from the openid', async () => {
    const a = await h.join('shopper-a');
    const b = await h.join('shopper-b');
    expect(a).toMatch(/^[1-9]\d{11}$/);
    expect(b).not.toEqual(a);
    expect(a).not.toContain('shopper');
  });

  it('records the privacy consent with its version and the separate marketing choice', async () => {
    await h.join('shopper-1', { marketingOptIn: false });
    const consent = await h.call('member', 'shopper-1', { action: 'consent' });
    expect(consent).toMatchObject({
      ok: true,
      data: { privacy: { accepted: true, version: PRIVACY_POLICY_VERSION }, marketing: { optIn: false }, history: [{ kind: 'privacy', granted: true }, { kind: 'marketing', granted: false }] },
    });
  });

  it('200 parallel joins of one shopper make exactly one member and all answer ok with it', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, () => h.call('member', 'racer', enroll())));
    expect(answers.every((a) => a.ok)).toBe(true);
    const ids = new Set(answers.map((a) => a.ok && a.data.member.memberId));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.ok && a.data.created)).toHaveLength(1);
    expect(h.cloud.db.count('members', { openid: 'racer' })).toBe(1);
  });

  describe('refuses bad joins with INVALID_INPUT and creates nobody', () => {
    const cases: Array<[string, unknown]> = [
      ['without privacy consent', { action: 'enroll', storeId: 'S001' }],
      ['with privacy declined', enroll({ privacyAccepted: false })],
      ['with privacy as the string "true"', enroll({ privacyAccepted: 'true' })],
      ['at an unknown store', enroll({ storeId: 'S999' })],
      ['with a malformed store id', enroll({ storeId: 's001; drop' })],
      ['with February 30th as birthday', enroll({ birthday: '02-30' })],
      ['with month 13 as birthday', enroll({ birthday: '13-01' })],
      ['with a full date as birthday', enroll({ birthday: '1990-03-15' })],
      ['with an unknown field', enroll({ memberId: '123456789012' })],
      ['with an openid in the body', enroll({ openid: 'someone-else' })],
      ['with a nickname of 21 characters', enroll({ nickname: '字'.repeat(21) })],
      ['with a blank nickname', enroll({ nickname: '   ' })],
      ['with a control character in the nickname', enroll({ nickname: 'a\u0007b' })],
      ['with a 10 KB nickname', enroll({ nickname: 'x'.repeat(10_000) })],
      ['with an avatar that is not a cloud file or https URL', enroll({ avatar: 'javascript:alert(1)' })],
      ['with an object where a string belongs', enroll({ nickname: { $gt: '' } })],
      ['with a ref that is not text', enroll({ ref: 42 })],
      ['with a ref longer than any link carries', enroll({ ref: 'A'.repeat(513) })],
      ['with an array as data', [1, 2]],
      ['with no action', { storeId: 'S001', privacyAccepted: true }],
      ['with an unknown action', { action: 'dropAll' }],
    ];
    it.each(cases)('%s', async (_name, data) => {
      const answer = await h.call('member', 'bad-joiner', data);
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(h.cloud.db.count('members', {})).toBe(0);
    });
  });

  it('accepts a leap-day birthday', async () => {
    const answer = await h.call('member', 'leap', enroll({ birthday: '02-29' }));
    expect(answer.ok).toBe(true);
  });

  it('keeps the invite code of the join link for the referral rules, only on the member it creates', async () => {
    await h.join('invitee', { ref: 'ABCD1234' });
    const stored = h.cloud.db.find('members', { openid: 'invitee' })[0];
    expect(stored?.joinRef).toBe('ABCD1234');
    await h.call('member', 'invitee', enroll({ ref: 'ZZZZ9999' }));
    expect(h.cloud.db.find('members', { openid: 'invitee' })[0]?.joinRef).toBe('ABCD1234');
  });

  it('refuses a call with no identity as UNAUTHENTICATED', async () => {
    expect(await h.call('member', null, enroll())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses invalid input before any database request', async () => {
    const { requests } = await h.measure('member', 'x', enroll({ birthday: '02-31' }));
    expect(requests).toBe(0);
  });
});
