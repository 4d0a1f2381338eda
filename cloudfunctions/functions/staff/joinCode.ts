import { findStaff } from '../../data/staff';
import { giveJoinCode } from '../../data/staffSales';
import { CLERK_CODE_LENGTH, type StaffWithCode } from '../../domain/staff/joinCode';
import type { Database } from '../../platform/cloud';
import { randomCode } from '../../platform/random';

const MAX_DRAWS = 5;

/**
 * The staff member's join code: drawn at random on first use, then kept. The code's own document
 * (keyed by the code, data/staffSales.ts) decides a drawn code another staff member holds (draw
 * again); the conditional update decides parallel first calls (the second reads the code the first gave).
 */
export async function joinCodeOf(db: Database, staff: StaffWithCode): Promise<string> {
  if (staff.joinCode) return staff.joinCode;
  for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
    const code = randomCode(CLERK_CODE_LENGTH);
    const given = await giveJoinCode(db, staff._id, code);
    if (given === 'given') return code;
    if (given === 'has') {
      const fresh = (await findStaff(db, staff._id)) as StaffWithCode | null;
      if (fresh?.joinCode) return fresh.joinCode;
    }
  }
  throw new Error('could not draw a free clerk join code');
}
