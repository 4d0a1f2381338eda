import { opsContract } from '../../cloudfunctions/contract/ops';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { createHarness, type Harness } from '../support/harness';

/**
 * The ops function is for store managers only (issue 19): every action × every kind of caller,
 * with the code each must get. Each area appends its rows to OPS_ACCESS (one array literal); every
 * row is tried by every caller on one fresh world, and no answer may carry an openid or a full phone.
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
type Expected = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

/** The world every row starts from: m1 joined at S001 with a bound phone; a manager at S002 besides the demo staff. */
interface World {
  h: Harness;
  memberId: string;
}

interface Row {
  action: string;
  with?: string;
  input(w: World): Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Record<Caller, Expected>;
}

const managers = (otherStore: Expected = 'ok'): Record<Caller, Expected> => ({ nobody: 'UNAUTHENTICATED', member: 'FORBIDDEN', clerk: 'FORBIDDEN', stylist: 'FORBIDDEN', manager: 'ok', otherStoreManager: otherStore });

/** The definitions as stored now, for a save that edits the current version. */
function currentDefinitions(w: World) {
  const doc = w.h.cloud.db.collection(COLLECTIONS.segmentDefinitions).get('rfm')!.doc as { version: number; definitions: unknown[] };
  return { version: doc.version, definitions: JSON.parse(JSON.stringify(doc.definitions)) as unknown[] };
}

export const OPS_ACCESS: Row[] = [
  // segments (seg)
  { action: 'segmentCounts', input: () => ({}), expect: managers() },
  { action: 'segmentCounts', with: 'a tier and a tag', input: () => ({ tier: 'grower', tags: ['care-vip'] }), expect: managers() },
  { action: 'segmentMovement', input: () => ({}), expect: managers() },
  { action: 'segmentDefinitions', input: () => ({}), expect: managers() },
  { action: 'saveSegmentDefinitions', input: (w) => currentDefinitions(w), expect: managers() },
];

async function world(): Promise<World> {
  const h = await createHarness();
  await h.cloud.db.apply([{ c: COLLECTIONS.staff, id: 'manager-S002', doc: { _id: 'manager-S002', storeId: 'S002', name: '周店长', role: 'manager', active: true } }]);
  const memberId = await h.join('m1');
  return { h, memberId };
}

describe('the ops authorisation table: every ops action × every kind of caller', () => {
  it('has a row for every action of the ops function', () => {
    const covered = new Set(OPS_ACCESS.map((r) => r.action));
    expect(Object.keys(opsContract).filter((a) => !covered.has(a))).toEqual([]);
  });

  describe.each(OPS_ACCESS.map((r) => [`${r.action}${r.with ? ` (${r.with})` : ''}`, r] as const))('%s', (_name, row) => {
    it('answers each caller as the table says, and never with an openid', async () => {
      const w = await world();
      for (const [caller, openid] of Object.entries(CALLERS) as Array<[Caller, string | null]>) {
        const answer = await w.h.call('ops', openid, { action: row.action, ...(await row.input(w)) });
        const got = answer.ok ? 'ok' : answer.error.code;
        expect(`${caller}: ${got}`).toBe(`${caller}: ${row.expect[caller]}`);
        const text = JSON.stringify(answer);
        for (const id of Object.values(CALLERS)) if (id) expect(text).not.toContain(`"${id}"`);
      }
    });
  });
});
