import { opsContract } from '../../cloudfunctions/contract/ops';
import { createHarness, type Harness } from '../support/harness';

/**
 * Who may call each ops action (issue 19: managers only, their own store). ONE table of EVERY ops
 * action: each area appends its rows to OPS_ACCESS (one row per action and input); each row is
 * tried by every caller on one fresh world.
 */
const CALLERS = {
  nobody: null,
  member: 'm1',
  clerk: 'staff-S001',
  stylist: 'stylist-S001',
  manager: 'manager-S001',
  otherStoreManager: 'manager-S002',
} as const;
type Caller = keyof typeof CALLERS;
type Expected = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_INPUT';

interface World {
  h: Harness;
  memberId: string;
}

interface Row {
  action: string;
  /** what the row means, when one action has several rows */
  with?: string;
  input(w: World): Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Record<Caller, Expected>;
}

/** The ops actions' rule: a manager (of any store: each sees their own) and nobody else. */
const managersOnly: Record<Caller, Expected> = { nobody: 'UNAUTHENTICATED', member: 'FORBIDDEN', clerk: 'FORBIDDEN', stylist: 'FORBIDDEN', manager: 'ok', otherStoreManager: 'ok' };

export const OPS_ACCESS: Row[] = [
  // NPS (issue 19 part 5)
  { action: 'npsReport', input: () => ({}), expect: managersOnly },
  { action: 'npsReport', with: 'a period', input: () => ({ period: 'quarter' }), expect: managersOnly },
];

async function world(): Promise<World> {
  const h = await createHarness();
  await h.cloud.db.apply([{ c: 'staff', id: 'manager-S002', doc: { _id: 'manager-S002', storeId: 'S002', name: '周店长', role: 'manager', active: true } }]);
  const memberId = await h.join('m1');
  return { h, memberId };
}

describe('ops: managers only (every action × every caller)', () => {
  it('has a row for every ops action', () => {
    const covered = new Set(OPS_ACCESS.map((r) => r.action));
    expect(Object.keys(opsContract).filter((a) => !covered.has(a))).toEqual([]);
  });

  it.each(OPS_ACCESS.map((r) => [r.with ? `${r.action} (${r.with})` : r.action, r] as const))('%s', async (_name, row) => {
    const w = await world();
    for (const [caller, openid] of Object.entries(CALLERS) as Array<[Caller, string | null]>) {
      const answer = await w.h.call('ops', openid, { action: row.action, ...(await row.input(w)) });
      expect([caller, answer.ok ? 'ok' : answer.error.code]).toEqual([caller, row.expect[caller]]);
    }
  });

  it('a manager sees their own store only: S002\'s manager sees none of S001\'s NPS', async () => {
    const w = await world();
    await w.h.cloud.db.apply([{ c: 'npsAnswers', id: `${w.memberId}:1`, doc: { _id: `${w.memberId}:1`, memberId: w.memberId, seq: 1, storeId: 'S001', staffId: null, orderKey: 'S001:T1', score: 2, reason: '差', answeredAt: w.h.clock.now() } }]);
    expect(await w.h.call('ops', 'manager-S001', { action: 'npsReport' })).toMatchObject({ ok: true, data: { store: { total: 1 }, reasons: [{ reason: '差' }] } });
    expect(await w.h.call('ops', 'manager-S002', { action: 'npsReport' })).toMatchObject({ ok: true, data: { storeName: expect.any(String), store: { total: 0 }, reasons: [] } });
  });

  it.each([
    ['an unknown period', { period: 'year' }],
    ['a storeId smuggled in (a manager sees their own store only)', { storeId: 'S002' }],
    ['a period that is not text', { period: 30 }],
  ])('npsReport refuses %s as INVALID_INPUT', async (_name, input) => {
    const w = await world();
    expect(await w.h.call('ops', 'manager-S001', { action: 'npsReport', ...input })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
