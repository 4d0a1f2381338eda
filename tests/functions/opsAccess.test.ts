import { opsContract } from '../../cloudfunctions/contract/ops';
import { createHarness, type Harness } from '../support/harness';

/**
 * Who may call each action of the `ops` function (issue 19): managers only, each for their own
 * store. Every ops action has a row in OPS_ACCESS (one array literal: each area appends its rows);
 * each row is tried by every caller on one fresh world.
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
type Expected = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

interface World {
  h: Harness;
  /** a fresh value each call (request ids) */
  fresh(): string;
}

interface Row {
  action: string;
  with?: string;
  input(w: World): Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Record<Caller, Expected>;
}

/** Managers of any store, each on their own store's data. */
const managers: Record<Caller, Expected> = { nobody: 'UNAUTHENTICATED', member: 'FORBIDDEN', clerk: 'FORBIDDEN', stylist: 'FORBIDDEN', manager: 'ok', otherStoreManager: 'ok' };
/** The manager of the store the record belongs to (S001); another store's manager does not find it. */
const ownStoreManager: Record<Caller, Expected> = { ...managers, otherStoreManager: 'NOT_FOUND' };

const AUDIENCE = { segments: ['dormant'], tiers: [], tags: [], optedInOnly: false };

/** A scheduled campaign of S001, fresh for each caller. */
async function s001Campaign(w: World): Promise<string> {
  const startAt = new Date(w.h.clock.now().getTime() + 86_400_000).toISOString();
  const answer = await w.h.call('ops', 'manager-S001', { action: 'launchCampaign', requestId: `access-${w.fresh()}`, name: '权限测试', audience: AUDIENCE, templateId: 'win-back-30', message: false, budget: { maxCoupons: 10, maxDiscountFen: null }, startAt });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.data.campaign.campaignId;
}

export const OPS_ACCESS: Row[] = [
  // — campaigns (camp) —
  { action: 'campaignOptions', input: () => ({}), expect: managers },
  { action: 'campaignPreview', input: () => ({ audience: AUDIENCE }), expect: managers },
  { action: 'launchCampaign', input: (w) => ({ requestId: `launch-${w.fresh()}`, name: '冬季唤醒', audience: AUDIENCE, templateId: 'win-back-30', message: true, budget: { maxCoupons: 100, maxDiscountFen: null } }), expect: managers },
  { action: 'campaigns', input: () => ({}), expect: managers },
  { action: 'campaignResults', input: async (w) => ({ campaignId: await s001Campaign(w) }), expect: ownStoreManager },
  { action: 'stopCampaign', input: async (w) => ({ campaignId: await s001Campaign(w) }), expect: ownStoreManager },
];

async function world(): Promise<World> {
  const h = await createHarness();
  await h.cloud.db.apply([{ c: 'staff', id: 'manager-S002', doc: { _id: 'manager-S002', storeId: 'S002', name: '周店长', role: 'manager', active: true } }]);
  await h.join('m1', { marketingOptIn: true });
  let n = 0;
  return { h, fresh: () => `${Date.now().toString(36)}x${(n += 1)}` };
}

/** What must never leave the ops function: an openid, a full phone number. */
function leaks(answer: unknown): string[] {
  const text = JSON.stringify(answer);
  return [...(text.match(/openid|manager-S00\d|staff-S00\d|stylist-S00\d/gi) ?? []), ...(text.match(/1[3-9]\d{9}/g) ?? [])];
}

describe('who may call the ops function', () => {
  it('has a row for every ops action', () => {
    expect([...new Set(OPS_ACCESS.map((r) => r.action))].sort()).toEqual(Object.keys(opsContract).sort());
  });

  describe.each(OPS_ACCESS.map((r) => [`${r.action}${r.with ? ` (${r.with})` : ''}`, r] as const))('%s', (_name, row) => {
    it('answers each caller as the table says, and never with an openid or a full phone', async () => {
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
});
