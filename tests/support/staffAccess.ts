import { tillCode } from './pos';
import type { AccessRow } from './accessRow';
import type { Harness } from './harness';

/**
 * The authorisation table of EVERY staff action (issue 17), kept here so that both the staff tests
 * (tests/functions/staffMember.test.ts) and the table of every caller (tests/functions/callers.test.ts)
 * run it. Other areas add their rows to AUTHORISATION (one row per action and input).
 */

export const CALLERS = {
  nobody: null,
  member: 'm1',
  clerk: 'staff-S001',
  otherStoreClerk: 'staff-S002',
  manager: 'manager-S001',
  stylist: 'stylist-S001',
} as const;
export type Caller = keyof typeof CALLERS;
export type Expected = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/** The world every row starts from: m1 (S001, phone bound, one order), a complaint noted by S001's clerk. */
export interface World {
  h: Harness;
  memberId: string;
  complaintId: string;
  /** a fresh value each call (request ids, tag names) */
  fresh(): string;
}

export type Row = AccessRow<World, Caller, Expected>;

const anyStaff = (otherStore: Expected): Record<Caller, Expected> => ({ nobody: 'UNAUTHENTICATED', member: 'FORBIDDEN', clerk: 'ok', otherStoreClerk: otherStore, manager: 'ok', stylist: 'ok' });
const managersOnly: Record<Caller, Expected> = { nobody: 'UNAUTHENTICATED', member: 'FORBIDDEN', clerk: 'FORBIDDEN', otherStoreClerk: 'FORBIDDEN', manager: 'ok', stylist: 'FORBIDDEN' };

/** A pass to check off, fresh for each caller. */
export async function freshPass(w: World): Promise<string> {
  const id = `referral-pass:${w.memberId}:${w.fresh()}`;
  const at = w.h.clock.now();
  await w.h.cloud.db.apply([{ c: 'coupons', id, doc: { _id: id, memberId: w.memberId, templateId: 'referral-pass', channel: 'referral', name: '新品优先试穿权', discount: { kind: 'pass', title: '优先试穿' }, stackable: true, status: 'available', issuedAt: at, validFrom: at, validUntil: new Date(at.getTime() + 86_400_000), usedAt: null, usedOrder: null } }]);
  return id;
}

/** A coupon usable at the counter, fresh for each caller. */
async function freshCoupon(w: World): Promise<string> {
  const id = `test-50-off:${w.memberId}:${w.fresh()}`;
  const at = w.h.clock.now();
  await w.h.cloud.db.apply([
    { c: 'coupons', id, doc: { _id: id, memberId: w.memberId, templateId: 'test-50-off', channel: 'claim', name: '满300减50', discount: { kind: 'amountOff', amountFen: 5_000, thresholdFen: 30_000 }, stackable: true, status: 'available', issuedAt: at, validFrom: at, validUntil: new Date(at.getTime() + 30 * 86_400_000), usedAt: null, usedOrder: null } },
  ]);
  return id;
}

/** An open to-do of S001 about m1, fresh for each caller (closing one twice would answer CONFLICT). */
async function freshTodo(w: World): Promise<string> {
  const id = `S001:birthday:${w.memberId}:${w.fresh()}`;
  const at = w.h.clock.now();
  await w.h.cloud.db.apply([
    { c: 'todos', id, doc: { _id: id, storeId: 'S001', memberId: w.memberId, kind: 'birthday', reason: '生日快到了', createdAt: at, dueAt: new Date(at.getTime() + 86_400_000), state: 'open', snoozedUntil: null, closedBy: null, closedAt: null, complaintId: null } },
  ]);
  return id;
}

/** Two products on sale: an outfit list's pieces. */
const twoProducts = (w: World) => w.h.cloud.db.find('products', { onSale: true }).slice(0, 2).map((p) => p._id as string);

export const AUTHORISATION: Row[] = [
  { action: 'lookup', input: async (w) => ({ code: await tillCode(w.h, 'm1') }), expect: anyStaff('ok') },
  { action: 'checkPass', input: async (w) => ({ code: await tillCode(w.h, 'm1'), couponId: await freshPass(w) }), expect: anyStaff('ok') },
  { action: 'me', input: () => ({}), expect: { nobody: 'UNAUTHENTICATED', member: 'ok', clerk: 'ok', otherStoreClerk: 'ok', manager: 'ok', stylist: 'ok' } },
  { action: 'memberView', with: 'a live code', input: async (w) => ({ code: await tillCode(w.h, 'm1') }), expect: anyStaff('ok') },
  { action: 'memberView', with: 'a memberId', input: (w) => ({ memberId: w.memberId }), expect: anyStaff('NOT_FOUND') },
  { action: 'addNote', input: (w) => ({ memberId: w.memberId, text: '喜欢宽松版型', kind: 'note', requestId: w.fresh() }), expect: anyStaff('NOT_FOUND') },
  { action: 'addNote', with: 'a complaint', input: (w) => ({ memberId: w.memberId, text: '裤长改错了', kind: 'complaint', requestId: w.fresh() }), expect: anyStaff('NOT_FOUND') },
  { action: 'tagGroups', input: () => ({}), expect: anyStaff('ok') },
  { action: 'addTag', input: (w) => ({ memberId: w.memberId, tagId: 'shopping-new' }), expect: anyStaff('NOT_FOUND') },
  { action: 'removeTag', input: (w) => ({ memberId: w.memberId, tagId: 'shopping-new' }), expect: anyStaff('NOT_FOUND') },
  {
    action: 'removeTag',
    with: '高关怀, set by a complaint: the manager only',
    input: (w) => ({ memberId: w.memberId, tagId: 'care-high' }),
    expect: { nobody: 'UNAUTHENTICATED', member: 'FORBIDDEN', clerk: 'FORBIDDEN', otherStoreClerk: 'NOT_FOUND', manager: 'ok', stylist: 'FORBIDDEN' },
  },
  { action: 'editTagGroup', input: (w) => ({ groupId: 'shopping', change: { op: 'add', name: `标签${w.fresh().slice(-4)}` } }), expect: managersOnly },
  { action: 'giveCompensation', input: (w) => ({ complaintId: w.complaintId }), expect: anyStaff('NOT_FOUND') },
  { action: 'auditLog', input: () => ({}), expect: managersOnly },
  // the care list: a store's own to-dos (another store's are not found), the figures for managers
  { action: 'todos', input: () => ({}), expect: anyStaff('ok') },
  { action: 'openTodo', input: async (w) => ({ todoId: await freshTodo(w) }), expect: anyStaff('NOT_FOUND') },
  { action: 'closeTodo', input: async (w) => ({ todoId: await freshTodo(w), outcome: 'done' }), expect: anyStaff('NOT_FOUND') },
  { action: 'snoozeTodo', input: async (w) => ({ todoId: await freshTodo(w), until: 'tomorrow' }), expect: anyStaff('NOT_FOUND') },
  { action: 'todoStats', input: () => ({}), expect: managersOnly },
  { action: 'clerkFigures', input: () => ({}), expect: managersOnly },
  // sign-ups, the counter (the member stands there with a live code: any store), outfit lists (the store's own members)
  { action: 'joinCode', input: () => ({}), expect: anyStaff('ok') },
  { action: 'counterCoupons', input: async (w) => ({ code: await tillCode(w.h, 'm1') }), expect: anyStaff('ok') },
  { action: 'useCouponAtCounter', input: async (w) => ({ code: await tillCode(w.h, 'm1'), couponId: await freshCoupon(w), orderNo: `R-${w.fresh()}` }), expect: anyStaff('ok') },
  { action: 'productsForOutfit', input: (w) => ({ memberId: w.memberId }), expect: anyStaff('NOT_FOUND') },
  { action: 'sendOutfitList', input: (w) => ({ memberId: w.memberId, title: '周末通勤', note: '', items: twoProducts(w), requestId: w.fresh() }), expect: anyStaff('NOT_FOUND') },
];
