/** The one clock. Production reads the system time; tests and the dev server inject their own. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

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
