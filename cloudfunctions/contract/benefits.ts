import { benefitsBookingContract } from './benefitsBooking';
import { benefitsCocreationContract } from './benefitsCocreation';
import { benefitsEventsContract } from './benefitsEvents';

/** The tier benefits that are services (issue 18): stylist 1v1 booking, private events, new-product co-creation — the member's side and the staff's. */
export const benefitsContract = {
  ...benefitsBookingContract,
  ...benefitsEventsContract,
  ...benefitsCocreationContract,
} as const;
