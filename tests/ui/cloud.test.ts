import { serviceFor } from '../../src/services/cloud';
import { forgetDevOpenid } from '../../src/services/devIdentity';
import Taro, { programCloud, recorded, resetTaro } from './support/taro';

/**
 * The one client every page calls through. In WeChat it is `Taro.cloud.callFunction`; in the H5
 * preview it posts to the dev gateway as the shopper this tab acts as.
 */
const STORE = { storeId: 'S001', name: '悦衣库·静安嘉里店', city: '上海' };
/** The member function's raw caller, as a service wrapper gets it. */
const member = serviceFor('member', (call) => call);
const OPENID_KEY = 'styleclub.devOpenid';

let fetchMock: jest.Mock;
/** The gateway answers every post with `body` (as JSON) and `status`. */
function gatewayAnswers(body: unknown, status = 200) {
  fetchMock = jest.fn(async () => ({ status, ok: status < 400, json: async () => body }));
  globalThis.fetch = fetchMock as unknown as typeof fetch;
}
/** Opens the preview at `url` (path, query and hash), as a fresh tab would. */
function visit(url: string) {
  window.history.replaceState(null, '', url);
}
function sent(i = 0): { url: string; method: string; headers: Record<string, string>; body: unknown } {
  const [url, init] = fetchMock.mock.calls[i] as [string, RequestInit];
  return { url, method: String(init.method), headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) };
}

beforeEach(() => {
  resetTaro();
  localStorage.clear();
  sessionStorage.clear();
  forgetDevOpenid();
  visit('/');
});
afterEach(() => {
  delete process.env.TARO_ENV;
  delete (globalThis as { fetch?: unknown }).fetch;
});

describe('in the H5 preview the client posts to the dev gateway', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
    gatewayAnswers({ ok: true, data: STORE });
  });

  it('POST /api/fn/<name> with the action and its input as the JSON body, and answers the envelope', async () => {
    visit('/?openid=u1');
    await expect(member('store', { storeId: 'S001' })).resolves.toEqual({ ok: true, data: STORE });
    expect(sent()).toEqual({
      url: '/api/fn/member',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-openid': 'u1' },
      body: { action: 'store', storeId: 'S001' },
    });
    expect(recorded.cloudCalls).toEqual([]);
  });

  it('an action without input sends the action alone', async () => {
    await member('card');
    expect(sent().body).toEqual({ action: 'card' });
  });

  it('reads the envelope of a 400 too: a malformed request is the function’s answer, not a network failure', async () => {
    gatewayAnswers({ ok: false, error: { code: 'INVALID_INPUT', message: 'storeId looks like S001' } }, 400);
    await expect(member('store', { storeId: 'x' })).resolves.toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'storeId looks like S001' },
    });
  });
});

describe('which shopper the H5 preview acts as', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
    gatewayAnswers({ ok: true, data: {} });
  });
  const openidSent = async () => {
    await member('card');
    return sent(fetchMock.mock.calls.length - 1).headers['x-openid'];
  };

  it.each([
    ['?openid= in the page address', '/?openid=alice', 'alice'],
    ['?openid= in the hash route’s query', '/#/pages/card/index?openid=bob', 'bob'],
    ['letters, digits, _ and -', '/?openid=o6_bmjrPTlm6_2sgVt7hMZOPfL2M', 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M'],
    ['the address query before the hash query', '/?openid=alice#/pages/card/index?openid=bob', 'alice'],
    ['an invalid address query falls to the hash query', '/?openid=a%20b#/pages/me/index?openid=bob', 'bob'],
  ])('%s', async (_name, url, openid) => {
    visit(url);
    expect(await openidSent()).toBe(openid);
  });

  it.each([
    ['a space', 'a%20b'],
    ['markup', '%3Cscript%3E'],
    ['65 characters', 'a'.repeat(65)],
    ['nothing', ''],
  ])('an invalid ?openid= (%s) is ignored: the kept random id is used', async (_name, value) => {
    visit(`/?openid=${value}`);
    const openid = await openidSent();
    expect(openid).toMatch(/^dev-[0-9a-f]{16}$/);
    expect(localStorage.getItem(OPENID_KEY)).toBe(openid);
  });

  it('without ?openid= a random id is made once and kept in localStorage, across tabs', async () => {
    const first = await openidSent();
    expect(first).toMatch(/^dev-[0-9a-f]{16}$/);
    expect(await openidSent()).toBe(first);
    sessionStorage.clear(); // another tab of the same browser (a fresh page: nothing worked out yet)
    forgetDevOpenid();
    expect(await openidSent()).toBe(first);
  });

  it('a damaged kept id is replaced by a fresh random one', async () => {
    localStorage.setItem(OPENID_KEY, 'not valid!');
    const openid = await openidSent();
    expect(openid).toMatch(/^dev-[0-9a-f]{16}$/);
    expect(localStorage.getItem(OPENID_KEY)).toBe(openid);
  });

  it('a tab opened with ?openid= stays that shopper while it moves between pages', async () => {
    localStorage.setItem(OPENID_KEY, 'dev-0000000000000001');
    visit('/#/packages/join/index?openid=carol');
    expect(await openidSent()).toBe('carol');
    visit('/#/pages/card/index');
    expect(await openidSent()).toBe('carol');
    // the browser's own id is untouched: other tabs stay who they were
    expect(localStorage.getItem(OPENID_KEY)).toBe('dev-0000000000000001');
    sessionStorage.clear();
    forgetDevOpenid();
    expect(await openidSent()).toBe('dev-0000000000000001');
  });

  it('a new ?openid= in the same tab switches the shopper', async () => {
    visit('/?openid=alice');
    expect(await openidSent()).toBe('alice');
    visit('/?openid=dave');
    expect(await openidSent()).toBe('dave');
    visit('/');
    expect(await openidSent()).toBe('dave');
  });
});

describe('a call that never got a function’s answer is UNAVAILABLE, never a throw', () => {
  const unavailable = { ok: false, error: { code: 'UNAVAILABLE', message: expect.any(String) } };

  it.each<[string, unknown]>([
    ['an empty object', {}],
    ['ok without data', { ok: true }],
    ['a failure without a code', { ok: false, error: { message: 'boom' } }],
    ['a failure with a numeric code', { ok: false, error: { code: 500 } }],
    ['null', null],
    ['a string', 'Bad Gateway'],
    ['an array', [{ ok: true, data: {} }]],
  ])('H5: the gateway answers %s', async (_name, body) => {
    process.env.TARO_ENV = 'h5';
    gatewayAnswers(body);
    await expect(member('card')).resolves.toEqual(unavailable);
  });

  it('H5: the body is not JSON (a proxy’s error page)', async () => {
    process.env.TARO_ENV = 'h5';
    fetchMock = jest.fn(async () => ({ status: 502, ok: false, json: async () => JSON.parse('<html>') }));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    await expect(member('card')).resolves.toEqual(unavailable);
  });

  it('H5: the network fails', async () => {
    process.env.TARO_ENV = 'h5';
    globalThis.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(member('card')).resolves.toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'Failed to fetch' } });
  });

  it.each<[string, () => unknown]>([
    ['the function is not deployed', () => {
      throw new Error('cloud.callFunction:fail -501000 FunctionName parameter could not be found');
    }],
    ['the function answers nothing', () => undefined],
    ['the function answers a bare value', () => 'ok'],
  ])('WeChat: %s', async (_name, handler) => {
    programCloud(handler);
    await expect(member('card')).resolves.toEqual(unavailable);
  });
});

describe('in WeChat the client calls the cloud function itself', () => {
  it.each<[string, string | undefined]>([
    ['the weapp build', 'weapp'],
    ['no platform set', undefined],
  ])('%s: Taro.cloud.callFunction({ name, data: { action, ...input } }), answering its result', async (_name, env) => {
    if (env) process.env.TARO_ENV = env;
    globalThis.fetch = jest.fn() as unknown as typeof fetch;
    const callFunction = jest.spyOn(Taro.cloud, 'callFunction');
    programCloud(() => ({ ok: true, data: STORE }));

    await expect(member('store', { storeId: 'S001' })).resolves.toEqual({ ok: true, data: STORE });
    expect(callFunction.mock.calls).toEqual([[{ name: 'member', data: { action: 'store', storeId: 'S001' } }]]);
    expect(globalThis.fetch).not.toHaveBeenCalled();
    callFunction.mockRestore();
  });

  it('an expected failure comes back as the function said it', async () => {
    const failure = { ok: false, error: { code: 'NOT_MEMBER', message: 'join first' } };
    programCloud(() => failure);
    await expect(member('card')).resolves.toEqual(failure);
  });
});
