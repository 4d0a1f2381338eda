import type { benefitsBookingContract } from '../../contract/benefitsBooking';
import type { Handlers } from '../../platform/handler';

export const bookingHandlers: Handlers<typeof benefitsBookingContract> = {};
