/**
 * The one closed set of error codes every function answers with.
 * Expected failures are values carrying one of these; the app maps each code to Chinese text.
 */
export const ERROR_CODES = [
  'INVALID_INPUT', // the request does not match the contract (shape, type, size, unknown field)
  'UNAUTHENTICATED', // no caller identity in the cloud context
  'NOT_MEMBER', // the caller has not joined the programme yet
  'FORBIDDEN', // the caller may not do this (e.g. not store staff)
  'NOT_FOUND', // the thing named does not exist (e.g. a route of the dev gateway)
  'OUT_OF_STOCK',
  'LIMIT_REACHED', // a per-member or per-period limit is used up
  'NOT_CLAIMABLE',
  'INSUFFICIENT_POINTS',
  'CODE_EXPIRED', // a member code that is expired, used, retired or unknown
  'CONFLICT', // the same key was used before with a different request
  'INTERNAL', // a bug: nothing about it is leaked to the caller
  'UNAVAILABLE', // the call did not reach a function or no answer came back (network, timeout): safe to retry
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
