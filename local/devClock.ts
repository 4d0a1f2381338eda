import type { Clock } from '../cloudfunctions/platform/clock';

/** The dev server's clock: real time, or real time shifted to start from a chosen instant. */
export class DevClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on time runs from `instant`; null goes back to real time. */
  set(instant: Date | null): void {
    this.offsetMs = instant ? instant.getTime() - Date.now() : 0;
  }

  isShifted(): boolean {
    return this.offsetMs !== 0;
  }
}

export { parseInstant } from '../cloudfunctions/contract/formats';
