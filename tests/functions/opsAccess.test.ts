import { opsContract } from '../../cloudfunctions/contract/ops';
import type { Envelope } from '../../cloudfunctions/contract';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { createHarness } from '../support/harness';
import { CALLERS, type Caller, OPS_ACCESS, type World } from '../support/opsAccess';

/**
 * Who may call each action of the `ops` function (issue 19): managers only, each on their own
 * store. One row per action (and input), each tried by every kind of caller on one fresh world.
 * The rows live in tests/support/opsAccess.ts (the table of every caller runs them too); the last
 * test checks every ops action has one.
 */

let seq = 0;
async function world(): Promise<World> {
  const h = await createHarness();
  await h.cloud.db.apply([{ c: COLLECTIONS.staff, id: 'manager-S002', doc: { _id: 'manager-S002', storeId: 'S002', name: '吴店长', role: 'manager', active: true } }]);
  const memberId = await h.join('m1', { nickname: '小雅' });
  return { h, memberId, fresh: () => `req${Date.now().toString(36)}x${(seq += 1)}` };
}

/** No answer to staff carries a full phone number or an openid. */
function leaks(answer: Envelope<unknown>): string[] {
  const text = JSON.stringify(answer);
  const found: string[] = [];
  if (/(?<!\d)1[3-9]\d{9}(?!\d)/.test(text)) found.push('a full phone number');
  for (const openid of Object.values(CALLERS)) if (openid && (text.includes(`"${openid}"`) || new RegExp(`[:"]${openid}[:"]`).test(text))) found.push(`the openid ${openid}`);
  return found;
}

describe('the ops access table: every ops action × every kind of caller', () => {
  describe.each(OPS_ACCESS.map((r) => [`${r.action}${r.with ? ` (${r.with})` : ''}`, r] as const))('%s', (_name, row) => {
    it('answers each caller as the table says, and never with a full phone or an openid', async () => {
      const w = await world();
      const got: Record<string, string> = {};
      for (const [caller, openid] of Object.entries(CALLERS) as Array<[Caller, string | null]>) {
        const answer = await w.h.call('ops', openid, { action: row.action, ...(await row.input(w)) });
        got[caller] = answer.ok ? 'ok' : answer.error.code;
        expect(leaks(answer)).toEqual([]);
      }
      expect(got).toEqual(row.expect);
    });
  });

  it('has a row for every action of the ops function', () => {
    expect([...new Set(OPS_ACCESS.map((r) => r.action))].sort()).toEqual(Object.keys(opsContract).sort());
  });

  it("a manager sees their own store only: S002's manager sees none of S001's NPS", async () => {
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
