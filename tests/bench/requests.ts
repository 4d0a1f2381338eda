import { createHarness } from '../support/harness';

/** One measured action: the database requests it sent next to the fewest the design needs. */
export interface RequestRow {
  action: string;
  minimum: number;
  reason: string;
  actual: number;
  docsExamined: number;
  /** 'ok' or the error code the call answered */
  answer: string;
  overMinimum: boolean;
}

const ENROLL = { action: 'enroll', storeId: 'S001', privacyAccepted: true };

/** Design minimums: the fewest database requests each action can make, and why. */
export const MINIMUMS = {
  'member.enroll (new)': { minimum: 3, reason: 'find member by openid, read the store, insert (the unique index on openid decides races)' },
  'member.enroll (existing)': { minimum: 1, reason: 'find member by openid' },
  'member.card': { minimum: 1, reason: 'find member by openid (the member doc carries the home store name)' },
  'member.code': { minimum: 2, reason: 'find member, one doc(memberId).set that also retires the previous code' },
  'staff.lookup': { minimum: 3, reason: 'staff and code reads in parallel, then the member' },
} as const;

/** Runs each action once on a fresh seeded stand-in and counts the requests it sent. */
export async function measureRequests(): Promise<RequestRow[]> {
  const h = await createHarness();
  const rows: RequestRow[] = [];
  const record = (action: keyof typeof MINIMUMS, m: { answer: { ok: boolean; error?: { code: string } }; requests: number; docsExamined: number }) => {
    const { minimum, reason } = MINIMUMS[action];
    const answer = m.answer.ok ? 'ok' : (m.answer.error?.code ?? 'error');
    rows.push({ action, minimum, reason, actual: m.requests, docsExamined: m.docsExamined, answer, overMinimum: m.requests > minimum });
  };

  // a few other members first, so reads by openid are not answered from an empty collection
  for (let i = 0; i < 20; i += 1) await h.join(`bench-req-other-${i}`);

  const enrollNew = await h.measure('member', 'bench-req-1', ENROLL);
  record('member.enroll (new)', enrollNew);
  if (!enrollNew.answer.ok || enrollNew.answer.data.created !== true) throw new Error(`enroll (new) did not create: ${JSON.stringify(enrollNew.answer)}`);
  const enrollAgain = await h.measure('member', 'bench-req-1', ENROLL);
  record('member.enroll (existing)', enrollAgain);
  if (!enrollAgain.answer.ok || enrollAgain.answer.data.created !== false) throw new Error(`enroll (existing) created again: ${JSON.stringify(enrollAgain.answer)}`);
  record('member.card', await h.measure('member', 'bench-req-1', { action: 'card' }));
  // a first code, then a second that must retire the first: the second is the one measured
  await h.measure('member', 'bench-req-1', { action: 'code' });
  const code = await h.measure('member', 'bench-req-1', { action: 'code' });
  record('member.code', code);
  if (!code.answer.ok) throw new Error(`code failed: ${JSON.stringify(code.answer)}`);
  record('staff.lookup', await h.measure('staff', 'staff-S001', { action: 'lookup', code: code.answer.data.code }));
  return rows;
}
