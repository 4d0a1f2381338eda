import { act, render, waitFor } from '@testing-library/react';
import { deviceAnswer, expectedCode, holdDevice, KEY } from './support/card';
import { CARD, fail, ok, programMember } from './support/member';
import { recorded, resetTaro, storage } from './support/taro';
import { stepCodeOnce, type TillCode, useTillCode } from '../../src/services/useTillCode';
import { hexToBytes } from '../../cloudfunctions/contract/tillCode';
import { heldDevice } from '../../src/services/cardStore';

const T0 = Date.parse('2026-12-06T06:05:10.000Z'); // 10 s into a 30-second step

let latest: { state: TillCode; refresh: () => void; notMember: boolean } = null as never;
function Probe({ active = true }: { active?: boolean }) {
  latest = useTillCode(active);
  return <span data-code={latest.state.status === 'live' ? latest.state.code : ''} />;
}
const deviceAsks = () => recorded.cloudCalls.filter((c) => c.data.action === 'device').length;

beforeEach(() => {
  resetTaro();
  jest.useFakeTimers({ now: T0, doNotFake: ['queueMicrotask', 'nextTick'] });
});
afterEach(() => jest.useRealTimers());

describe('the till code is computed on the phone from the device secret it holds', () => {
  it('shows the code of this 30-second step at the first render, before any request', () => {
    holdDevice({ issuedAt: T0 - 3_600_000 });
    programMember({ device: ok(deviceAnswer(T0)) });
    const { container } = render(<Probe />);
    expect(container.querySelector('[data-code]')?.getAttribute('data-code')).toBe(expectedCode(T0));
    expect(latest.state).toMatchObject({ status: 'live', secondsLeft: 20, stepSeconds: 30 });
    expect(recorded.cloudCalls).toEqual([]);
  });

  it('uses the server’s clock: a phone 45 s slow shows the code of the server’s step', () => {
    holdDevice({ issuedAt: T0 - 3_600_000, offsetMs: 45_000 });
    const { container } = render(<Probe />);
    expect(container.querySelector('[data-code]')?.getAttribute('data-code')).toBe(expectedCode(T0 + 45_000));
    expect(expectedCode(T0 + 45_000)).not.toBe(expectedCode(T0));
  });

  it('changes the code when the step turns, with no request', async () => {
    holdDevice({ issuedAt: T0 - 3_600_000 });
    programMember({ device: ok(deviceAnswer(T0)) });
    const { container } = render(<Probe />);
    await act(async () => jest.advanceTimersByTime(1));
    const asked = recorded.cloudCalls.length;
    const first = container.querySelector('[data-code]')?.getAttribute('data-code');
    await act(async () => jest.advanceTimersByTime(20_000));
    const second = container.querySelector('[data-code]')?.getAttribute('data-code');
    expect(second).not.toBe(first);
    expect(second).toBe(expectedCode(T0 + 20_000));
    expect(latest.state).toMatchObject({ status: 'live', secondsLeft: 30 });
    expect(recorded.cloudCalls.length).toBe(asked);
  });
});

describe('each step’s code is worked out once, however often the card renders', () => {
  it('the same step answers the code it worked out; the next step, a new secret or a new handle work it out again', () => {
    holdDevice({ issuedAt: T0 - 3_600_000 });
    const device = heldDevice()!;
    const secret = hexToBytes(device.secret);
    const stepCode = stepCodeOnce();
    const step = Math.floor(T0 / 30_000);
    const first = stepCode(device, secret, step);
    expect(first).toBe(expectedCode(T0));
    // the answer is the remembered one: a secret changed in place would not show (a new secret is a new array)
    secret.fill(0);
    expect(stepCode(device, secret, step)).toBe(first);
    expect(stepCode(device, secret, step + 1)).not.toBe(expectedCode(T0 + 30_000));
    const fresh = hexToBytes(device.secret);
    expect(stepCode(device, fresh, step + 1)).toBe(expectedCode(T0 + 30_000));
    expect(stepCode({ ...device, handle: '87654321' }, fresh, step + 1)).toMatch(/^6787654321\d{8}$/);
  });
});

describe('a fresh secret is asked for once per open, never holding the code up', () => {
  it('asks member.device after the first render and keeps the answer with the clock offset it measured', async () => {
    holdDevice({ issuedAt: T0 - 3_600_000 });
    // the server's clock is 30 s ahead of the phone's
    programMember({ device: ok(deviceAnswer(T0 + 30_000, { handle: '87654321' })) });
    render(<Probe />);
    await waitFor(() => expect(deviceAsks()).toBe(1));
    await waitFor(() => expect((storage.get(KEY.device) as { handle: string }).handle).toBe('87654321'));
    // measured against the middle of the round trip (waitFor moves the fake clock a little meanwhile)
    expect(Math.abs((storage.get(KEY.device) as { offsetMs: number }).offsetMs - 30_000)).toBeLessThan(500);
    await waitFor(() => expect(latest.state).toMatchObject({ status: 'live', code: expectedCode(T0 + 30_000, '87654321') }));
  });

  it('with nothing held, shows it is making the code, then the code', async () => {
    programMember({ device: ok(deviceAnswer(T0)) });
    render(<Probe />);
    expect(latest.state.status).toBe('loading');
    await waitFor(() => expect(latest.state).toMatchObject({ status: 'live', code: expectedCode(T0) }));
  });

  it('a failed ask keeps the held code on screen', async () => {
    holdDevice({ issuedAt: T0 - 3_600_000 });
    programMember({ device: fail('UNAVAILABLE') });
    render(<Probe />);
    await waitFor(() => expect(deviceAsks()).toBe(1));
    await act(async () => jest.advanceTimersByTime(1000));
    expect(latest.state).toMatchObject({ status: 'live', code: expectedCode(T0 + 1000) });
  });
});

describe('without signal past the secret’s rotateBy', () => {
  it('says it needs the network once, and a retry brings a code back', async () => {
    holdDevice({ issuedAt: T0 - 8 * 86_400_000, rotateBy: T0 - 86_400_000 });
    let online = false;
    programMember({ device: () => (online ? ok(deviceAnswer(T0)) : fail('UNAVAILABLE')) });
    render(<Probe />);
    expect(latest.state.status).toBe('needsNetwork');
    await waitFor(() => expect(deviceAsks()).toBe(1));
    expect(latest.state).toEqual({ status: 'needsNetwork', asking: false });
    online = true;
    act(() => latest.refresh());
    await waitFor(() => expect(latest.state).toMatchObject({ status: 'live', code: expectedCode(T0) }));
  });
});

describe('a shopper who is no member (left on another device)', () => {
  it('NOT_MEMBER forgets the secret and the card kept on the phone', async () => {
    holdDevice({ issuedAt: T0 - 3_600_000 });
    storage.set(KEY.card, { card: CARD, savedAt: T0 });
    programMember({ device: fail('NOT_MEMBER') });
    render(<Probe />);
    await waitFor(() => expect(latest.notMember).toBe(true));
    expect(storage.has(KEY.device)).toBe(false);
    expect(storage.has(KEY.card)).toBe(false);
  });
});
