import { shopTime } from '../../../time';
import { BOOKING } from '../booking';
import type { BookingFacts, BookingRule } from './rule';

/** Two no-shows within 90 days pause booking for 30 days from the second; null when not paused now. */
export function pausedUntil(noShows: Date[], now: Date): Date | null {
  const times = noShows.map((d) => d.getTime()).sort((a, b) => a - b);
  let until = 0;
  for (let i = 1; i < times.length; i++) {
    if (times[i]! - times[i - 1]! <= BOOKING.noShowWindowMs) until = Math.max(until, times[i]! + BOOKING.pauseMs);
  }
  return until > now.getTime() ? new Date(until) : null;
}

export const pauseText = (until: Date) => `因 90 天内两次未到店，预约暂停至 ${shopTime(until).format('M月D日')}`;

export const noShowPause: BookingRule = {
  code: 'pause',
  check(f: BookingFacts) {
    const until = pausedUntil(f.noShows, f.now);
    return until ? { code: 'NOT_CLAIMABLE', message: pauseText(until) } : null;
  },
};
