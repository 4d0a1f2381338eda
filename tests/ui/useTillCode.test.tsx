import { act, renderHook } from '@testing-library/react';
import type { ErrorCode } from '../../cloudfunctions/contract';
import { REFRESH_AHEAD_SECONDS, type TillCode, useTillCode } from '../../src/services/useTillCode';
import { programCloud, recorded, resetTaro } from './support/taro';

/**
 * The till code on the card page, driven by a fake clock and a cloud whose answers the test hands
 * out one by one: every `member.code` call waits until the test answers it.
 */
const CODES = ['660000000000000001', '660000000000000002', '660000000000000003', '660000000000000004'];
let waiting: Array<(result: unknown) => void> = [];

const issued = (code: string, ttlSeconds = 60) => ({
  ok: true,
  data: { code, ttlSeconds, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() },
});
const failed = (code: ErrorCode) => ({ ok: false, error: { code, message: `${code} from the function` } });

/** Lets the promises of an answered call run to the end, inside act. */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
  });
}
/** Answers the oldest call still waiting. */
async function answer(result: unknown) {
  const next = waiting.shift();
  if (!next) throw new Error('no member.code call is waiting for an answer');
  next(result);
  await settle();
}
/** Lets the clock run, firing the hook's timers on the way. */
async function wait(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}
const calls = () => recorded.cloudCalls.length;

function mount(active = true) {
  const seen: TillCode[] = [];
  const hook = renderHook(({ on }) => useTillCode(on), { initialProps: { on: active } });
  const state = () => hook.result.current.state;
  // every state the card page was asked to draw, for "never showed X" checks
  const track = () => seen.push(state());
  return { ...hook, state, seen, track, setActive: (on: boolean) => hook.rerender({ on }) };
}

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2026-11-25T02:00:00Z') });
  resetTaro();
  delete process.env.TARO_ENV;
  waiting = [];
  programCloud(() => new Promise((resolve) => waiting.push(resolve)));
});
afterEach(() => {
  jest.useRealTimers();
});

describe('the till code is fetched as soon as the card is on screen', () => {
  it('asks member.code once, at once, and shows loading until the answer', async () => {
    const { state } = mount();
    expect(recorded.cloudCalls).toEqual([{ name: 'member', data: { action: 'code' } }]);
    expect(state().status).toBe('loading');
    await answer(issued(CODES[0]!));
    expect(state()).toEqual({ status: 'live', code: CODES[0], secondsLeft: 60, refreshing: false, refreshError: null });
  });

  it('asks nothing while the card is not on screen', async () => {
    mount(false);
    await wait(120_000);
    expect(calls()).toBe(0);
  });
});

describe('the countdown', () => {
  it.each([60, 45, 30])('starts from the ttlSeconds of the answer (%s) and drops by one each second', async (ttl) => {
    const { state } = mount();
    await answer(issued(CODES[0]!, ttl));
    expect(state()).toMatchObject({ status: 'live', secondsLeft: ttl });
    await wait(1000);
    expect(state()).toMatchObject({ status: 'live', secondsLeft: ttl - 1 });
    await wait(5000);
    expect(state()).toMatchObject({ status: 'live', secondsLeft: ttl - 6 });
  });

  it('counts from when the request was sent, so a slow answer shows what is really left', async () => {
    const { state } = mount();
    await wait(2500);
    await answer(issued(CODES[0]!, 60));
    expect(state()).toMatchObject({ status: 'live', secondsLeft: 58 });
  });
});

describe('a new code arrives before the old one dies', () => {
  it(`fetches the next code ${REFRESH_AHEAD_SECONDS} s before expiry and never shows the code as expired`, async () => {
    const { state, seen, track } = mount();
    await answer(issued(CODES[0]!, 60));
    for (let s = 1; s < 60 - REFRESH_AHEAD_SECONDS; s += 1) {
      await wait(1000);
      track();
    }
    expect(calls()).toBe(1);
    expect(state()).toMatchObject({ secondsLeft: REFRESH_AHEAD_SECONDS + 1 });

    await wait(1000);
    expect(calls()).toBe(2);
    expect(state()).toEqual({ status: 'live', code: CODES[0], secondsLeft: REFRESH_AHEAD_SECONDS, refreshing: true, refreshError: null });
    await wait(2000);
    track();
    // the answer took 2 s: the new code's minute started when it was asked for
    await answer(issued(CODES[1]!, 60));
    track();
    expect(state()).toEqual({ status: 'live', code: CODES[1], secondsLeft: 58, refreshing: false, refreshError: null });
    expect(seen.map((s) => s.status)).not.toContain('expired');
  });

  it('a failed refresh keeps the old code live, says so, and tries again after 3 s', async () => {
    const { state } = mount();
    await answer(issued(CODES[0]!, 60));
    await wait((60 - REFRESH_AHEAD_SECONDS) * 1000);
    expect(calls()).toBe(2);
    await answer(failed('UNAVAILABLE'));
    expect(state()).toMatchObject({ status: 'live', code: CODES[0], secondsLeft: REFRESH_AHEAD_SECONDS, refreshError: { code: 'UNAVAILABLE' } });

    await wait(2000);
    expect(calls()).toBe(2);
    await wait(1000);
    expect(calls()).toBe(3);
    await answer(issued(CODES[1]!, 60));
    expect(state()).toEqual({ status: 'live', code: CODES[1], secondsLeft: 60, refreshing: false, refreshError: null });
  });

  it('shows the code as expired when every refresh fails until its deadline, and live again once one succeeds', async () => {
    const { state } = mount();
    await answer(issued(CODES[0]!, 60));
    await wait((60 - REFRESH_AHEAD_SECONDS) * 1000);
    // the refresh at 50 s and the retries at 53, 56 and 59 s all fail
    expect(calls()).toBe(2);
    await answer(failed('UNAVAILABLE'));
    for (const retries of [1, 2, 3]) {
      await wait(3000);
      expect(calls()).toBe(2 + retries);
      await answer(failed('UNAVAILABLE'));
    }
    expect(state()).toMatchObject({ status: 'live', code: CODES[0], secondsLeft: 1 });
    await wait(1000);
    expect(state()).toEqual({ status: 'expired', code: CODES[0], refreshing: false, error: expect.objectContaining({ code: 'UNAVAILABLE' }) });

    await wait(2000);
    expect(state()).toMatchObject({ status: 'expired', refreshing: true });
    await answer(issued(CODES[1]!, 60));
    expect(state()).toMatchObject({ status: 'live', code: CODES[1], secondsLeft: 60 });
  });
});

describe('which failures are retried on their own', () => {
  it.each<[ErrorCode, boolean]>([
    ['UNAVAILABLE', true],
    ['INTERNAL', true],
    ['NOT_MEMBER', false],
    ['UNAUTHENTICATED', false],
    ['FORBIDDEN', false],
  ])('%s: retried automatically → %s', async (code, retried) => {
    const { state, result } = mount();
    await answer(failed(code));
    expect(state()).toMatchObject({ status: 'error', error: { code }, refreshing: false });
    await wait(30_000);
    expect(calls()).toBe(retried ? 2 : 1);
    if (retried) return;

    // a tap always asks again, starting afresh
    act(() => result.current.refresh());
    expect(calls()).toBe(2);
    expect(state()).toEqual({ status: 'loading' });
    await answer(issued(CODES[0]!));
    expect(state()).toMatchObject({ status: 'live', code: CODES[0] });
  });
});

describe('the card page hides and shows again', () => {
  it('asks nothing while hidden, however long', async () => {
    const { setActive } = mount();
    await answer(issued(CODES[0]!, 60));
    setActive(false);
    await wait(10 * 60_000);
    expect(calls()).toBe(1);
  });

  it('fetches at once on showing again when the held code is due', async () => {
    const { setActive, state } = mount();
    await answer(issued(CODES[0]!, 60));
    setActive(false);
    await wait(120_000);
    setActive(true);
    expect(calls()).toBe(2);
    await answer(issued(CODES[1]!, 60));
    expect(state()).toMatchObject({ status: 'live', code: CODES[1], secondsLeft: 60 });
  });

  it('keeps the held code on showing again when it still has time, with the right seconds left', async () => {
    const { setActive, state } = mount();
    await answer(issued(CODES[0]!, 60));
    setActive(false);
    await wait(20_000);
    setActive(true);
    expect(calls()).toBe(1);
    expect(state()).toMatchObject({ status: 'live', code: CODES[0], secondsLeft: 40 });
  });

  it('an answer that lands while hidden is kept for when the page shows again', async () => {
    const { setActive, state } = mount();
    setActive(false);
    await answer(issued(CODES[0]!, 60));
    await wait(5000);
    setActive(true);
    expect(calls()).toBe(1);
    expect(state()).toMatchObject({ status: 'live', code: CODES[0], secondsLeft: 55 });
  });
});

describe('never two requests at once', () => {
  it('taps and timers while a request is on its way send nothing more', async () => {
    const { result } = mount();
    act(() => {
      result.current.refresh();
      result.current.refresh();
    });
    await wait(30_000);
    expect(calls()).toBe(1);

    await answer(issued(CODES[0]!, 60));
    act(() => {
      result.current.refresh();
      result.current.refresh();
    });
    expect(calls()).toBe(2);
    expect(result.current.state).toMatchObject({ status: 'live', code: CODES[0], refreshing: true });
    await answer(issued(CODES[1]!, 60));
    expect(result.current.state).toMatchObject({ status: 'live', code: CODES[1], refreshing: false });
  });

  it('hiding and showing while a request is on its way does not send a second one', async () => {
    const { setActive } = mount();
    setActive(false);
    setActive(true);
    await wait(5000);
    expect(calls()).toBe(1);
  });
});
