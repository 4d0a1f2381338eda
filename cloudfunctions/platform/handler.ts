import { type ActionSpec, type Envelope, failure, type FunctionContract, type Outcome, success } from '../contract';
import { functionClock } from './clock';
import { callerOpenid, database, type Database } from './cloud';
import { type ActionRequest, guarded, type Handlers as HandlersFor, type ActionHandler as HandlerFor, serve } from './pipeline';

export { describeIssues } from './issues';

/** What an action handler of a called function gets besides its parsed input. */
export interface ActionContext {
  /** the caller, from getWXContext(); actions that need one never see null */
  openid: string;
  now: Date;
  db: Database;
}

export type ActionHandler<S extends ActionSpec> = HandlerFor<S, ActionContext>;
export type Handlers<C extends FunctionContract> = HandlersFor<C, ActionContext>;

export type Main = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

/**
 * The call's data is `{ action, ...params }`. The platform adds userInfo to calls from the mini
 * program; it is never trusted, and not part of the contract.
 */
export function callRequest(event: unknown): ActionRequest {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return { refused: 'data must be an object with an action' };
  const { action, userInfo: _platformUserInfo, ...data } = event as Record<string, unknown>;
  return { action, data };
}

/** Identity is only ever the cloud context's openid, judged after the input (a malformed call is told so first). */
function caller(): Outcome<ActionContext> {
  const openid = callerOpenid();
  if (!openid) return failure('UNAUTHENTICATED', 'no caller identity in the cloud context');
  return success({ openid, now: functionClock().now(), db: database() });
}

/**
 * The call entry: builds a cloud function's `main(event, context)` for callFunction. Everything
 * else (plain data, the action, parsing, INTERNAL for bugs, the output check) is the pipeline's.
 */
export function createMain<C extends FunctionContract>(name: string, contract: C, handlers: Handlers<C>): Main {
  const served = { name, contract, handlers };
  return (event: unknown) => guarded(name, () => serve(served, event, callRequest, caller), (internal) => internal);
}
