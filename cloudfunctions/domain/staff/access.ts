import { isActiveStaff, type Staff, type StaffRole } from './staff';

/** Everyone on a store's staff. */
export const ANY_STAFF: readonly StaffRole[] = ['clerk', 'stylist', 'manager'];
export const MANAGERS: readonly StaffRole[] = ['manager'];

/** Whether this caller may act: an active staff member in one of the roles (a member, or staff who left, may not). */
export function staffMayAct(staff: Staff | null, roles: readonly StaffRole[] = ANY_STAFF): staff is Staff {
  return isActiveStaff(staff) && roles.includes(staff.role);
}
