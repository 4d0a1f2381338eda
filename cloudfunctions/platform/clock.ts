/** The one clock. Production reads the system time; tests and the dev server inject their own. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Where the local cloud puts its clock so that every copy of the functions (the sources, or the
 * bundles in dist-functions/, each with its own copy of this module) tells the same time.
 */
const FUNCTION_CLOCK = Symbol.for('styleclub.functionClock');
type ClockHolder = { [FUNCTION_CLOCK]?: Clock };

/** The clock the functions run on: the system's, unless a local cloud installed its own. */
export function functionClock(): Clock {
  return (globalThis as ClockHolder)[FUNCTION_CLOCK] ?? systemClock;
}

/** Local cloud only: make the functions run on this clock (null: the system's again). */
export function setFunctionClock(clock: Clock | null): void {
  if (clock) (globalThis as ClockHolder)[FUNCTION_CLOCK] = clock;
  else delete (globalThis as ClockHolder)[FUNCTION_CLOCK];
}

/** A clock that starts at a given instant and moves only when told (tests). */
export class ManualClock implements Clock {
  private at: number;
  constructor(start: Date | string) {
    this.at = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.at);
  }
  set(instant: Date | string): void {
    this.at = new Date(instant).getTime();
  }
  advance(ms: number): void {
    this.at += ms;
  }
}
