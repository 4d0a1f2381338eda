import type { ActionOutput, AppError } from '../../cloudfunctions/contract';
import { serviceFor } from './cloud';
import { errorText } from './errors';
import { newRequestId } from './points';

export type BookingOptions = ActionOutput<'benefits', 'bookingOptions'>;
export type BookingView = ActionOutput<'benefits', 'book'>['booking'];
export type MyBookings = ActionOutput<'benefits', 'myBookings'>;
export type StylistDay = ActionOutput<'benefits', 'mySlots'>;
export type StylistSlot = StylistDay['slots'][number];

export interface BookRequest {
  slotId: string;
  scene: string;
  budget?: number;
  pieces?: string[];
  note?: string;
}

/** The `benefits` function's 造型师1对1 calls: the member's booking page and the stylist's slots page. */
export const bookingApi = serviceFor('benefits', (benefits) => ({
  options: (want: { storeId?: string; day?: string } = {}) => benefits('bookingOptions', want),
  /** one request id per confirmed tap: a retry of the same tap books once */
  book: (req: BookRequest, requestId: string = newRequestId()) => benefits('book', { ...req, scene: req.scene as never, requestId }),
  mine: () => benefits('myBookings'),
  cancel: (bookingId: string) => benefits('cancelBooking', { bookingId }),
  move: (bookingId: string, slotId: string) => benefits('moveBooking', { bookingId, slotId }),
  /** stylists and managers (FORBIDDEN for anyone else) */
  daySlots: (day?: string) => benefits('mySlots', day ? { day } : {}),
  publish: (day: string, start: string, minutes: 30 | 45 | 60 | 90, count: number) => benefits('publishSlots', { day, start, minutes, count }),
  markVisit: (bookingId: string, outcome: 'done' | 'noShow') => benefits('markVisit', { bookingId, outcome }),
}));

/** The booking function says its refusals in shop words (暂停至 12月26日, 刚被约走了): show those; else the catalogue. */
export function bookingErrorText(error: AppError): string {
  return /[\u4e00-\u9fff]/.test(error.message) && error.code !== 'INTERNAL' ? error.message : errorText(error);
}

