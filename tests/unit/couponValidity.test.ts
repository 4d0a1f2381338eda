import type { Validity } from '../../cloudfunctions/domain/coupons/template';
import { EXPIRING_SOON_DAYS, isExpiringSoon, isValidAt, lastMomentLabel, templateValidityText, validityText, validityWindow } from '../../cloudfunctions/domain/coupons/validity';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('a coupon valid for N days lasts until the end of the shop day N days after it was issued', () => {
  it.each([
    ['issued 2026-11-25 10:00 with 30 days', '2026-11-25T10:00:00+08:00', 30, '2026-12-26T00:00:00+08:00'],
    ['issued 2026-11-25 23:59 with 30 days (the same shop day)', '2026-11-25T23:59:00+08:00', 30, '2026-12-26T00:00:00+08:00'],
    ['issued 2026-11-25 00:00 with 30 days (the same shop day)', '2026-11-25T00:00:00+08:00', 30, '2026-12-26T00:00:00+08:00'],
    ['issued a millisecond before 2026-11-25 in Shanghai: a day earlier', '2026-11-24T23:59:59.999+08:00', 30, '2026-12-25T00:00:00+08:00'],
    ['issued 2026-11-26 00:30 Shanghai, still 25 November in UTC: the shop day counts', '2026-11-26T00:30:00+08:00', 30, '2026-12-27T00:00:00+08:00'],
    ['issued 2026-11-25 07:59 Shanghai, still 24 November in UTC', '2026-11-25T07:59:00+08:00', 30, '2026-12-26T00:00:00+08:00'],
    ['issued 2026-12-20 10:00 with 14 days (over New Year)', '2026-12-20T10:00:00+08:00', 14, '2027-01-04T00:00:00+08:00'],
    ['issued 2027-01-31 10:00 with 30 days (over a short February)', '2027-01-31T10:00:00+08:00', 30, '2027-03-03T00:00:00+08:00'],
    ['issued 2028-02-15 10:00 with 15 days (over 29 February)', '2028-02-15T10:00:00+08:00', 15, '2028-03-02T00:00:00+08:00'],
    ['issued 2026-11-25 10:00 with 0 days: the rest of that shop day', '2026-11-25T10:00:00+08:00', 0, '2026-11-26T00:00:00+08:00'],
  ])('%s: valid from issue until %s (exclusive)', (_name, issued, days, until) => {
    const issuedAt = at(issued);
    const w = validityWindow({ kind: 'days', days }, issuedAt);
    expect(iso(w.validFrom)).toBe(iso(issuedAt));
    expect(iso(w.validUntil)).toBe(iso(at(until)));
  });

  const w = validityWindow({ kind: 'days', days: 30 }, at('2026-11-25T10:00:00+08:00'));
  it.each([
    ['a millisecond before issue', '2026-11-25T09:59:59.999+08:00', false],
    ['at issue', '2026-11-25T10:00:00+08:00', true],
    ['on 2026-12-25 at 23:59:59.999 in Shanghai', '2026-12-25T23:59:59.999+08:00', true],
    ['at 2026-12-26 00:00 in Shanghai', '2026-12-26T00:00:00+08:00', false],
  ])('issued 2026-11-25 10:00 with 30 days, it is valid %s: %s', (_name, when, valid) => {
    expect(isValidAt(w, at(when))).toBe(valid);
  });
});

describe('a coupon valid for N hours lasts exactly N hours from issue', () => {
  const issuedAt = at('2026-11-25T10:00:00+08:00');
  const w = validityWindow({ kind: 'hours', hours: 72 }, issuedAt);

  it('72 h from 2026-11-25 10:00 ends at 2026-11-28 10:00, whatever the shop day', () => {
    expect(iso(w.validFrom)).toBe(iso(issuedAt));
    expect(iso(w.validUntil)).toBe(iso(at('2026-11-28T10:00:00+08:00')));
    expect(w.validUntil.getTime() - w.validFrom.getTime()).toBe(72 * 3_600_000);
  });

  it.each([
    ['a millisecond before issue', '2026-11-25T09:59:59.999+08:00', false],
    ['at issue', '2026-11-25T10:00:00+08:00', true],
    ['71 h 59 min later', '2026-11-28T09:59:00+08:00', true],
    ['a millisecond before 72 h', '2026-11-28T09:59:59.999+08:00', true],
    ['at 72 h exactly', '2026-11-28T10:00:00+08:00', false],
    ['later that shop day', '2026-11-28T23:00:00+08:00', false],
  ])('it is valid %s: %s', (_name, when, valid) => {
    expect(isValidAt(w, at(when))).toBe(valid);
  });

  it('issued at 23:30 it ends 72 h later at 23:30, not at a day end', () => {
    const late = validityWindow({ kind: 'hours', hours: 72 }, at('2026-12-31T23:30:00+08:00'));
    expect(iso(late.validUntil)).toBe(iso(at('2027-01-03T23:30:00+08:00')));
  });
});

describe('a campaign coupon has the same fixed dates for everyone', () => {
  const from = at('2026-12-01T00:00:00+08:00');
  const until = at('2027-01-01T00:00:00+08:00');
  it.each(['2026-11-20T10:00:00+08:00', '2026-12-15T10:00:00+08:00', '2026-12-31T23:00:00+08:00'])('issued at %s it is valid from 2026-12-01 to the end of 2026-12-31', (issued) => {
    const w = validityWindow({ kind: 'fixed', from, until }, at(issued));
    expect(iso(w.validFrom)).toBe(iso(from));
    expect(iso(w.validUntil)).toBe(iso(until));
  });
});

describe('the last moment of validity reads as a shop-time minute', () => {
  it.each([
    ['2026-12-26T00:00:00+08:00', '2026-12-25 23:59'],
    ['2026-11-28T10:00:00+08:00', '2026-11-28 09:59'],
    ['2027-01-01T00:00:00+08:00', '2026-12-31 23:59'],
  ])('valid until %s (exclusive) reads %s', (until, label) => {
    expect(lastMomentLabel(at(until))).toBe(label);
  });
});

describe('a coupon\'s validity in plain words', () => {
  const w = { validFrom: at('2026-12-01T00:00:00+08:00'), validUntil: at('2027-01-01T00:00:00+08:00') };
  it.each([
    ['a millisecond before it starts', '2026-11-30T23:59:59.999+08:00', '2026-12-01 00:00 起可用，2026-12-31 23:59 前有效'],
    ['long before it starts', '2026-11-01T10:00:00+08:00', '2026-12-01 00:00 起可用，2026-12-31 23:59 前有效'],
    ['when it starts', '2026-12-01T00:00:00+08:00', '2026-12-31 23:59 前有效'],
    ['while valid', '2026-12-15T10:00:00+08:00', '2026-12-31 23:59 前有效'],
    ['after it ended', '2027-01-02T10:00:00+08:00', '2026-12-31 23:59 前有效'],
  ])('%s: "%s"', (_name, now, text) => {
    expect(validityText(w, at(now))).toBe(text);
  });

  it('a 30-day welcome coupon issued 2026-11-25 10:00 reads "2026-12-25 23:59 前有效"', () => {
    const welcome = validityWindow({ kind: 'days', days: 30 }, at('2026-11-25T10:00:00+08:00'));
    expect(validityText(welcome, at('2026-11-25T10:00:00+08:00'))).toBe('2026-12-25 23:59 前有效');
  });
});

describe("a template's validity before anyone holds it", () => {
  it.each([
    ['30 days', { kind: 'days', days: 30 }, undefined, '领取后30天内有效'],
    ['72 hours', { kind: 'hours', hours: 72 }, undefined, '领取后72小时内有效'],
    ['30 days, bought with points', { kind: 'days', days: 30 }, '兑换', '兑换后30天内有效'],
    ['72 hours, issued on an event', { kind: 'hours', hours: 72 }, '发放', '发放后72小时内有效'],
    ['December in Shanghai', { kind: 'fixed', from: at('2026-12-01T00:00:00+08:00'), until: at('2027-01-01T00:00:00+08:00') }, undefined, '2026-12-01 至 2026-12-31 有效'],
    ['a window ending at noon on its last day', { kind: 'fixed', from: at('2026-12-01T10:00:00+08:00'), until: at('2026-12-31T12:00:00+08:00') }, undefined, '2026-12-01 至 2026-12-31 有效'],
    ['a window starting 00:30 Shanghai (the day before in UTC)', { kind: 'fixed', from: at('2026-12-01T00:30:00+08:00'), until: at('2026-12-08T00:00:00+08:00') }, undefined, '2026-12-01 至 2026-12-07 有效'],
  ] as Array<[string, Validity, string | undefined, string]>)('%s: "%s"', (_name, v, verb, text) => {
    expect(templateValidityText(v, verb)).toBe(text);
  });
});

describe(`a coupon is 即将过期 when valid now and ending within ${EXPIRING_SOON_DAYS} days`, () => {
  const w = { validFrom: at('2026-11-25T10:00:00+08:00'), validUntil: at('2026-12-26T00:00:00+08:00') };
  it.each([
    ['just issued', '2026-11-25T10:00:00+08:00', false],
    ['3 days and a millisecond before the end', '2026-12-22T23:59:59.999+08:00', false],
    ['exactly 3 days before the end', '2026-12-23T00:00:00+08:00', true],
    ['on its last day', '2026-12-25T12:00:00+08:00', true],
    ['a millisecond before the end', '2026-12-25T23:59:59.999+08:00', true],
    ['at the end (expired, not expiring)', '2026-12-26T00:00:00+08:00', false],
    ['after the end', '2026-12-28T00:00:00+08:00', false],
  ])('%s: %s', (_name, now, soon) => {
    expect(isExpiringSoon(w, at(now))).toBe(soon);
  });

  it('not before it starts, even when it ends within 3 days', () => {
    const short = { validFrom: at('2026-12-24T00:00:00+08:00'), validUntil: at('2026-12-26T00:00:00+08:00') };
    expect(isExpiringSoon(short, at('2026-12-23T12:00:00+08:00'))).toBe(false);
    expect(isExpiringSoon(short, at('2026-12-25T00:00:00+08:00'))).toBe(true);
  });

  it.each([
    ['the moment it is issued', '2026-11-25T10:00:00+08:00', false],
    ['36 h and a millisecond before its end', '2026-11-26T21:59:59.999+08:00', false],
    ['in the second half of its life: 36 h before its end', '2026-11-26T22:00:00+08:00', true],
    ['in its last hour', '2026-11-28T09:00:00+08:00', true],
  ])('a 72 h coupon (shorter than 3 days by design) is 即将过期 only in the second half of its life: %s → %s', (_name, now, soon) => {
    const w = { validFrom: at('2026-11-25T10:00:00+08:00'), validUntil: at('2026-11-28T10:00:00+08:00') };
    expect(isExpiringSoon(w, at(now))).toBe(soon);
  });
});
