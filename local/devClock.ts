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

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO-8601 instant with an explicit offset ("Z" or "+08:00"), a real calendar date and a year
 * the product can live in (2000–2099); null for anything else (no silent roll-over of 02-30).
 */
export function parseInstant(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const m = INSTANT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  const offsetMin = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  if (m[8] !== 'Z' && (Number(m[10]) > 14 || Number(m[11]) > 59)) return null;
  if (year < 2000 || year > 2099 || hour > 23 || minute > 59 || second > 59 || Math.abs(offsetMin) > 14 * 60) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(wall - offsetMin * 60_000);
}
