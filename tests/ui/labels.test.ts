import { grouped, initialOf, lastShopDay, monthDayLabel, shopDate, shopDateShort, shopDateTime, shopDay, shopToday, thousands } from '../../src/services/format';
import { isKnownRoute } from '../../src/services/routes';

describe('what the app prints', () => {
  it.each([
    ['林小满', '林'],
    ['  Vivian', 'V'],
    ['🇨🇳 中国', '🇨🇳'],
    ['👩‍🎤 歌手', '👩‍🎤'],
    ['👍🏽好', '👍🏽'],
    ['❤️心', '❤️'],
    ['é小', 'é'],
    ['😀笑', '😀'],
    ['𠮷野家', '𠮷'],
    ['', '悦'],
    ['   ', '悦'],
  ])('draws the initial of %p as %p (one character as a person sees it)', (name, initial) => {
    expect(initialOf(name)).toBe(initial);
  });

  it.each([
    ['2026-11-24T16:30:00.000Z', '2026年11月25日', '2026.11.25', '2026-11-25 00:30'],
    ['2026-12-31T15:59:00.000Z', '2026年12月31日', '2026.12.31', '2026-12-31 23:59'],
    ['2026-12-31T16:00:00.000Z', '2027年1月1日', '2027.01.01', '2027-01-01 00:00'],
  ])('labels the instant %s in Shanghai time', (iso, date, short, dateTime) => {
    expect([shopDate(iso), shopDateShort(iso), shopDateTime(iso)]).toEqual([date, short, dateTime]);
  });

  it.each([
    ['the turn of the year in Shanghai', '2027-12-31T16:00:00.000Z', '2028-01-01', '2027-12-31'],
    ['the last instant of the year in Shanghai', '2027-12-31T15:59:59.999Z', '2027-12-31', '2027-12-31'],
    ['a Shanghai afternoon', '2027-06-30T06:00:00.000Z', '2027-06-30', '2027-06-30'],
  ])('an expiry at %s: day %s, last usable day %s', (_name, iso, day, lastDay) => {
    expect([shopDay(iso), lastShopDay(iso)]).toEqual([day, lastDay]);
  });

  it.each([
    ['late evening in Shanghai, still the 25th', '2026-11-25T15:59:59.999Z', '2026-11-25'],
    ['midnight in Shanghai, already the 26th (the 25th in UTC)', '2026-11-25T16:00:00.000Z', '2026-11-26'],
  ])('today in the shop at %s', (_name, iso, day) => {
    expect(shopToday(Date.parse(iso))).toBe(day);
  });

  it('groups numbers as they are read aloud', () => {
    expect([thousands(1280), thousands(0), thousands(1234567), grouped('123456789012'), monthDayLabel('02-29')]).toEqual([
      '1,280',
      '0',
      '1,234,567',
      '1234 5678 9012',
      '2月29日',
    ]);
  });
});

describe('routes the H5 preview knows', () => {
  it.each([
    ['', true],
    ['#/', true],
    ['#/pages/card/index', true],
    ['#/packages/join/index?scene=s%3DS001', true],
    ['#/pages/me/index?openid=u1', true],
    ['#/pages/points/index', true],
    ['#/packages/coupons/index', true],
    ['#/packages/coupons/center/index?from=wallet', true],
    ['#/packages/coupons', false],
    ['#/pages/nope/index', false],
    ['#/foo/bar', false],
    ['#/pages/card', false],
  ])('%p is a page of the app: %p', (hash, known) => {
    expect(isKnownRoute(hash)).toBe(known);
  });
});
