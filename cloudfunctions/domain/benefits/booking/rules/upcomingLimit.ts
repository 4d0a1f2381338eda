import { BOOKING } from '../booking';
import type { BookingRule } from './rule';

/** At most two upcoming bookings (the seats decide a race; this says it plainly beforehand). */
export const upcomingLimit: BookingRule = {
  code: 'upcoming',
  check(f) {
    return f.upcoming >= BOOKING.maxUpcoming ? { code: 'LIMIT_REACHED', message: `最多同时保留 ${BOOKING.maxUpcoming} 个预约，完成或取消一个后再约` } : null;
  },
};
