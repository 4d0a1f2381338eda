/**
 * The wrong-guess limit: who resolves member codes (a signed till, a clerk) may send only so many
 * codes that name nothing (unknown, wrong password, long past) in one minute; beyond it every
 * code from that caller is refused for the rest of the minute, right ones too, so guessing gets
 * nowhere (README "The offline till code": the figures).
 */

/**
 * Per store (all its tills) per minute. A till sends a wrong code when a scan is misread or a
 * clerk types one in by hand: a few a minute at a busy store; 10 leaves room for that, and bounds
 * a compromised till to 14,400 tries a day.
 */
export const TILL_WRONG_CODES_PER_MINUTE = 10;
/** Per clerk per minute: a person typing codes in makes a slip or two; 5 bounds a clerk's account to 7,200 tries a day. */
export const CLERK_WRONG_CODES_PER_MINUTE = 5;

export type CodeGuesser = { kind: 'till'; storeId: string } | { kind: 'clerk'; openid: string };

/** The minute an instant falls in (unix minutes): counters are per calendar minute, a new one starts afresh. */
export function guessMinute(now: Date): number {
  return Math.floor(now.getTime() / 60_000);
}

/** When the minute of `now` began: the counter keeps it, and the sweep removes old counters by it. */
export function guessMinuteStart(now: Date): Date {
  return new Date(guessMinute(now) * 60_000);
}

/** The counter document of a guesser's minute: one per (who, minute), so a new minute starts at zero. */
export function guessCounterId(g: CodeGuesser, now: Date): string {
  return g.kind === 'till' ? `till:${g.storeId}:${guessMinute(now)}` : `clerk:${g.openid}:${guessMinute(now)}`;
}

/** How many codes that name nobody the caller may have looked at in a minute (data/codeGuesses takes a slot below it before each look). */
export function wrongCodeLimit(g: CodeGuesser): number {
  return g.kind === 'till' ? TILL_WRONG_CODES_PER_MINUTE : CLERK_WRONG_CODES_PER_MINUTE;
}

export const GUESS_LIMIT_MESSAGE = 'too many wrong member codes this minute: wait for the next minute';
