import { SALES_WINDOW_DAYS } from './event';

/** An order as the figures count it. */
export interface AttendeeOrder {
  memberId: string;
  paidAt: Date;
  amountFen: number;
  refundedFen: number;
}

/**
 * Sales to attendees: orders of members checked in, paid from the event's start for 7 days, net of
 * refunds (fen). A member who signed up but did not come is not an attendee.
 */
export function attendeeSales(orders: readonly AttendeeOrder[], attendees: ReadonlySet<string>, startsAt: Date) {
  const until = startsAt.getTime() + SALES_WINDOW_DAYS * 86_400_000;
  const counted = orders.filter((o) => attendees.has(o.memberId) && o.paidAt.getTime() >= startsAt.getTime() && o.paidAt.getTime() < until);
  return {
    salesFen: counted.reduce((sum, o) => sum + o.amountFen - o.refundedFen, 0),
    orders: counted.length,
    buyers: new Set(counted.map((o) => o.memberId)).size,
  };
}

/** The window the sales count in: [start, start + 7 days). */
export const salesWindow = (startsAt: Date) => ({ from: startsAt, until: new Date(startsAt.getTime() + SALES_WINDOW_DAYS * 86_400_000) });
