import type { benefitsBookingContract } from '../../contract/benefitsBooking';
import type { Handlers } from '../../platform/handler';
import { bookingChangeHandlers } from './bookingChange';
import { bookingMemberHandlers } from './bookingMember';
import { bookingStaffHandlers } from './bookingStaff';

/** Stylist 1v1 booking: the member's options, book, my bookings, cancel and move; the stylist's slots, day list and visits. */
export const bookingHandlers: Handlers<typeof benefitsBookingContract> = {
  ...bookingMemberHandlers,
  ...bookingChangeHandlers,
  ...bookingStaffHandlers,
};
