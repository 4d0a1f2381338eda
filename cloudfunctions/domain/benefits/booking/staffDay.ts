import type { StaffSlotView } from '../../../contract/benefitsBooking';
import { COLOUR_SEASON_NAMES } from '../../../contract/styleWords';
import type { Member } from '../../member';
import type { StyleReportRecord } from '../../style/records';
import { tierOf } from '../../tiers';
import { toIso } from '../../time';
import type { WardrobeItem } from '../../wardrobe/item';
import type { Booking, BookingSlot } from './booking';
import { markRefusal } from './changeWindow';
import { mayBook } from './rules/tierAtLeastGrower';
import { timeRange } from './views';

/** How many other wardrobe pieces the stylist sees besides those the member picked. */
export const WARDROBE_HIGHLIGHTS = 6;

export interface BookedMember {
  booking: Booking;
  member: Member | null;
  report: StyleReportRecord | null;
  wardrobe: WardrobeItem[];
}

/** A slot on the stylist's day list: the member masked (nickname, masked phone, tier), their request, style and wardrobe. */
export function staffSlotView(slot: BookingSlot, booked: BookedMember | null, now: Date): StaffSlotView {
  const base = { slotId: slot._id, startAt: toIso(slot.startAt), time: timeRange(slot.startAt, slot.endAt), stylistName: slot.stylistName };
  if (!booked) return { ...base, booking: null };
  const { booking: b, member: m, report, wardrobe } = booked;
  const stillEligible = m !== null && mayBook(m.tier);
  const active = wardrobe.filter((w) => w.status === 'active');
  const picked = new Set(b.pieceIds);
  return {
    ...base,
    booking: {
      bookingId: b._id,
      state: b.state,
      scene: b.scene,
      budgetFen: b.budgetFen,
      note: b.note,
      member: { nickname: m?.nickname ?? null, phoneMasked: m?.phoneMasked ?? null, tierName: m ? tierOf(m.tier).name : '已退出', stillEligible },
      style: { season: report ? COLOUR_SEASON_NAMES[report.report.colour.season] : null, styles: report ? [report.report.style.primary.style, report.report.style.secondary.style] : [] },
      pieces: active.filter((w) => picked.has(w._id)).map((w) => ({ name: w.name, image: w.image })),
      wardrobe: active.filter((w) => !picked.has(w._id)).slice(0, WARDROBE_HIGHLIGHTS).map((w) => ({ name: w.name, image: w.image })),
      canMark: markRefusal(b, 'done', true, now) === null,
      canMarkNoShow: markRefusal(b, 'noShow', stillEligible, now) === null,
    },
  };
}
