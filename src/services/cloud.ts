import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput, Envelope, FunctionName } from '../../cloudfunctions/contract';
import { devOpenid } from './devIdentity';

/** What an action takes after its name: nothing when every field of its input is optional. */
type InputArgs<F extends FunctionName, A extends ActionName<F>> = {} extends ActionInput<F, A> ? [input?: ActionInput<F, A>] : [input: ActionInput<F, A>];

/** Calls the actions of one function, and only of that one: its name is fixed when the caller is made. */
export type Caller<F extends FunctionName> = <A extends ActionName<F>>(action: A, ...input: InputArgs<F, A>) => Promise<Envelope<ActionOutput<F, A>>>;

/**
 * A service wrapper for one function (services/member.ts, points.ts, coupons.ts): `build` gets the
 * caller of `fn` alone, so a wrapper cannot send another function's action — the contract types
 * each action against `fn`'s own, and the name on the wire is `fn`. This is the only way out of
 * the app to a function.
 */
export function serviceFor<F extends FunctionName, Api>(fn: F, build: (call: Caller<F>) => Api): Api {
  return build((action, ...input) => call(fn, action, ...input));
}

/**
 * The one place that calls cloud functions. In WeChat: `Taro.cloud.callFunction`; in the H5
 * preview: the dev gateway with the shopper's dev openid. Either way the answer is the envelope,
 * typed from the contract; a call that never reached a function is `UNAVAILABLE`.
 */
async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, ...input: InputArgs<F, A>): Promise<Envelope<ActionOutput<F, A>>> {
  const data = { action, ...(input[0] ?? {}) };
  try {
    const answer = process.env.TARO_ENV === 'h5' ? await viaGateway(fn, data) : await viaCloud(fn, data);
    return isEnvelope(answer) ? (answer as Envelope<ActionOutput<F, A>>) : unavailable('the answer is not an envelope');
  } catch (e) {
    return unavailable(e instanceof Error ? e.message : String(e));
  }
}

async function viaCloud(name: string, data: object): Promise<unknown> {
  const res = await Taro.cloud.callFunction({ name, data });
  return res.result;
}

async function viaGateway(name: string, data: object): Promise<unknown> {
  const res = await fetch(`/api/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openid': devOpenid() },
    body: JSON.stringify(data),
  });
  // the gateway answers envelopes with 400 too (malformed request): read the body either way
  return res.json();
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown } };
  return v.ok === true ? 'data' in v : v.ok === false && typeof v.error?.code === 'string';
}

function unavailable(message: string): Envelope<never> {
  return { ok: false, error: { code: 'UNAVAILABLE', message } };
}
