import { isCalendarMonthDay } from '../../cloudfunctions/contract/fields';
import { birthdayEditableFrom, checkBirthdayChange } from '../../cloudfunctions/domain/member';

describe('a birthday is a real calendar month-day', () => {
  it.each([
    ['01-01', true],
    ['02-29', true],
    ['02-30', false],
    ['04-30', true],
    ['04-31', false],
    ['12-31', true],
    ['00-10', false],
    ['13-01', false],
    ['1-1', false],
    ['01-00', false],
    ['0101', false],
    ['', false],
  ])('%s → %s', (value, ok) => {
    expect(isCalendarMonthDay(value)).toBe(ok);
  });
});

describe('the birthday may change once per 12 months (judged on the Shanghai calendar)', () => {
  const setAt = new Date('2026-03-31T16:30:00Z'); // 2026-04-01 00:30 in Shanghai
  it.each([
    // name, stored birthday, stamped at, asked for, now, verdict, editable from
    ['setting it the first time', null, null, '06-01', '2026-05-01T00:00:00Z', 'change', null],
    ['sending the same value again', '05-20', setAt, '05-20', '2026-05-01T00:00:00Z', 'unchanged', '2027-03-31T16:30:00.000Z'],
    ['changing it a day later', '05-20', setAt, '06-01', '2026-04-01T16:30:00Z', 'LIMIT_REACHED', '2027-03-31T16:30:00.000Z'],
    ['changing it a second before the year is up', '05-20', setAt, '06-01', '2027-03-31T16:29:59Z', 'LIMIT_REACHED', '2027-03-31T16:30:00.000Z'],
    ['changing it exactly when the year is up', '05-20', setAt, '06-01', '2027-03-31T16:30:00Z', 'change', null],
  ] as const)('%s', (_name, birthday, birthdaySetAt, asked, now, verdict, editableFrom) => {
    const member = { birthday, birthdaySetAt };
    const at = new Date(now);
    const outcome = checkBirthdayChange(member, asked, at);
    expect(outcome.ok ? outcome.value : outcome.error.code).toBe(verdict);
    expect(birthdayEditableFrom(member, at)?.toISOString() ?? null).toBe(editableFrom);
  });

  it('clamps a change made on a month end: set on 2027-02-28 +12 months is 2028-02-28 in Shanghai', () => {
    const set = new Date('2027-02-27T16:00:00Z'); // 2027-02-28 00:00 Shanghai
    expect(birthdayEditableFrom({ birthday: '01-01', birthdaySetAt: set }, set)?.toISOString()).toBe('2028-02-27T16:00:00.000Z');
  });
});
