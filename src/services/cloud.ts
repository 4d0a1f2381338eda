import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput, Envelope, FunctionName } from '../../cloudfunctions/contract';
import { devOpenid } from './devIdentity';

/**
 * The one place that calls cloud functions. In WeChat: `Taro.cloud.callFunction`; in the H5
 * preview: the dev gateway with the shopper's dev openid. Either way the answer is the envelope,
 * typed from the contract; a call that never reached a function is `UNAVAILABLE`.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  ...input: {} extends ActionInput<F, A> ? [input?: ActionInput<F, A>] : [input: ActionInput<F, A>]
): Promise<Envelope<ActionOutput<F, A>>> {
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
