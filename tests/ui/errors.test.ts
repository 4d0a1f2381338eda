import { type AppError, ERROR_CODES, type ErrorCode } from '../../cloudfunctions/contract';
import { ERROR_TEXT, errorText } from '../../src/services/errors';

const CJK = /[\u4E00-\u9FFF]/;
const error = (code: ErrorCode): AppError => ({ code, message: `${code}: nickname is at most 20 characters` });

describe('every error code has plain Chinese words for the shopper', () => {
  it('the catalogue covers exactly the codes of the contract', () => {
    expect(Object.keys(ERROR_TEXT).sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each(ERROR_CODES.map((code) => [code]))('%s', (code) => {
    const text = errorText(error(code));
    expect(text).toBe(ERROR_TEXT[code]);
    expect(text).toMatch(CJK);
    // no code names, no English from the function's message
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it('the words are all different, so each failure says what happened', () => {
    expect(new Set(Object.values(ERROR_TEXT)).size).toBe(ERROR_CODES.length);
  });
});

describe('an action may say it more precisely', () => {
  it.each<[string, ErrorCode, Partial<Record<ErrorCode, string>>, string]>([
    ['an override for the code wins', 'LIMIT_REACHED', { LIMIT_REACHED: '生日 12 个月内只能修改一次' }, '生日 12 个月内只能修改一次'],
    ['overrides for other codes are ignored', 'UNAVAILABLE', { LIMIT_REACHED: '生日 12 个月内只能修改一次' }, ERROR_TEXT.UNAVAILABLE],
    ['no overrides: the catalogue', 'NOT_MEMBER', {}, ERROR_TEXT.NOT_MEMBER],
  ])('%s', (_name, code, overrides, text) => {
    expect(errorText(error(code), overrides)).toBe(text);
  });

  it('a code the app does not know (a newer function) still reads as plain Chinese', () => {
    const unknown = { code: 'RATE_LIMITED', message: 'too many requests' } as unknown as AppError;
    expect(errorText(unknown)).toBe(ERROR_TEXT.INTERNAL);
  });
});
