import type * as WxServerSdk from 'wx-server-sdk';

/**
 * The wx-server-sdk module object itself, looked up at call time (not a copied namespace), so the
 * platform's and the local cloud's getWXContext/openapi are the ones used.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = (): typeof WxServerSdk => require('wx-server-sdk');

let initialised = false;
export function cloud(): typeof WxServerSdk {
  const c = sdk();
  if (!initialised) {
    c.init({ env: c.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return c;
}

export type Database = ReturnType<typeof WxServerSdk.database>;

export function database(): Database {
  return cloud().database();
}

/** Who is calling: only ever the cloud context, never request data. */
export function callerOpenid(): string | null {
  const openid = cloud().getWXContext().OPENID;
  return typeof openid === 'string' && openid.length > 0 ? openid : null;
}

/**
 * What started this run, link by link (getWXContext().SOURCE, e.g. "wx_client,scf": the mini
 * program called a function that called this one; "wx_trigger": a timer trigger). Empty when the
 * context names none (the local cloud's direct calls: a script, the tests' operator).
 */
export function callerSource(): string[] {
  const source = cloud().getWXContext().SOURCE;
  return typeof source === 'string' && source.length > 0 ? source.split(',').map((s) => s.trim()) : [];
}

/** The openapi of the platform (recording fakes locally). */
export function openapi(): Record<string, any> {
  return cloud().openapi;
}
