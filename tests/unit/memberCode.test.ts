import { composeMemberCode, issueMemberCode, memberCodeState } from '../../cloudfunctions/domain/memberCode';
import { maskPhone, isMainlandMobile } from '../../cloudfunctions/domain/phone';

describe('a member code', () => {
  it('is the prefix 66 and 16 random digits: 18 digits for a Code 128 barcode', () => {
    expect(composeMemberCode('0123456789012345')).toBe('660123456789012345');
  });

  it.each(['123', '01234567890123456', 'abcdefghijklmnop', ''])('refuses %p as its random part', (digits) => {
    expect(() => composeMemberCode(digits)).toThrow();
  });

  const issued = issueMemberCode('100000000001', '660000000000000001', new Date('2026-11-25T02:00:00Z'));
  it.each([
    ['just issued', '2026-11-25T02:00:00.000Z', null, 'live'],
    ['59.999 s later', '2026-11-25T02:00:59.999Z', null, 'live'],
    ['60 s later', '2026-11-25T02:01:00.000Z', null, 'expired'],
    ['used by an order', '2026-11-25T02:00:10.000Z', '2026-11-25T02:00:05.000Z', 'used'],
    ['used and expired', '2026-11-25T03:00:00.000Z', '2026-11-25T02:00:05.000Z', 'used'],
  ])('%s is %s', (_name, now, usedAt, state) => {
    expect(memberCodeState({ ...issued, usedAt: usedAt ? new Date(usedAt) : null }, new Date(now))).toBe(state);
  });
});

describe('phone numbers', () => {
  it.each([
    ['13812345678', true, '138****5678'],
    ['19900001111', true, '199****1111'],
  ])('%s is a mainland mobile shown as %s', (phone, ok, masked) => {
    expect(isMainlandMobile(phone)).toBe(ok);
    expect(maskPhone(phone)).toBe(masked);
  });
  it.each(['+8613812345678', '2381234567', '1381234567', '138123456789', '1381234567a', '10000000000', '12345678901'])('%s is not', (phone) => {
    expect(isMainlandMobile(phone)).toBe(false);
  });
});
