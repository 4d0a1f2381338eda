import {
  CLERK_WRONG_CODES_PER_MINUTE,
  type CodeGuesser,
  guessCounterId,
  guessMinuteStart,
  TILL_WRONG_CODES_PER_MINUTE,
  wrongCodeLimit,
} from '../../cloudfunctions/domain/codeGuesses';

const TILL_S001: CodeGuesser = { kind: 'till', storeId: 'S001' };
const TILL_S002: CodeGuesser = { kind: 'till', storeId: 'S002' };
const CLERK: CodeGuesser = { kind: 'clerk', openid: 'staff-S001' };
const AT = new Date('2026-11-25T02:00:17.500Z');

describe('the wrong-guess limit (domain/codeGuesses.ts)', () => {
  it('is 10 wrong codes a minute per store for tills and 5 per clerk', () => {
    expect([TILL_WRONG_CODES_PER_MINUTE, CLERK_WRONG_CODES_PER_MINUTE]).toEqual([10, 5]);
  });

  it.each([
    ['a till of S001', TILL_S001, 10],
    ['a till of S002', TILL_S002, 10],
    ['a clerk', CLERK, 5],
  ])('%s may have %d codes looked at in a minute that name nobody', (_who, who, limit) => {
    expect(wrongCodeLimit(who as CodeGuesser)).toBe(limit);
  });

  it('counts per store and per clerk: each has its own counter', () => {
    expect(new Set([guessCounterId(TILL_S001, AT), guessCounterId(TILL_S002, AT), guessCounterId(CLERK, AT)]).size).toBe(3);
    expect(guessCounterId(TILL_S001, AT)).toMatch(/^till:S001:\d+$/);
    expect(guessCounterId(CLERK, AT)).toMatch(/^clerk:staff-S001:\d+$/);
  });

  it('starts afresh each calendar minute: the last millisecond of a minute and the first of the next count apart', () => {
    const end = new Date('2026-11-25T02:00:59.999Z');
    const next = new Date('2026-11-25T02:01:00.000Z');
    expect(guessCounterId(TILL_S001, AT)).toBe(guessCounterId(TILL_S001, end));
    expect(guessCounterId(TILL_S001, next)).not.toBe(guessCounterId(TILL_S001, end));
    expect(guessMinuteStart(AT).toISOString()).toBe('2026-11-25T02:00:00.000Z');
  });
});
