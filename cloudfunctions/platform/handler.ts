import type * as z from 'zod/mini';
import type { ActionSpec, Envelope, FunctionContract, Outcome } from '../contract';
import { clip, plainDataProblem } from '../contract/plain';
import { functionClock } from './clock';
import { callerOpenid, database, type Database } from './cloud';

/** What an action handler gets besides its parsed input. */
export interface ActionContext {
  /** the caller, from getWXContext(); actions that need one never see null */
  openid: string;
  now: Date;
  db: Database;
}

export type ActionHandler<S extends ActionSpec> = (
  input: z.output<S['input']>,
  ctx: ActionContext,
) => Promise<Outcome<z.output<S['output']>>>;

export type Handlers<C extends FunctionContract> = { [A in keyof C]: ActionHandler<C[A]> };

export type Main = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

const invalid = (message: string): Envelope<never> => ({ ok: false, error: { code: 'INVALID_INPUT', message } });


interface Issue {
  path: PropertyKey[];
  message: string;
  code: string;
  keys?: string[];
  expected?: string;
  values?: unknown[];
  /** too_big / too_small: what was measured ('number', 'int', 'bigint', 'string', 'array', 'set', 'file', 'date' …) and the bound */
  origin?: string;
  maximum?: number | bigint | Date;
  minimum?: number | bigint | Date;
  inclusive?: boolean;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

const boundText = (bound: Issue['maximum']): string => (bound instanceof Date ? bound.toISOString() : String(bound));

/** A size bound in words that fit what was measured: a number's value, a string's length, an array's items. */
function describeBound(i: Issue): string {
  const big = i.code === 'too_big';
  const bound = big ? i.maximum : i.minimum;
  if (bound === undefined) return big ? 'is too long' : 'is too short';
  const n = boundText(bound);
  const exclusive = i.inclusive === false;
  switch (i.origin) {
    case 'number':
    case 'int':
    case 'bigint':
      if (exclusive) return big ? `must be less than ${n}` : `must be more than ${n}`;
      return big ? `must be at most ${n}` : `must be at least ${n}`;
    case 'date':
      return `must be ${big ? (exclusive ? 'before' : 'at or before') : exclusive ? 'after' : 'at or after'} ${n}`;
    case 'string':
      return `is ${big ? 'at most' : 'at least'} ${n} characters`;
    case 'array':
    case 'set':
      return `has ${big ? 'at most' : 'at least'} ${n} items`;
    default:
      return big ? 'is too long' : 'is too short';
  }
}

function describeIssue(i: Issue, input: unknown): string {
  const where = clip(i.path.length ? i.path.map(String).join('.') : 'data', 60);
  if (i.code === 'unrecognized_keys') {
    const keys = i.keys ?? [];
    return `${where}: unknown field(s) ${keys.slice(0, 5).map((k) => clip(k)).join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`;
  }
  if (i.message !== 'Invalid input') return `${where}: ${i.message}`;
  if (i.path.length > 0 && valueAt(input, i.path) === undefined) return `${where}: is required`;
  if (i.code === 'invalid_type') return `${where}: expected ${i.expected ?? 'another type'}`;
  if (i.code === 'invalid_value') return `${where}: must be ${(i.values ?? []).map((v) => clip(JSON.stringify(v))).join(' or ')}`;
  if (i.code === 'too_big' || i.code === 'too_small') return `${where}: ${describeBound(i)}`;
  return `${where}: ${i.code}`;
}

/**
 * Says what is wrong with each field in words a developer acts on ("birthday: is required"):
 * one issue per field (the first that carries the schema's own words, else the first), at most five fields.
 */
export function describeIssues(error: { issues: Issue[] }, input: unknown): string {
  const byPath = new Map<string, Issue>();
  for (const issue of error.issues) {
    // unknown keys are about other fields than the object's own issues: never merged with them
    const key = `${issue.code === 'unrecognized_keys' ? 'keys' : 'field'}:${JSON.stringify(issue.path.map(String))}`;
    const kept = byPath.get(key);
    // a value of the wrong type is named as such (a string where a list belongs is not "too long");
    // otherwise a field with several issues (an int beyond the safe range and beyond the schema's own maximum) says the schema's words
    const wrongType = (i: Issue) => i.code === 'invalid_type';
    if (!kept || (!wrongType(kept) && (wrongType(issue) || (kept.message === 'Invalid input' && issue.message !== 'Invalid input')))) byPath.set(key, issue);
  }
  return [...byPath.values()]
    .slice(0, 5)
    .map((i) => describeIssue(i, input))
    .join('; ');
}

/**
 * Builds a cloud function's `main(event, context)`: refuses anything that is not plain data or
 * not in the contract before any database call, takes identity from the cloud context, runs the
 * action, and wraps the outcome in the envelope. Only bugs throw; they become INTERNAL with
 * nothing of the error in the answer.
 */
export function createMain<C extends FunctionContract>(name: string, contract: C, handlers: Handlers<C>): Main {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      const problem = plainDataProblem(event);
      if (problem) return invalid(problem);
      if (event === null || typeof event !== 'object' || Array.isArray(event)) return invalid('data must be an object with an action');
      // the platform adds userInfo to calls from the mini program; it is never trusted, and not part of the contract
      const { action, userInfo: _platformUserInfo, ...params } = event as Record<string, unknown>;
      if (typeof action !== 'string') return invalid(`action must be a string naming one of: ${Object.keys(contract).join(', ')}`);
      if (!Object.prototype.hasOwnProperty.call(contract, action)) {
        return invalid(`unknown action for ${name}: ${clip(action)}; known: ${Object.keys(contract).join(', ')}`);
      }
      const spec = contract[action] as ActionSpec;
      const parsed = spec.input.safeParse(params);
      if (!parsed.success) return invalid(describeIssues(parsed.error as never, params));
      const openid = callerOpenid();
      if (!openid) return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'no caller identity in the cloud context' } };
      const handler = handlers[action as keyof C] as ActionHandler<ActionSpec>;
      const outcome = await handler(parsed.data, { openid, now: functionClock().now(), db: database() });
      if (!outcome.ok) return { ok: false, error: outcome.error };
      // the answer is what the contract says and no more: a stray field (an openid, a cipher) is dropped, a wrong one is a bug
      const checked = spec.output.safeParse(outcome.value);
      if (!checked.success) throw new Error(`${name}.${action} answered outside its contract: ${describeIssues(checked.error as never, outcome.value)}`);
      return { ok: true, data: checked.data };
    } catch (err) {
      console.error(`[${name}] internal error:`, err);
      return { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
    }
  };
}
