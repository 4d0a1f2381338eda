import { contract, type FunctionName } from '../cloudfunctions/contract';
import { memberHandlers } from '../cloudfunctions/functions/member/handlers';
import { staffHandlers } from '../cloudfunctions/functions/staff/handlers';
import type { Clock } from '../cloudfunctions/platform/clock';
import { createMain, type Main } from '../cloudfunctions/platform/handler';

/**
 * The deployed functions, built the way their index.ts builds them but on the given clock, so
 * the dev server's and the tests' clocks reach the handlers.
 */
export function functionMains(clock: Clock): Record<FunctionName, Main> {
  return {
    member: createMain('member', contract.member, memberHandlers, { clock, checkOutput: true }),
    staff: createMain('staff', contract.staff, staffHandlers, { clock, checkOutput: true }),
  };
}
