import type { Staff } from '../../staff/staff';
import { dayKeyInstant, shopDayKey, shopDayStart } from '../../time';
import { BOOKING, type BookingSlot } from './booking';

export interface SlotRequest {
  /** shop day "YYYYMMDD" */
  day: string;
  /** first start, "HH:mm" shop time */
  start: string;
  minutes: number;
  count: number;
}

export type SlotPlan = { ok: true; slots: BookingSlot[] } | { ok: false; message: string };

/** A stretch of the stylist's day already given to a slot (the slot's id and its time). */
export type BusyStretch = Pick<BookingSlot, '_id' | 'startAt' | 'endAt'>;

/**
 * The slots a stylist publishes for one day: `count` back to back from `start`. Refused when the day
 * is past or too far ahead, a slot would run past midnight, or one overlaps a stretch of their day
 * already given to another slot (the very same slot again is a retry, not an overlap).
 * `stylistKey` is a keyed digest of the stylist (their id is an openid and never goes into a slot id).
 */
export function planSlots(staff: Staff, stylistKey: string, req: SlotRequest, busy: BusyStretch[], now: Date): SlotPlan {
  const dayStart = shopDayStart(dayKeyInstant(req.day));
  if (shopDayKey(dayStart) !== req.day) return { ok: false, message: '日期不对' };
  const [hh, mm] = req.start.split(':').map(Number) as [number, number];
  const first = dayStart.getTime() + (hh * 60 + mm) * 60_000;
  const step = req.minutes * 60_000;
  const last = first + req.count * step;
  if (first <= now.getTime()) return { ok: false, message: '开始时间已过，请选之后的时间' };
  if (dayStart.getTime() > shopDayStart(now, BOOKING.daysAhead).getTime()) return { ok: false, message: `最多提前 ${BOOKING.daysAhead} 天发布` };
  if (last > shopDayStart(dayStart, 1).getTime()) return { ok: false, message: '时段不能跨过午夜' };
  const slots = Array.from({ length: req.count }, (_, i): BookingSlot => {
    const startAt = new Date(first + i * step);
    const hhmm = String(hh * 60 + mm + i * req.minutes);
    return {
      _id: `${staff.storeId}-${req.day}-${hhmm.padStart(4, '0')}-${stylistKey}`,
      storeId: staff.storeId,
      stylistId: staff._id,
      stylistName: staff.name,
      day: req.day,
      startAt,
      endAt: new Date(startAt.getTime() + step),
      bookingId: null,
      createdAt: now,
    };
  });
  const planned = new Set(slots.map((s) => s._id));
  const overlaps = busy.some((b) => !planned.has(b._id) && b.startAt.getTime() < last && b.endAt.getTime() > first);
  if (overlaps) return { ok: false, message: '和你已发布的时段重叠了' };
  return { ok: true, slots };
}

/** The days a stylist picks from to see and publish slots: today and the 6 after it, on the shop's calendar. */
export function stylistDays(now: Date, count = 7): Array<{ day: string; label: string }> {
  return Array.from({ length: count }, (_, i) => {
    const start = shopDayStart(now, i);
    const key = shopDayKey(start);
    return { day: key, label: i === 0 ? '今天' : i === 1 ? '明天' : `${Number(key.slice(4, 6))}月${Number(key.slice(6, 8))}日` };
  });
}
