import type { AppError, ErrorCode } from './errors';

/** Every function answers with this envelope. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** What domain rules and data code return for an expected failure (never thrown). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failure = (code: ErrorCode, message: string): { ok: false; error: AppError } => ({
  ok: false,
  error: { code, message },
});
