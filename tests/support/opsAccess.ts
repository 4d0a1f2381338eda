import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import type { AccessRow } from './accessRow';
import type { Harness } from './harness';

/**
 * Who may call each action of the `ops` function (issue 19), kept here so that both the ops tests
 * (tests/functions/opsAccess.test.ts) and the table of every caller (tests/functions/callers.test.ts)
 * run it. Each area appends its rows to OPS_ACCESS.
 */

export const CALLERS = {
  nobody: null,
  member: 'm1',
  clerk: 'staff-S001',
  manager: 'manager-S001',
  otherManager: 'manager-S002',
  stylist: 'stylist-S001',
} as const;
export type Caller = keyof typeof CALLERS;
export type Expected = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_INPUT' | 'CONFLICT';

export interface World {
  h: Harness;
  memberId: string;
  /** a fresh value each call */
  fresh(): string;
}

export type Row = AccessRow<World, Caller, Expected>;

/** Managers of either store may act (each on their own store's data); nobody else. */
/** Input is checked before the caller: a malformed one is INVALID_INPUT for anyone, and nothing is read or written. */
const everyone = (code: Expected): Record<Caller, Expected> => ({ nobody: code, member: code, clerk: code, manager: code, otherManager: code, stylist: code });
const managers = (otherManager: Expected = 'ok'): Record<Caller, Expected> => ({ nobody: 'UNAUTHENTICATED', member: 'FORBIDDEN', clerk: 'FORBIDDEN', manager: 'ok', otherManager, stylist: 'FORBIDDEN' });

/** An open alert of S001, fresh for each caller (handling one twice would answer CONFLICT). */
async function freshAlert(w: World): Promise<string> {
  const day = `2026-11-${String(1 + (Number(w.fresh().replace(/\D/g, '')) % 28)).padStart(2, '0')}`;
  const id = `S001:signupDrop${w.fresh().replace(/[^a-z]/gi, '').slice(0, 8)}:${day}`;
  const at = w.h.clock.now();
  await w.h.cloud.db.apply([
    { c: COLLECTIONS.storeAlerts, id, doc: { _id: id, storeId: 'S001', rule: 'signupDrop', ruleName: '新会员骤降', day, metric: 'signups', value: 1, baseline: 8, text: '新入会骤降', raisedAt: at, state: 'open', closedBy: null, closedAt: null } },
  ]);
  return id;
}

const AUDIENCE = { segments: ['dormant'], tiers: [], tags: [], optedInOnly: false };

/** A scheduled campaign of S001, fresh for each caller. */
async function s001Campaign(w: World): Promise<string> {
  const startAt = new Date(w.h.clock.now().getTime() + 86_400_000).toISOString();
  const answer = await w.h.call('ops', 'manager-S001', { action: 'launchCampaign', requestId: `access-${w.fresh()}`, name: '权限测试', audience: AUDIENCE, templateId: 'win-back-30', message: false, budget: { maxCoupons: 10, maxDiscountFen: null }, startAt });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.data.campaign.campaignId;
}

/** The segment definitions as stored now, for a save that edits the current version. */
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
  // the store dashboard and its alerts (dash)
  { action: 'dashboard', input: () => ({}), expect: managers() },
  { action: 'dashboard', with: 'a period of 7 days', input: () => ({ days: 7 }), expect: managers() },
  { action: 'dashboard', with: 'a period not offered', input: () => ({ days: 8 }), expect: everyone('INVALID_INPUT') },
  { action: 'alerts', input: () => ({}), expect: managers() },
  { action: 'alerts', with: 'the handled ones', input: () => ({ view: 'closed' }), expect: managers() },
  { action: 'closeAlert', with: "an open alert of S001: S002's manager does not find it", input: async (w) => ({ alertId: await freshAlert(w) }), expect: managers('NOT_FOUND') },
  { action: 'closeAlert', with: 'an id that is not an alert’s', input: () => ({ alertId: '../S001' }), expect: everyone('INVALID_INPUT') },
  // NPS (nps)
  { action: 'npsReport', input: () => ({}), expect: managers() },
  { action: 'npsReport', with: 'a period', input: () => ({ period: 'quarter' }), expect: managers() },
  // campaigns (camp)
  { action: 'campaignOptions', input: () => ({}), expect: managers() },
  { action: 'campaignPreview', input: () => ({ audience: AUDIENCE }), expect: managers() },
  { action: 'launchCampaign', input: (w) => ({ requestId: `launch-${w.fresh()}`, name: '冬季唤醒', audience: AUDIENCE, templateId: 'win-back-30', message: true, budget: { maxCoupons: 100, maxDiscountFen: null } }), expect: managers() },
  { action: 'campaigns', input: () => ({}), expect: managers() },
  { action: 'campaignResults', input: async (w) => ({ campaignId: await s001Campaign(w) }), expect: managers('NOT_FOUND') },
  { action: 'stopCampaign', input: async (w) => ({ campaignId: await s001Campaign(w) }), expect: managers('NOT_FOUND') },
];
