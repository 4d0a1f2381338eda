import type { Staff } from './staff';

/** Which staff screen looked at a member (the audit log's `view`). */
export type StaffView = 'lookup' | 'memberView' | 'notes' | 'tags' | 'coupons' | 'todo' | 'outfitList' | 'counterCheck' | 'campaign';

/**
 * One look at a member by staff (PIPL: who, when, which member, which view, why). Written before the
 * answer leaves; append-only; a store's managers read their store's entries.
 */
export interface StaffLook {
  _id: string;
  staffId: string;
  staffName: string;
  storeId: string;
  memberId: string;
  view: StaffView;
  /** in shop words: 会员出示会员码, 待办回访, 投诉处理 … */
  why: string;
  at: Date;
}

/** The look's record; `requestKey` makes a retried call write one entry (e.g. the code looked up, or a request id). */
export function staffLook(staff: Staff, memberId: string, view: StaffView, why: string, at: Date, requestKey: string): StaffLook {
  return { _id: `${staff.storeId}:${at.getTime()}:${staff._id}:${view}:${memberId}:${requestKey}`.slice(0, 200), staffId: staff._id, staffName: staff.name, storeId: staff.storeId, memberId, view, why, at };
}
