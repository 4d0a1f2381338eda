import type { BookingView, SlotView } from '../../../contract/benefitsBooking';
import { shopTime, toIso } from '../../time';
import type { Booking, BookingSlot } from './booking';
import { changeRefusal } from './changeWindow';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** "14:00–14:45" in shop time. */
export const timeRange = (startAt: Date, endAt: Date) => `${shopTime(startAt).format('HH:mm')}–${shopTime(endAt).format('HH:mm')}`;

/** "12月1日 周二" in shop time. */
export function dayLabel(instant: Date): string {
  const t = shopTime(instant);
  return `${t.format('M月D日')} 周${WEEKDAYS[t.day()]}`;
}

export function slotView(s: BookingSlot): SlotView {
  return { slotId: s._id, startAt: toIso(s.startAt), endAt: toIso(s.endAt), time: timeRange(s.startAt, s.endAt), stylistName: s.stylistName };
}

export interface PieceInfo {
  name: string;
  image: string;
}

export function bookingView(b: Booking, storeName: string, pieces: Map<string, PieceInfo>, now: Date): BookingView {
  return {
    bookingId: b._id,
    storeId: b.storeId,
    storeName,
    stylistName: b.stylistName,
    startAt: toIso(b.startAt),
    when: `${dayLabel(b.startAt)} ${timeRange(b.startAt, b.endAt)}`,
    scene: b.scene,
    budgetFen: b.budgetFen,
    note: b.note,
    pieces: b.pieceIds.flatMap((id) => {
      const p = pieces.get(id);
      return p ? [{ pieceId: id, name: p.name, image: p.image }] : [];
    }),
    state: b.state,
    canChange: changeRefusal(b, now) === null,
    cancelReason: b.state === 'cancelled' ? (b.cancelReason ?? '已取消') : null,
  };
}
