import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../cloudfunctions/contract';
import { hexToBytes, offlineCodeAt, stepAt, stepBounds } from '../../cloudfunctions/contract/tillCode';
import { forgetCard, type HeldDevice, heldDevice, saveDevice } from './cardStore';
import { memberApi } from './member';

/** A held secret older than this is replaced on the next show (it would work for 7 days; a fresh one keeps a lost phone's window short). */
export const RENEW_AFTER_MS = 24 * 60 * 60 * 1000;

export type TillCode =
  /** no secret on the phone yet: the first one is on its way */
  | { status: 'loading' }
  /** the code of this 30-second step, computed on the phone */
  | { status: 'live'; code: string; secondsLeft: number; stepSeconds: number }
  /** the secret ran out (rotateBy) or none could be had without a network: one online moment fixes it */
  | { status: 'needsNetwork'; asking: boolean }
  /** no secret, and the server said why (not the network) */
  | { status: 'error'; error: AppError; asking: boolean };

/** The server's time now, as the phone reckons it from the offset measured when the secret came. */
export const serverNow = (device: Pick<HeldDevice, 'offsetMs'>, phoneNow: number) => phoneNow + device.offsetMs;

type StepCode = (device: HeldDevice, secret: Uint8Array, step: number) => string;

const computeStepCode: StepCode = (device, secret, step) => offlineCodeAt({ handle: device.handle, secret }, step);

/**
 * The code of a step, computed once per step: the card renders many times while it opens and
 * every second for the countdown, and each code is an HMAC (the slowest part of a render on a
 * throttled phone).
 */
export function stepCodeOnce(): StepCode {
  let last: { secret: Uint8Array; handle: string; step: number; code: string } | null = null;
  return (device, secret, step) => {
    if (last && last.secret === secret && last.handle === device.handle && last.step === step) return last.code;
    const code = computeStepCode(device, secret, step);
    last = { secret, handle: device.handle, step, code };
    return code;
  };
}

/** The code a held secret shows at a phone time, or null once the secret has run out. */
export function codeAt(device: HeldDevice, secret: Uint8Array, phoneNow: number, stepCode: StepCode = computeStepCode): { code: string; secondsLeft: number } | null {
  const at = serverNow(device, phoneNow);
  if (at >= Date.parse(device.rotateBy)) return null;
  const step = stepAt(at);
  return { code: stepCode(device, secret, step), secondsLeft: Math.max(1, Math.ceil((stepBounds(step).endMs - at) / 1000)) };
}

/**
 * The member's till code while `active` (the card page is on screen), computed on the phone from
 * the device secret in storage: on screen at the first render, with no request, with or without
 * signal; a new code every 30-second step. A new secret is asked for once per open (after the
 * first paint, never holding the code up), again on a show when the held one is a day old, and on
 * `refresh()` (a retry, the network coming back). NOT_MEMBER forgets everything the card kept.
 */
export function useTillCode(active: boolean, now: () => number = Date.now) {
  const [device, setDevice] = useState<HeldDevice | null>(heldDevice);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [notMember, setNotMember] = useState(false);
  const [, setTick] = useState(0);
  const inFlight = useRef(false);
  const askedThisOpen = useRef(false);
  const secret = useMemo(() => (device ? hexToBytes(device.secret) : null), [device?.secret]);
  const stepCode = useMemo(stepCodeOnce, []);

  const ask = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    askedThisOpen.current = true;
    setAsking(true);
    const sentAt = now();
    const answer = await memberApi.device();
    inFlight.current = false;
    setAsking(false);
    if (answer.ok) {
      setDevice(saveDevice(answer.data, sentAt, now()));
      setProblem(null);
    } else if (answer.error.code === 'NOT_MEMBER') {
      forgetCard();
      setDevice(null);
      setNotMember(true);
    } else {
      setProblem(answer.error);
    }
  }, [now]);

  // a show: the first of this open asks for a fresh secret, later ones only when the held one is a day old;
  // a tick after the first paint, so the code from storage is on screen before any request
  useEffect(() => {
    if (!active) return undefined;
    const stale = !device || serverNow(device, now()) - Date.parse(device.issuedAt) > RENEW_AFTER_MS;
    if (askedThisOpen.current && !stale) return undefined;
    const timer = setTimeout(() => void ask(), 0);
    return () => clearTimeout(timer);
  }, [active]);

  // a new code every step: redraw each second for the countdown
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [active]);

  const live = device && secret ? codeAt(device, secret, now(), stepCode) : null;
  let state: TillCode;
  if (live && device) state = { status: 'live', ...live, stepSeconds: device.stepSeconds };
  else if (device || problem?.code === 'UNAVAILABLE') state = { status: 'needsNetwork', asking };
  else if (problem) state = { status: 'error', error: problem, asking };
  else state = { status: 'loading' };

  const refresh = useCallback(() => void ask(), [ask]);
  return { state, refresh, notMember, device };
}
