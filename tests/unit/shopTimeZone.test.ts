import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Shop time is Asia/Shanghai whatever the server's own time zone: cloud functions run in UTC, a
 * developer's laptop may sit anywhere. The calendar arithmetic is judged in a separate Node process
 * that switches its zone (Jest gives a test its own copy of process.env, so TZ cannot change here).
 */
const ROOT = path.resolve(__dirname, '../..');
const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Australia/Sydney'] as const;

const SCRIPT = `
const t = require('./cloudfunctions/domain/time.ts');
const { yearSpend } = require('./cloudfunctions/domain/spend.ts');
const { lotExpiry } = require('./cloudfunctions/domain/points/account.ts');
const at = (s) => new Date(s);
const out = {};
for (const zone of ${JSON.stringify(ZONES)}) {
  process.env.TZ = zone;
  out[zone] = {
    'quarter start of 2026-03-31 23:59:59 Shanghai': t.quarterStart(at('2026-03-31T15:59:59Z')).toISOString(),
    'quarter start of 2026-11-15 Shanghai': t.quarterStart(at('2026-11-15T04:00:00Z')).toISOString(),
    '2026-10-20 10:00 Shanghai plus 1 month': t.addMonths(at('2026-10-20T02:00:00Z'), 1).toISOString(),
    '2026-04-10 10:00 Shanghai plus 12 months': t.addMonths(at('2026-04-10T02:00:00Z'), 12).toISOString(),
    '2026-11-02 00:30 Shanghai minus 12 months': t.addMonths(at('2026-11-01T16:30:00Z'), -12).toISOString(),
    'year spend on 2026-11-02 00:30 Shanghai of a payment on 2025-11-02': yearSpend({ '20251102': 500 }, at('2026-11-01T16:30:00Z')),
    'expiry of a lot earned 2026-12-31T16:30Z': lotExpiry(at('2026-12-31T16:30:00Z')).toISOString(),
    'shop day of 2026-03-31T16:00Z': t.shopDayKey(at('2026-03-31T16:00:00Z')),
  };
}
process.stdout.write(JSON.stringify(out));
`;

const EXPECTED = {
  'quarter start of 2026-03-31 23:59:59 Shanghai': '2025-12-31T16:00:00.000Z',
  'quarter start of 2026-11-15 Shanghai': '2026-09-30T16:00:00.000Z',
  '2026-10-20 10:00 Shanghai plus 1 month': '2026-11-20T02:00:00.000Z',
  '2026-04-10 10:00 Shanghai plus 12 months': '2027-04-10T02:00:00.000Z',
  '2026-11-02 00:30 Shanghai minus 12 months': '2025-11-01T16:30:00.000Z',
  // the 12 months up to 2026-11-02 are the shop days after 2025-11-02
  'year spend on 2026-11-02 00:30 Shanghai of a payment on 2025-11-02': 0,
  'expiry of a lot earned 2026-12-31T16:30Z': '2028-12-31T16:00:00.000Z',
  'shop day of 2026-03-31T16:00Z': '20260401',
};

let results: Record<string, unknown> | undefined;
function resultsIn(zone: string): unknown {
  results ??= JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } }));
  return results![zone];
}

describe('shop-calendar arithmetic does not depend on the server’s time zone', () => {
  it.each(['UTC', 'Asia/Shanghai'])('on a server in %s', (zone) => {
    expect(resultsIn(zone)).toEqual(EXPECTED);
  });

  // shopTime() once was dayjs(instant).utcOffset(480): dayjs then added months and took starts of
  // days through the host's local Date, so a daylight-saving change there moved results by an hour
  it.each(['America/New_York', 'Australia/Sydney'])('on a server in %s (observes daylight saving)', (zone) => {
    expect(resultsIn(zone)).toEqual(EXPECTED);
  });
});
