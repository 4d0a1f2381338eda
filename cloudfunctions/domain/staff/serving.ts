import type { Member } from '../member';
import { isLeaving } from '../member';
import type { Staff } from './staff';

/** After a clerk opened a member by live code, they may go on serving them by id this long (notes, tags, a reload). */
export const SERVED_WINDOW_MS = 2 * 3_600_000;

/**
 * Whether staff may open or write about a member named by id: a member of their own store, or one
 * who showed them a live code in the last two hours (the member was standing there). A member who
 * is leaving is nobody's. The answer for "no" never says which (NOT_FOUND either way).
 */
export function mayServe(staff: Pick<Staff, 'storeId'>, member: Pick<Member, 'homeStore' | 'leavingSince'> | null, servedRecently: boolean): boolean {
  if (!member || isLeaving(member)) return false;
  return member.homeStore.storeId === staff.storeId || servedRecently;
}

/** The audit log's words for why a member was opened. */
export const VIEW_WHY = {
  code: '会员出示会员码',
  todo: '待办跟进',
  complaint: '投诉处理',
  followUp: '会员详情回看',
  note: '添加备注',
  complaintNote: '登记投诉',
} as const;
