import type { BookingRule } from './rule';

/** The slot exists, is still ahead and nobody holds it (the conditional update decides a race). */
export const slotOpen: BookingRule = {
  code: 'slot',
  check(f) {
    if (!f.slot) return { code: 'NOT_FOUND', message: '这个时段不存在' };
    if (f.slot.startAt.getTime() <= f.now.getTime()) return { code: 'NOT_CLAIMABLE', message: '这个时段已经开始了，请另选时间' };
    if (f.slot.bookingId !== null) return { code: 'CONFLICT', message: '这个时段刚被约走了，请另选时间' };
    return null;
  },
};
