import { pointsExpiringMessage, type MessageDraft } from '../../cloudfunctions/domain/messages';
import { lotExpiry } from '../../cloudfunctions/domain/points/account';

/**
 * Subscribe messages as WeChat's subscribeMessage.send takes them: each value must fit its field's
 * type (the key without its number), or WeChat refuses the whole message (errCode 47003).
 */
const FIELD = /^(thing|number|date)(\d+)$/;
/** thing: at most 20 characters (counted as characters, not bytes). */
const THING_MAX_CHARS = 20;
/** number: at most 32 digits, an optional decimal part. */
const NUMBER = /^\d{1,32}(?:\.\d+)?$/;
/** date: a real calendar date, optionally with a time of day. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  const timeOk = m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && (m[6] === undefined || Number(m[6]) < 60));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d && timeOk;
}

/** Every field of a draft, judged by its type: the problems found (none for a message WeChat takes). */
function problems(draft: MessageDraft): string[] {
  return Object.entries(draft.data).flatMap(([key, { value }]) => {
    const type = FIELD.exec(key)?.[1];
    if (type === 'thing') {
      const chars = Array.from(value).length;
      return chars === 0 || chars > THING_MAX_CHARS ? [`${key} has ${chars} characters: ${value}`] : [];
    }
    if (type === 'number') return NUMBER.test(value) ? [] : [`${key} is not a number: ${value}`];
    if (type === 'date') return isRealDate(value) ? [] : [`${key} is not a date: ${value}`];
    return [`${key} is a field type this test does not know`];
  });
}

// lots earned at various moments of a year: each expires at the end of the next calendar year (shop time)
const EARNED = ['2026-01-01T00:00:00+08:00', '2026-06-30T23:59:59+08:00', '2026-12-31T23:59:59+08:00', '2027-02-28T12:00:00+08:00'];

describe('the points-expiring reminder', () => {
  it.each(EARNED.flatMap((earnedAt) => [1, 320, 99_999_999].map((points) => [earnedAt, points] as const)))(
    'earned %s, %s points: every value fits its WeChat field',
    (earnedAt, points) => {
      const draft = pointsExpiringMessage(points, lotExpiry(new Date(earnedAt)));
      expect(problems(draft)).toEqual([]);
      expect(draft.data.number1!.value).toBe(String(points));
    },
  );

  it('names the last day the points can be used, in shop time', () => {
    const draft = pointsExpiringMessage(100, lotExpiry(new Date('2026-11-25T10:00:00+08:00')));
    expect(draft.data.date2!.value).toBe('2027-12-31');
  });

  it('opens the points page and uses the points-expiring template', () => {
    expect(pointsExpiringMessage(1, new Date('2028-01-01T00:00:00+08:00'))).toMatchObject({ page: 'pages/points/index', templateId: 'styleclub-dev-points-expiring' });
  });

  it('promises nothing the programme cannot do: points cannot be spent (yet), so the tip offers no use for them', () => {
    const tip = pointsExpiringMessage(100, new Date('2028-01-01T00:00:00+08:00')).data.thing3!.value;
    expect(tip).not.toMatch(/抵用|抵扣|抵现|兑换|使用|可用|换购/);
    expect(Array.from(tip).length).toBeLessThanOrEqual(THING_MAX_CHARS);
  });
});

describe('the field check itself', () => {
  it.each<[string, string, boolean]>([
    ['thing1', '一'.repeat(20), true],
    ['thing1', '一'.repeat(21), false],
    ['thing1', '🌸'.repeat(20), true],
    ['thing1', '', false],
    ['number1', '1299', true],
    ['number1', '12.5', true],
    ['number1', '1,299', false],
    ['number1', '-5', false],
    ['date2', '2027-12-31', true],
    ['date2', '2027-12-31 23:59', true],
    ['date2', '2027-02-30', false],
    ['date2', '2027/12/31', false],
  ])('%s %j is %s', (key, value, fits) => {
    expect(problems({ templateId: 't', page: 'p', data: { [key]: { value } } })).toHaveLength(fits ? 0 : 1);
  });
});
