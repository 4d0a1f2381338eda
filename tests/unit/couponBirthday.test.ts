import {
  BIRTHDAY_CLOSES_DAYS_AFTER,
  BIRTHDAY_OPENS_DAYS_BEFORE,
  type BirthdayWindow,
  birthdayOn,
  birthdaysOpeningOn,
  birthdayWindowAt,
  nextBirthdayWindow,
} from '../../cloudfunctions/domain/coupons/birthday';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
/** A window in one line: [year, birthday, opens, closes] with the instants in UTC. */
const line = (w: BirthdayWindow | null) => (w ? [w.year, w.birthdayOn, iso(w.opensAt), iso(w.closesAt)] : null);

describe('the day a birthday falls on in a year', () => {
  it.each([
    ['05-20', 2026, '2026-05-20'],
    ['01-01', 2027, '2027-01-01'],
    ['12-31', 2027, '2027-12-31'],
    ['02-28', 2027, '2027-02-28'],
    ['02-29', 2027, '2027-02-28'], // kept on 28 February in a year without a 29th
    ['02-29', 2028, '2028-02-29'],
    ['02-29', 2100, '2100-02-28'], // a century is not a leap year…
    ['02-29', 2000, '2000-02-29'], // …unless it divides by 400
  ])('%s in %i is %s', (birthday, year, on) => {
    expect(birthdayOn(birthday, year)).toBe(on);
  });
});

describe(`the birthday gift can be claimed from 00:00 ${BIRTHDAY_OPENS_DAYS_BEFORE} days before the birthday to the end of the ${BIRTHDAY_CLOSES_DAYS_AFTER}th day after (Asia/Shanghai)`, () => {
  it.each([
    // birthday, now, the window it is in (null: none)
    ['05-20', 'a millisecond before 3 days before', '2026-05-16T23:59:59.999+08:00', null],
    ['05-20', '00:00 three days before (16:00 UTC the day before)', '2026-05-17T00:00:00+08:00', [2026, '2026-05-20', '2026-05-16T16:00:00.000Z', '2026-05-27T16:00:00.000Z']],
    ['05-20', 'on the birthday', '2026-05-20T12:00:00+08:00', [2026, '2026-05-20', '2026-05-16T16:00:00.000Z', '2026-05-27T16:00:00.000Z']],
    ['05-20', 'the last millisecond of the 7th day after', '2026-05-27T23:59:59.999+08:00', [2026, '2026-05-20', '2026-05-16T16:00:00.000Z', '2026-05-27T16:00:00.000Z']],
    ['05-20', '00:00 on the 8th day after', '2026-05-28T00:00:00+08:00', null],
    ['05-20', 'half a year away', '2026-11-20T12:00:00+08:00', null],
    // a 30 December birthday: the window spans New Year, and it is the birthday's year that counts
    ['12-30', 'a millisecond before it opens', '2026-12-26T23:59:59.999+08:00', null],
    ['12-30', 'opening on 27 December', '2026-12-27T00:00:00+08:00', [2026, '2026-12-30', '2026-12-26T16:00:00.000Z', '2027-01-06T16:00:00.000Z']],
    ['12-30', 'on 5 January of the next year', '2027-01-05T10:00:00+08:00', [2026, '2026-12-30', '2026-12-26T16:00:00.000Z', '2027-01-06T16:00:00.000Z']],
    ['12-30', 'the last millisecond of 6 January', '2027-01-06T23:59:59.999+08:00', [2026, '2026-12-30', '2026-12-26T16:00:00.000Z', '2027-01-06T16:00:00.000Z']],
    ['12-30', '00:00 on 7 January', '2027-01-07T00:00:00+08:00', null],
    ['12-31', 'the last millisecond of 7 January', '2027-01-07T23:59:59.999+08:00', [2026, '2026-12-31', '2026-12-27T16:00:00.000Z', '2027-01-07T16:00:00.000Z']],
    // a 2 January birthday claimed on 31 December belongs to the next year
    ['01-02', 'a millisecond before it opens on 30 December', '2026-12-29T23:59:59.999+08:00', null],
    ['01-02', 'on 30 December', '2026-12-30T00:00:00+08:00', [2027, '2027-01-02', '2026-12-29T16:00:00.000Z', '2027-01-09T16:00:00.000Z']],
    ['01-02', 'on 31 December', '2026-12-31T20:00:00+08:00', [2027, '2027-01-02', '2026-12-29T16:00:00.000Z', '2027-01-09T16:00:00.000Z']],
    ['01-02', 'on 9 January', '2027-01-09T23:59:59.999+08:00', [2027, '2027-01-02', '2026-12-29T16:00:00.000Z', '2027-01-09T16:00:00.000Z']],
    ['01-02', 'on 3 January of the same year', '2026-01-03T10:00:00+08:00', [2026, '2026-01-02', '2025-12-29T16:00:00.000Z', '2026-01-09T16:00:00.000Z']],
    ['01-01', 'on 29 December', '2026-12-29T00:00:00+08:00', [2027, '2027-01-01', '2026-12-28T16:00:00.000Z', '2027-01-08T16:00:00.000Z']],
    // 29 February: kept on the 28th in 2027, its own day in 2028
    ['02-29', 'a millisecond before 25 February 2027', '2027-02-24T23:59:59.999+08:00', null],
    ['02-29', 'on 25 February 2027 (three days before the 28th)', '2027-02-25T00:00:00+08:00', [2027, '2027-02-28', '2027-02-24T16:00:00.000Z', '2027-03-07T16:00:00.000Z']],
    ['02-29', 'the last millisecond of 7 March 2027', '2027-03-07T23:59:59.999+08:00', [2027, '2027-02-28', '2027-02-24T16:00:00.000Z', '2027-03-07T16:00:00.000Z']],
    ['02-29', '00:00 on 8 March 2027', '2027-03-08T00:00:00+08:00', null],
    ['02-29', 'on 25 February 2028 (not yet: the 29th exists)', '2028-02-25T23:59:59.999+08:00', null],
    ['02-29', 'on 26 February 2028', '2028-02-26T00:00:00+08:00', [2028, '2028-02-29', '2028-02-25T16:00:00.000Z', '2028-03-07T16:00:00.000Z']],
    ['02-29', 'the last millisecond of 7 March 2028', '2028-03-07T23:59:59.999+08:00', [2028, '2028-02-29', '2028-02-25T16:00:00.000Z', '2028-03-07T16:00:00.000Z']],
    ['02-28', 'on 25 February 2028 (a 28 February birthday in a leap year)', '2028-02-25T00:00:00+08:00', [2028, '2028-02-28', '2028-02-24T16:00:00.000Z', '2028-03-06T16:00:00.000Z']],
    ['03-01', 'on 26 February 2028 (not yet: 29 February comes between)', '2028-02-26T23:59:59.999+08:00', null],
    ['03-01', 'on 27 February 2028 (three days before 1 March in a leap year)', '2028-02-27T00:00:00+08:00', [2028, '2028-03-01', '2028-02-26T16:00:00.000Z', '2028-03-08T16:00:00.000Z']],
  ])('a %s birthday, %s: %j', (birthday, _name, now, window) => {
    expect(line(birthdayWindowAt(birthday, at(now)))).toEqual(window);
  });
});

describe('the next birthday window that has not closed (the one now is in, else the coming one)', () => {
  it.each([
    ['05-20', 'months before', '2026-03-01T10:00:00+08:00', [2026, '2026-05-20', '2026-05-16T16:00:00.000Z', '2026-05-27T16:00:00.000Z']],
    ['05-20', 'within the window', '2026-05-20T10:00:00+08:00', [2026, '2026-05-20', '2026-05-16T16:00:00.000Z', '2026-05-27T16:00:00.000Z']],
    ['05-20', 'the last millisecond of the window', '2026-05-27T23:59:59.999+08:00', [2026, '2026-05-20', '2026-05-16T16:00:00.000Z', '2026-05-27T16:00:00.000Z']],
    ['05-20', 'just after it closed', '2026-05-28T00:00:00+08:00', [2027, '2027-05-20', '2027-05-16T16:00:00.000Z', '2027-05-27T16:00:00.000Z']],
    ['12-30', 'on 5 January (last year\'s window still open)', '2027-01-05T10:00:00+08:00', [2026, '2026-12-30', '2026-12-26T16:00:00.000Z', '2027-01-06T16:00:00.000Z']],
    ['12-30', 'on 7 January (it closed)', '2027-01-07T00:00:00+08:00', [2027, '2027-12-30', '2027-12-26T16:00:00.000Z', '2028-01-06T16:00:00.000Z']],
    ['01-02', 'on 31 December', '2026-12-31T10:00:00+08:00', [2027, '2027-01-02', '2026-12-29T16:00:00.000Z', '2027-01-09T16:00:00.000Z']],
    ['01-02', 'on 15 December', '2026-12-15T10:00:00+08:00', [2027, '2027-01-02', '2026-12-29T16:00:00.000Z', '2027-01-09T16:00:00.000Z']],
    ['02-29', 'in January 2027', '2027-01-10T10:00:00+08:00', [2027, '2027-02-28', '2027-02-24T16:00:00.000Z', '2027-03-07T16:00:00.000Z']],
    ['02-29', 'after the 2027 window', '2027-03-10T10:00:00+08:00', [2028, '2028-02-29', '2028-02-25T16:00:00.000Z', '2028-03-07T16:00:00.000Z']],
  ])('a %s birthday, %s: %j', (birthday, _name, now, window) => {
    expect(line(nextBirthdayWindow(birthday, at(now)))).toEqual(window);
  });
});

describe('the birthdays whose claim window opens on a shop day (what the birthday job reads)', () => {
  it.each([
    ['2026-05-17 00:00', '2026-05-17T00:00:00+08:00', ['05-20']],
    ['2026-05-17 23:59:59', '2026-05-17T23:59:59.999+08:00', ['05-20']],
    ['2026-05-16 23:59 (still the 16th in Shanghai)', '2026-05-16T23:59:00+08:00', ['05-19']],
    ['2026-05-17 07:00 (the 16th in UTC)', '2026-05-17T07:00:00+08:00', ['05-20']],
    ['2026-12-29, for New Year birthdays', '2026-12-29T10:00:00+08:00', ['01-01']],
    ['2026-12-30', '2026-12-30T10:00:00+08:00', ['01-02']],
    ['2027-02-25, three days before the last day of a February without the 29th', '2027-02-25T10:00:00+08:00', ['02-28', '02-29']],
    ['2027-02-26', '2027-02-26T10:00:00+08:00', ['03-01']],
    ['2028-02-25, a leap year', '2028-02-25T10:00:00+08:00', ['02-28']],
    ['2028-02-26, a leap year', '2028-02-26T10:00:00+08:00', ['02-29']],
    ['2028-02-27, a leap year', '2028-02-27T10:00:00+08:00', ['03-01']],
    ['2100-02-25 (not a leap year)', '2100-02-25T10:00:00+08:00', ['02-28', '02-29']],
    ['2000-02-25 (a leap year)', '2000-02-25T10:00:00+08:00', ['02-28']],
  ])('on %s: %j', (_name, now, birthdays) => {
    expect(birthdaysOpeningOn(at(now))).toEqual(birthdays);
  });

  /** Every month-day a member can store, 01-01 … 12-31 with 02-29. */
  const ALL_BIRTHDAYS = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2028, 0, 1 + i)).toISOString().slice(5, 10));
  const DAY_MS = 86_400_000;

  it.each([2027, 2028])('over the 365 or 366 shop days whose windows belong to %i, every stored birthday opens exactly once, on the day its window opens', (year) => {
    const first = at(`${year - 1}-12-29T00:00:00+08:00`).getTime();
    const last = at(`${year}-12-28T00:00:00+08:00`).getTime();
    const seen: string[] = [];
    for (let dayStart = first; dayStart <= last; dayStart += DAY_MS) {
      for (const birthday of birthdaysOpeningOn(new Date(dayStart + 13 * 3_600_000))) {
        seen.push(birthday);
        const w = birthdayWindowAt(birthday, new Date(dayStart));
        expect([birthday, w?.year, w && iso(w.opensAt)]).toEqual([birthday, year, iso(new Date(dayStart))]);
      }
    }
    expect(seen.sort()).toEqual(ALL_BIRTHDAYS);
  });
});
