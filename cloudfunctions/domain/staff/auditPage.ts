import { toIso } from '../time';
import type { StaffLook } from './audit';

/** Looks per page of the manager's audit log. */
export const AUDIT_PAGE = 30;

/** Where a page starts: at or before `before`, past the first `skip` looks of that very instant. */
export interface AuditFrom {
  before: Date | null;
  skip: number;
}

/** The cursor the log gave ("<ms>.<skip>"), or the first page for none; null for anything else. */
export function auditCursor(cursor: string | undefined): AuditFrom | null {
  if (cursor === undefined) return { before: null, skip: 0 };
  const m = /^(\d{1,15})\.(\d{1,6})$/.exec(cursor);
  return m ? { before: new Date(Number(m[1])), skip: Number(m[2]) } : null;
}

/**
 * One page from up to AUDIT_PAGE + 1 looks read newest first: the page, and the next page's cursor
 * when there is more. Looks of one instant may straddle pages, so the cursor counts those shown.
 */
export function auditPage(looks: readonly StaffLook[], from: AuditFrom, nickname: (memberId: string) => string | null) {
  const page = looks.slice(0, AUDIT_PAGE);
  let next: string | null = null;
  if (looks.length > AUDIT_PAGE) {
    const last = page[page.length - 1]!.at.getTime();
    const sameInstant = page.filter((l) => l.at.getTime() === last).length;
    const skip = from.before?.getTime() === last ? from.skip + sameInstant : sameInstant;
    next = `${last}.${skip}`;
  }
  return {
    entries: page.map((l) => ({ staffName: l.staffName, memberId: l.memberId, nickname: nickname(l.memberId), view: l.view, why: l.why, at: toIso(l.at) })),
    next,
  };
}
