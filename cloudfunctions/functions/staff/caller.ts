import { failure, type Outcome, success } from '../../contract';
import { findStaff } from '../../data/staff';
import { ANY_STAFF, staffMayAct } from '../../domain/staff/access';
import type { Staff, StaffRole } from '../../domain/staff/staff';
import type { ActionContext } from '../../platform/handler';

/** The calling staff member, if active and in one of `roles`; FORBIDDEN for anyone else (a member, staff who left, another role). */
export async function staffCaller(ctx: ActionContext, roles: readonly StaffRole[] = ANY_STAFF): Promise<Outcome<Staff>> {
  const staff = await findStaff(ctx.db, ctx.openid);
  if (!staffMayAct(staff, roles)) return failure('FORBIDDEN', roles.length === 1 && roles[0] === 'manager' ? 'only the store manager can do this' : 'only store staff can do this');
  return success(staff);
}
