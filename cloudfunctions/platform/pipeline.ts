import * as z from 'zod/mini';
import type { ActionSpec, Envelope, ErrorCode, Outcome } from '../contract';
import { clip, plainDataProblem } from '../contract/plain';
import { describeIssues } from './issues';

/**
 * The one pipeline every request goes through, whatever brought it (a call from the mini program,
 * the till's HTTP request, a timer tick): plain data only, an action the contract names, input
 * parsed by that action's schema, the entry's own admission (the caller's identity, the till's
 * signature), the handler, and an answer cut to the output schema. The entry adapters
 * (handler.ts, http.ts, timer.ts) only translate their transport to and from it.
 */

/** A function's actions by name, each with its input and output schema (a function's part of contract/). */
export type Actions<C> = { [A in keyof C]: ActionSpec };

/** An action's handler, typed from its spec; `ctx` is what its entry knows of the request (the caller, the till, the tick). */
export type ActionHandler<S extends ActionSpec, Ctx> = (input: z.output<S['input']>, ctx: Ctx) => Promise<Outcome<z.output<S['output']>>>;

export type Handlers<C extends Actions<C>, Ctx> = { [A in keyof C]: ActionHandler<C[A], Ctx> };

/** A function the pipeline serves: its name (in messages and logs), its contract and one handler per action. */
export interface Served<C extends Actions<C>, Ctx> {
  name: string;
  contract: C;
  handlers: Handlers<C, Ctx>;
}

/** What an entry read off its transport: the action asked for and its data (or why it names none). */
export type ActionRequest = { action: unknown; data: unknown } | { refused: string };

export const refusal = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

/** A bug's answer: nothing of the error leaves (no message, no stack); the log has it. */
export const INTERNAL: Envelope<never> = refusal('INTERNAL', 'internal error');

/** Runs an entry; a throw anywhere in it is a bug, answered as INTERNAL in the entry's own form. */
export async function guarded<T>(name: string, work: () => Promise<T>, answerBug: (internal: Envelope<never>) => T): Promise<T> {
  try {
    return await work();
  } catch (err) {
    console.error(`[${name}] internal error:`, err);
    return answerBug(INTERNAL);
  }
}

/**
 * Serves one request: refuses anything that is not plain data or names no action of the contract
 * before any schema or database sees it, parses the input, lets `admit` decide whether the entry
 * lets it in (and with what context), runs the handler and checks its answer. Expected failures
 * come back as envelopes; bugs throw (the entry's `guarded` turns them into INTERNAL).
 */
export async function serve<C extends Actions<C>, Ctx>(
  served: Served<C, Ctx>,
  request: unknown,
  route: (plain: unknown) => ActionRequest,
  admit: () => Outcome<Ctx> | Promise<Outcome<Ctx>>,
): Promise<Envelope<unknown>> {
  const problem = plainDataProblem(request);
  if (problem) return refusal('INVALID_INPUT', problem);
  const asked = route(request);
  if ('refused' in asked) return refusal('INVALID_INPUT', asked.refused);
  const known = Object.keys(served.contract).join(', ');
  if (typeof asked.action !== 'string') return refusal('INVALID_INPUT', `action must be a string naming one of: ${known}`);
  if (!isAction(served.contract, asked.action)) return refusal('INVALID_INPUT', `unknown action for ${served.name}: ${clip(asked.action)}; known: ${known}`);
  return dispatch(served, asked.action, asked.data, admit);
}

export function isAction<C extends Actions<C>>(contract: C, action: string): action is keyof C & string {
  return Object.prototype.hasOwnProperty.call(contract, action);
}

/** The action's own schemas and handler, kept together by their name (A): what parses the input is what the handler was written against. */
function dispatch<C extends Actions<C>, A extends keyof C & string, Ctx>(
  served: Served<C, Ctx>,
  action: A,
  data: unknown,
  admit: () => Outcome<Ctx> | Promise<Outcome<Ctx>>,
): Promise<Envelope<unknown>> {
  return perform<C[A]['input'], C[A]['output'], Ctx>(`${served.name}.${action}`, served.contract[action], served.handlers[action], data, admit);
}

/** Parse, admit, handle, check the answer. */
async function perform<I extends z.ZodMiniType, O extends z.ZodMiniType, Ctx>(
  where: string,
  spec: { input: I; output: O },
  handler: (input: z.output<I>, ctx: Ctx) => Promise<Outcome<z.output<O>>>,
  data: unknown,
  admit: () => Outcome<Ctx> | Promise<Outcome<Ctx>>,
): Promise<Envelope<z.output<O>>> {
  const parsed = z.safeParse(spec.input, data);
  if (!parsed.success) return refusal('INVALID_INPUT', describeIssues(parsed.error, data));
  const admitted = await admit();
  if (!admitted.ok) return admitted;
  const outcome = await handler(parsed.data, admitted.value);
  if (!outcome.ok) return outcome;
  // the answer is what the contract says and no more: a stray field (an openid, a cipher) is dropped, a wrong one is a bug
  const checked = z.safeParse(spec.output, outcome.value);
  if (!checked.success) throw new Error(`${where} answered outside its contract: ${describeIssues(checked.error, outcome.value)}`);
  return { ok: true, data: checked.data };
}
