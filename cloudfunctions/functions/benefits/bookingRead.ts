import { failure, type Outcome, success } from '../../contract';
import type { BookingView } from '../../contract/benefitsBooking';
import { bookingsOfMemberSince } from '../../data/bookings';
import { findMemberByOpenid } from '../../data/members';
import { storesById } from '../../data/stores';
import { wardrobeOf } from '../../data/wardrobe';
import { BOOKING, type Booking } from '../../domain/benefits/booking/booking';
import { bookingFacts } from '../../domain/benefits/booking/eligibility';
import type { BookingFacts } from '../../domain/benefits/booking/rules/rule';
import { bookingView, type PieceInfo } from '../../domain/benefits/booking/views';
import { type Member, tierRecordOf } from '../../domain/member';
import { figuresAsOf } from '../../domain/standing';
import { nextTierRoute } from '../../domain/tierRules/nextTier';
import type { Database } from '../../platform/cloud';
import type { ActionContext } from '../../platform/handler';

/** How far back bookings count: a no-show 90 days back still pauses for 30 days after it. */
const LOOK_BACK_MS = BOOKING.noShowWindowMs + BOOKING.pauseMs;

export interface MemberBookings {
  member: Member;
  bookings: Booking[];
  facts(slot?: BookingFacts['slot']): BookingFacts;
}

/** The calling member and their bookings of the last 120 days and ahead (NOT_MEMBER for anyone else). */
export async function memberBookings(ctx: ActionContext): Promise<Outcome<MemberBookings>> {
  const member = await findMemberByOpenid(ctx.db, ctx.openid);
  if (!member) return failure('NOT_MEMBER', 'join the programme first');
  const bookings = await bookingsOfMemberSince(ctx.db, member._id, new Date(ctx.now.getTime() - LOOK_BACK_MS));
  const next = nextTierRoute(member.tier, figuresAsOf(tierRecordOf(member), ctx.now));
  return success({ member, bookings, facts: (slot = null) => bookingFacts(member, next?.text ?? null, bookings, ctx.now, slot) });
}

/** The member's pieces by id (their wardrobe: for the pieces a booking names and the pieces to pick from). */
export async function piecesOf(db: Database, memberId: string): Promise<Map<string, PieceInfo & { active: boolean }>> {
  const items = await wardrobeOf(db, memberId);
  return new Map(items.map((i) => [i._id, { name: i.name, image: i.image, active: i.status === 'active' }]));
}

/** Bookings as the member sees them (store names and pieces read once for all). */
export async function bookingViews(db: Database, memberId: string, bookings: Booking[], now: Date): Promise<BookingView[]> {
  if (bookings.length === 0) return [];
  const needPieces = bookings.some((b) => b.pieceIds.length > 0);
  const [stores, pieces] = await Promise.all([storesById(db, bookings.map((b) => b.storeId)), needPieces ? piecesOf(db, memberId) : Promise.resolve(new Map())]);
  return bookings.map((b) => bookingView(b, stores.get(b.storeId)?.name ?? b.storeId, pieces, now));
}
