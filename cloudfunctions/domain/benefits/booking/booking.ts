/** A stylist's 1v1 slot at a store: one booking at most, taken by a conditional update of `bookingId`. */
export interface BookingSlot {
  /** `<storeId>-<YYYYMMDDHHmm>-<stylist key>` */
  _id: string;
  storeId: string;
  stylistId: string;
  stylistName: string;
  /** shop day "YYYYMMDD" */
  day: string;
  startAt: Date;
  endAt: Date;
  /** the booking holding it, null while free */
  bookingId: string | null;
  createdAt: Date;
}

export type BookingState = 'booked' | 'cancelled' | 'done' | 'noShow';
export type CancelledBy = 'member' | 'brand';

/** A member's booking, keyed `<memberId>:<requestId>` so a retried book writes nothing twice. */
export interface Booking {
  _id: string;
  memberId: string;
  storeId: string;
  slotId: string;
  /** the slot the request booked (slotId moves with the booking; this tells a retried request from a new one under a used id) */
  bookedSlotId?: string;
  stylistId: string;
  stylistName: string;
  startAt: Date;
  endAt: Date;
  scene: string;
  budgetFen: number | null;
  pieceIds: string[];
  note: string | null;
  state: BookingState;
  createdAt: Date;
  cancelledBy: CancelledBy | null;
  cancelReason: string | null;
  endedAt: Date | null;
}

/** One of a member's two upcoming-booking seats (`<memberId>:1|2`): holding one is holding a booking. */
export interface BookingSeat {
  _id: string;
  memberId: string;
  bookingId: string;
  startAt: Date;
}

export const BOOKING = {
  /** upcoming bookings a member may hold at once (the seats) */
  maxUpcoming: 2,
  /** cancel or move until this long before the start */
  changeBeforeMs: 2 * 3_600_000,
  noShowWindowMs: 90 * 86_400_000,
  pauseMs: 30 * 86_400_000,
  /** how far ahead slots are published and shown */
  daysAhead: 14,
  /** a visit may be marked from this long before the start */
  markFromMs: 30 * 60_000,
  /** 未到店 only once the member is this late: marked early, it would pause a member who is on the way */
  noShowAfterMs: 15 * 60_000,
} as const;

/** The first moment a slot may still be booked or moved into: after it, it could no longer be cancelled or moved online. */
export const bookableFrom = (now: Date) => new Date(now.getTime() + BOOKING.changeBeforeMs);

export const TIER_LOST_REASON = '因会员等级调整，你的预约已取消';

export const seatIds = (memberId: string) => Array.from({ length: BOOKING.maxUpcoming }, (_, i) => `${memberId}:${i + 1}`);
/** Whether a request under a used request id asks for the booking that id made (a retry), not another one. */
export function sameRequest(b: Booking, req: { slotId: string; scene: string; budget?: number; note?: string; pieces?: string[] }): boolean {
  return (
    (b.bookedSlotId ?? b.slotId) === req.slotId &&
    b.scene === req.scene &&
    b.budgetFen === (req.budget ?? null) &&
    b.note === (req.note || null) &&
    [...new Set(req.pieces ?? [])].join() === b.pieceIds.join()
  );
}

export const bookingIdOf = (memberId: string, requestId: string) => `${memberId}:${requestId}`;
