import { consentLog, memberCard, newMember, PRIVACY_POLICY_VERSION } from '../../cloudfunctions/domain/member';
import { memberSummary } from '../../cloudfunctions/domain/staff/staff';
import { addMonths, shopDateTimeLabel } from '../../cloudfunctions/domain/time';
import { TIERS, tierOf } from '../../cloudfunctions/domain/tiers';

const now = new Date('2026-11-25T02:00:00Z');
const store = { storeId: 'S001', name: '悦衣库 上海静安店' };

describe('a new member', () => {
  it('starts as an Explorer with no points, at the store whose code they scanned', () => {
    const m = newMember('100000000001', 'o1', { store }, now);
    expect(m).toMatchObject({ tier: 'explorer', points: 0, homeStore: store, joinedAt: now, birthday: null, birthdaySetAt: null, joinRef: null });
  });

  it('records privacy consent with its version and the marketing choice, defaulting to no', () => {
    const m = newMember('100000000001', 'o1', { store }, now);
    expect(m.consent).toEqual({ privacy: { version: PRIVACY_POLICY_VERSION, acceptedAt: now }, marketing: { optIn: false, changedAt: now } });
    expect(consentLog(m).map((e) => [e.kind, e.granted, e.version])).toEqual([
      ['privacy', true, PRIVACY_POLICY_VERSION],
      ['marketing', false, undefined],
    ]);
  });

  it('stamps a birthday given at joining, which starts its 12 months', () => {
    expect(newMember('1', 'o1', { store, birthday: '02-29' }, now)).toMatchObject({ birthday: '02-29', birthdaySetAt: now });
  });

  it('shows on the card and to staff without its openid', () => {
    const m = newMember('100000000001', 'secret-openid', { store, nickname: 'Mia' }, now);
    expect(JSON.stringify(memberCard(m, now, []))).not.toContain('secret-openid');
    expect(JSON.stringify(memberSummary(m, now))).not.toContain('secret-openid');
    expect(memberCard(m, now, []).memberSince).toBe('2026-11-25T02:00:00.000Z');
  });
});

describe('tiers', () => {
  it.each([
    ['explorer', '探索者', 0],
    ['grower', '成长者', 1],
    ['loyal', '忠诚者', 2],
  ] as const)('%s is called %s and ranks %i', (code, name, rank) => {
    expect(tierOf(code)).toMatchObject({ name, rank });
  });
  it('each has benefits to show', () => {
    for (const t of TIERS) expect(t.benefits.length).toBeGreaterThan(0);
  });
});

describe('shop time is Asia/Shanghai', () => {
  it.each([
    ['2026-12-31T15:59:59Z', '2026-12-31 23:59'],
    ['2026-12-31T16:00:00Z', '2027-01-01 00:00'],
  ])('%s is %s in the shop', (instant, label) => {
    expect(shopDateTimeLabel(new Date(instant))).toBe(label);
  });
  it.each([
    ['2026-01-30T16:00:00Z', 1, '2026-02-27T16:00:00.000Z'], // 01-31 Shanghai + 1 month = 02-28
    ['2026-11-25T02:00:00Z', 12, '2027-11-25T02:00:00.000Z'],
    ['2028-02-28T16:00:00Z', 12, '2029-02-27T16:00:00.000Z'], // leap day + 12 months = 02-28
  ])('%s plus %i months is %s', (instant, months, expected) => {
    expect(addMonths(new Date(instant), months).toISOString()).toBe(expected);
  });
});
