import { createHash, createHmac } from 'node:crypto';

/**
 * The two platform APIs the deploy calls besides the CLI (the real run only; nothing here runs in
 * the dry-run or the tests): the WeChat server API for collections, indexes and seed imports
 * (an access token from the AppID and AppSecret), and CloudBase's own API for security rules
 * (signed TC3-HMAC-SHA256 with the same SecretId/SecretKey `tcb login` uses).
 */

export async function wechatAccessToken(appid: string, secret: string): Promise<string> {
  const res = await fetch('https://api.weixin.qq.com/cgi-bin/stable_token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid, secret }),
  });
  const body = (await res.json()) as { access_token?: string; errcode?: number; errmsg?: string };
  if (!body.access_token) throw new Error(`WeChat access token refused: ${body.errcode} ${body.errmsg}`);
  return body.access_token;
}

/** Errors a rerun of the deploy meets by design: the collection or index is already there. */
const ALREADY_THERE = /exist|already|重复|已存在/i;

/** POST api.weixin.qq.com/<endpoint>; a collection or index that already exists is not a failure. */
export async function wechatCall(token: string, endpoint: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`https://api.weixin.qq.com/${endpoint}?access_token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as { errcode?: number; errmsg?: string };
  if (answer.errcode && !ALREADY_THERE.test(answer.errmsg ?? '')) throw new Error(`${endpoint}: ${answer.errcode} ${answer.errmsg}`);
  return answer as Record<string, unknown>;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

/** The Authorization header of a Tencent Cloud API 3.0 request (TC3-HMAC-SHA256), for host tcb.tencentcloudapi.com. */
export function tc3Authorization(secretId: string, secretKey: string, payload: string, timestamp: number): string {
  const service = 'tcb';
  const host = `${service}.tencentcloudapi.com`;
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonical = ['POST', '/', '', `content-type:application/json; charset=utf-8\nhost:${host}\n`, 'content-type;host', sha256(payload)].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}

/** One CloudBase API action (version 2018-06-08), e.g. ModifySafeRule. */
export async function cloudbaseCall(secretId: string, secretKey: string, action: string, params: Record<string, unknown>): Promise<unknown> {
  const payload = JSON.stringify(params);
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch('https://tcb.tencentcloudapi.com/', {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      authorization: tc3Authorization(secretId, secretKey, payload, timestamp),
      'x-tc-action': action,
      'x-tc-version': '2018-06-08',
      'x-tc-timestamp': String(timestamp),
    },
    body: payload,
  });
  const body = (await res.json()) as { Response?: { Error?: { Code: string; Message: string } } };
  if (body.Response?.Error) throw new Error(`${action}: ${body.Response.Error.Code} ${body.Response.Error.Message}`);
  return body.Response;
}
